package nl.helpline.warehouse.report.workbook;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The writers' fixed texts, per language. */
final class Texts {

    static final Texts NL = new Texts(Language.NL);
    static final Texts EN = new Texts(Language.EN);

    private final Language lang;
    private final DateTimeFormatter date;
    private final DateTimeFormatter dateTime;

    private Texts(Language lang) {
        this.lang = lang;
        this.date = DateTimeFormatter.ofPattern("d MMMM uuuu", lang.locale());
        this.dateTime = DateTimeFormatter.ofPattern(nl() ? "d MMMM uuuu 'om' HH:mm" : "d MMMM uuuu 'at' HH:mm", lang.locale());
    }

    static Texts of(Language lang) {
        return lang == Language.NL ? NL : EN;
    }

    private boolean nl() {
        return lang == Language.NL;
    }

    private String t(String dutch, String english) {
        return nl() ? dutch : english;
    }

    String date(LocalDate day) {
        return date.format(day);
    }

    /** A percentage for a sentence, one decimal, the language's decimal separator: "69,2%" / "69.2%". */
    String percent(double percent) {
        DecimalFormat format = new DecimalFormat("0.0", DecimalFormatSymbols.getInstance(lang.locale()));
        return format.format(Numbers.percent(percent)) + "%";
    }

    String count(long count) {
        return Long.toString(count);
    }

    // Sheet names: short, no spaces, valid in Excel (at most 31 characters, none of []:*?/\).
    String coverSheet() { return t("Voorblad", "Cover_sheet"); }
    String contentsSheet() { return t("Inhoud", "Contents"); }
    String notesSheet() { return t("Toelichting", "Notes"); }
    String tableSheet(int n) { return t("Tabel_", "Table_") + n; }
    String dataSheet() { return "Data"; }
    String chartsSheet() { return t("Grafieken", "Charts"); }

    String noteRef(int n) { return t("[noot ", "[note ") + n + "]"; }

    // Draft and release
    String draftBanner() { return t("CONCEPT — intern werkdocument, niet verspreiden", "DRAFT — internal working document, do not distribute"); }
    String draftStatus() { return t("Concept", "Draft"); }
    String draftKeywords() { return t("concept; intern werkdocument; niet verspreiden", "draft; internal working document; do not distribute"); }
    String releaseStatus(int version, LocalDate releasedOn) {
        return t("Versie " + version + ", gepubliceerd op ", "Version " + version + ", published on ") + date(releasedOn);
    }
    String releaseKeywords() { return t("publicatie; hulp- en advieslijn; extremisme", "release; help and advice line; extremism"); }

    // Cover sheet
    String periodHeading() { return t("Periode", "Period"); }
    String periodText(String name, LocalDate start, LocalDate end) {
        return Character.toUpperCase(name.charAt(0)) + name.substring(1) + ": " + PeriodNames.days(start, end, lang) + ".";
    }
    String populationHeading() { return t("Wat wordt geteld", "What is counted"); }
    String publicationHeading() { return t("Publicatie", "Publication"); }
    String publicationText(boolean draft, int version, LocalDate releasedOn) {
        return draft ? t("Concept: nog niet gepubliceerd. Dit werkdocument mag de organisatie niet verlaten.",
                "Draft: not published. This working document must not leave the organisation.")
                : releaseStatus(version, releasedOn) + ".";
    }
    String nextReleaseHeading() { return t("Volgende publicatie", "Next release"); }
    String nextReleaseText(LocalDate next, boolean draft, boolean provisional) {
        if (next != null) {
            return t("De volgende cijfers over deze periode verschijnen naar verwachting op ", "The next figures for this period are expected on ")
                    + date(next) + ".";
        }
        if (!draft && !provisional) {
            return t("Geen: dit zijn de definitieve cijfers over deze periode.", "None: these are the final figures for this period.");
        }
        return t("Nog niet vastgesteld.", "Not yet set.");
    }
    String provisionalHeading() { return t("Voorlopige cijfers [p]", "Provisional figures [p]"); }
    String provisionalText() {
        return t("Nog niet alle verzoeken die in deze periode binnenkwamen zijn afgesloten. De cijfers zijn daarom voorlopig"
                        + " en gemarkeerd met [p]: ze kunnen veranderen wanneer die verzoeken worden afgesloten.",
                "Not all requests received in this period are closed yet. The figures are therefore provisional and marked [p]:"
                        + " they may change when those requests are closed.");
    }
    String sourceHeading() { return t("Bron", "Source"); }
    String dataAsOfHeading() { return t("Stand van de gegevens", "Data as of"); }
    String dataAsOfText(LocalDateTime asOf) {
        return t("De nieuwste wijziging van een verzoek in deze cijfers is van ", "The newest change to a request in these figures is of ")
                + dateTime.format(asOf) + ".";
    }
    String noRequestsText() {
        return t("Deze periode bevat (nog) geen verzoeken die aan de beschrijving voldoen.",
                "This period holds no requests (yet) that fit the description.");
    }
    String suppressionHeading() { return t("Kleine aantallen", "Small counts"); }
    String suppressionText(int threshold) {
        return t("Bij een aantal kleiner dan " + threshold + " staat het teken < " + threshold
                        + " vanwege het risico op herleidbaarheid. [c] staat bij een aantal dat is weggelaten omdat anders een"
                        + " klein aantal uit de andere cijfers af te leiden is, en bij het percentage van elk weggelaten aantal."
                        + " Zie het werkblad " + notesSheet() + ".",
                "A count smaller than " + threshold + " is shown as < " + threshold + " because of the risk of"
                        + " identification. [c] marks a count withheld because a small count could otherwise be derived from"
                        + " the other figures, and the percentage of every withheld count. See the " + notesSheet() + " worksheet.");
    }
    String contactHeading() { return t("Contact", "Contact"); }
    String phoneLabel() { return t("Telefoon: ", "Phone: "); }
    String emailLabel() { return t("E-mail: ", "Email: "); }
    String websiteLabel() { return "Website: "; }

    // Contents sheet
    String contentsTitle() { return t("Inhoud", "Contents"); }
    String contentsLine() {
        return t("Dit werkblad bevat één tabel, met een link naar elk werkblad.",
                "This worksheet contains one table, with a link to every worksheet.");
    }
    String contentsSheetHeader() { return t("Werkblad", "Worksheet"); }
    String contentsTitleHeader() { return t("Inhoud van het werkblad", "Worksheet contents"); }
    String coverDescription() { return t("Titel, periode, publicatie, bron en contact", "Title, period, publication, source and contact"); }
    String notesDescription() { return t("Noten, tekens en controle van de cijfers", "Notes, symbols and the check of the figures"); }
    String dataDescription() { return t("Alle tabellen in één lange tabel, voor draaitabellen", "All tables in one long table, for pivot tables"); }
    String chartsDescription() { return t("Grafieken van gepubliceerde cijfers", "Charts of published figures"); }

    // Notes sheet
    String notesTitle() { return t("Toelichting", "Notes"); }
    String notesLine() {
        return t("Dit werkblad bevat één tabel met de noten en de betekenis van de tekens in de tabellen.",
                "This worksheet contains one table with the notes and the meaning of the symbols in the tables.");
    }
    String notesKeyHeader() { return t("Noot of teken", "Note or symbol"); }
    String notesTextHeader() { return t("Toelichting", "Note text"); }
    String primaryMeaning(int threshold) {
        return t("Het aantal is kleiner dan " + threshold + " en wordt niet getoond vanwege het risico op herleidbaarheid."
                        + " In de kolom Percentage staat dan [c].",
                "The count is smaller than " + threshold + " and is not shown because of the risk of identification."
                        + " The Percentage column shows [c].");
    }
    String secondaryMeaning() {
        return t("Vertrouwelijk, niet getoond. In de kolom Aantal: het aantal is niet klein, maar wordt niet getoond omdat anders"
                        + " een aantal kleiner dan de drempel uit de andere cijfers af te leiden is. In de kolom Percentage: het"
                        + " percentage van een niet getoond aantal (< of [c]), of van een tabel waarvan de basis niet getoond wordt;"
                        + " het zou het aantal verraden.",
                "Confidential, withheld. In the Count column: the count is not small, but it is withheld because a count below the"
                        + " threshold could otherwise be derived from the other figures. In the Percentage column: the percentage of"
                        + " a withheld count (< or [c]), or of a table whose base is withheld; it would give the count away.");
    }
    String notApplicableMeaning() {
        return t("Niet van toepassing: bij het totaal zelf staat geen percentage.",
                "Not applicable: the total itself has no percentage.");
    }
    String provisionalMeaning() {
        return t("Voorlopig: nog niet alle verzoeken uit deze periode zijn afgesloten; de cijfers kunnen veranderen."
                        + " Staat achter de titel van elke tabel en in de kolom Status van het werkblad Data.",
                "Provisional: not all requests of this period are closed yet; the figures may change."
                        + " Shown after the title of every table and in the Status column of the Data worksheet.");
    }
    String revisedMeaning() {
        return t("Herzien: deze cel toont iets anders dan de vorige versie van deze publicatie. Staat in de kolom Status.",
                "Revised: this cell shows something else than the previous version of this publication. Shown in the Status column.");
    }
    String multiValuedKey() { return t("Meerdere categorieën", "Several categories"); }
    String multiValuedMeaning() {
        return t("Een verzoek telt mee in elke categorie die het raakt. De aantallen tellen daarom op tot meer dan de basis (n)"
                        + " en de percentages tot meer dan 100%. Dit geldt voor:",
                "A request counts in each category it touches, so the counts add up to more than the base (n) and the"
                        + " percentages to more than 100%. This applies to:");
    }
    String baseKey() { return t("Basis (n)", "Base (n)"); }
    String baseMeaning() {
        return t("Het aantal verzoeken waarvan de percentages van een tabel zijn berekend: alle verzoeken, of bij de werkterreinen"
                        + " de verzoeken van professionals en bij de aanvullende ondersteuning de verzoeken met aanvullende"
                        + " ondersteuning. Staat de basis zelf als < of [c], dan staan er geen percentages.",
                "The number of requests a table's percentages are of: all requests, or for the work domains the requests from"
                        + " professionals and for additional support the requests with additional support. When the base itself is"
                        + " shown as < or [c], no percentages are shown.");
    }
    String filtersKey() { return t("Filters", "Filters"); }
    String filtersMeaning() {
        return t("Alleen het werkblad Data heeft filterknoppen en een vaste kopregel: het is lang en bedoeld om te filteren."
                        + " De andere tabellen zijn kort genoeg om in één keer te lezen.",
                "Only the Data worksheet has filter buttons and a frozen header row: it is long and meant for filtering."
                        + " The other tables are short enough to read at a glance.");
    }
    String auditKey() { return t("Controle", "Check"); }
    String auditText(boolean passed, String text) {
        return (passed ? t("Geslaagd. ", "Passed. ") : t("NIET geslaagd. ", "FAILED. ")) + text;
    }
    String changeKey() { return t("Wijziging", "Revision"); }
    String changeText(String tableSheet, String tableTitle, String label, String previous, String current) {
        return t("Gewijzigd sinds een eerdere publicatie van deze periode: ", "Revised since an earlier publication of this period: ")
                + tableTitle + " (" + tableSheet + "), " + label + ": " + shownValue(previous) + " → " + shownValue(current) + ".";
    }

    private String shownValue(String shown) {
        return shown.equals("-") ? t("geen cel", "no cell") : shown;
    }

    String noChanges() {
        return t("Geen cijfers gewijzigd sinds een eerdere publicatie van deze periode.",
                "No figures revised since an earlier publication of this period.");
    }

    // Table sheets
    String tableTitle(String title, String periodName, boolean provisional) {
        return title + ", " + periodName + (provisional ? " [p]" : "");
    }
    String baseLine(String description, String shownBase, boolean baseWithheld) {
        return description + " " + t("Basis (n): ", "Base (n): ") + shownBase
                + (baseWithheld ? t("; de percentages staan daarom als [c].", "; the percentages are therefore shown as [c].") : ".");
    }
    String tableLine(int threshold) {
        return t("Dit werkblad bevat één tabel. Zie het werkblad " + notesSheet() + " voor de noten en de tekens < " + threshold
                        + ", [c] en [z].",
                "This worksheet contains one table. See the " + notesSheet() + " worksheet for the notes and the symbols < " + threshold
                        + ", [c] and [z].");
    }
    String multiValuedLine() {
        return t("Een verzoek kan in meer categorieën vallen; de percentages tellen op tot meer dan 100%.",
                "A request can fall into several categories; the percentages add up to more than 100%.");
    }
    String codeHeader() { return "Code"; }
    String labelHeader() { return t("Categorie", "Category"); }
    String countHeader() { return t("Aantal", "Count"); }
    String percentHeader() { return t("Percentage", "Percentage"); }
    String baseHeader() { return t("Basis (n)", "Base (n)"); }
    String statusHeader() { return "Status"; }
    String periodHeader() { return t("Periode", "Period"); }
    String status(CellStatus status) {
        return switch (status) {
            case PUBLISHED -> t("gepubliceerd", "published");
            case PRIMARY -> t("niet getoond: klein aantal", "withheld: small count");
            case SECONDARY -> t("niet getoond: vertrouwelijk", "withheld: confidential");
        };
    }
    String status(CellStatus status, boolean revised, boolean provisional) {
        return status(status) + (revised ? t("; herzien [r]", "; revised [r]") : "") + (provisional ? " [p]" : "");
    }

    // Data sheet
    String dataTitle() { return t("Alle tabellen in lang formaat", "All tables in long format"); }
    String dataLine() {
        return t("Dit werkblad bevat één tabel: één rij per categorie van elke tabel, om te draaien of te filteren.",
                "This worksheet contains one table: one row per category of every table, for pivoting or filtering.");
    }
    String dataMarkersLine() {
        return t("< en [c] staan voor een niet getoond aantal, [z] voor niet van toepassing; zie het werkblad " + notesSheet() + ".",
                "< and [c] mark a withheld value, [z] not applicable; see the " + notesSheet() + " worksheet.");
    }
    String dataFiltersLine() {
        return t("De kopregel blijft staan bij het scrollen en heeft filterknoppen om rijen te kiezen.",
                "The header row stays in view when scrolling and has filter buttons to choose rows.");
    }
    String tableHeader() { return t("Tabel", "Table"); }

    // Charts sheet
    String chartsTitle() { return t("Grafieken", "Charts"); }
    String chartsLine() {
        return t("De grafieken tonen alleen gepubliceerde cijfers. De gegevens van elke grafiek staan in een tabel links ervan.",
                "The charts show published figures only. The data of each chart are in a table to its left.");
    }
    String chartsSuppressedLine() {
        return t("Een niet getoonde categorie (< of [c]) staat wel in de grafiek, maar zonder waarde.",
                "A withheld category (< or [c]) keeps its place in the chart but has no value.");
    }
    String chartsPrintLine() {
        return t("Afgedrukt staat elke grafiek met haar gegevens op een eigen pagina.",
                "Printed, each chart and its data take a page of their own.");
    }
    String chartDataTitle(String title) { return t("Gegevens van de grafiek: ", "Chart data: ") + title; }

    /**
     * Alternative text that states the chart's message: its largest published category, and the categories
     * it cannot show.
     */
    String chartAltText(ChartSpec.Type type, String title, PublishedCell largest, boolean percent, List<String> withheld) {
        String kind = type == ChartSpec.Type.PIE ? t("Cirkeldiagram", "Pie chart") : t("Staafdiagram", "Bar chart");
        StringBuilder text = new StringBuilder(kind).append(". ").append(title).append(": ");
        if (largest == null) {
            text.append(t("geen gepubliceerde waarden.", "no published values."));
        } else {
            String value = percent && largest.percent() != null ? percent(largest.percent()) : count(largest.count());
            text.append(t("de grootste categorie is ", "the largest category is ")).append(largest.label())
                    .append(t(" met ", " with ")).append(value);
            if (!percent && largest.percent() != null) {
                text.append(" (").append(percent(largest.percent())).append(")");
            }
            text.append('.');
        }
        if (!withheld.isEmpty()) {
            text.append(t(" Niet getoond: ", " Withheld: ")).append(String.join(", ", withheld)).append('.');
        }
        return text.toString();
    }
}
