package nl.helpline.warehouse.report.workbook;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

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

    // Sheet names: short, no spaces, valid in Excel (at most 31 characters, none of []:*?/\).
    String coverSheet() { return t("Voorblad", "Cover_sheet"); }
    String contentsSheet() { return t("Inhoud", "Contents"); }
    String notesSheet() { return t("Toelichting", "Notes"); }
    String tableSheet(int n) { return t("Tabel_", "Table_") + n; }
    String dataSheet() { return "Data"; }
    String chartsSheet() { return t("Grafieken", "Charts"); }

    String noteRef(int n) { return t("[noot ", "[note ") + n + "]"; }

    // Cover sheet
    String periodHeading() { return t("Periode", "Period"); }
    String periodText(String period, LocalDate start, LocalDate end) {
        return period + ": " + date.format(start) + t(" tot en met ", " to ") + date.format(end) + ".";
    }
    String populationHeading() { return t("Wat wordt geteld", "What is counted"); }
    String definitionHeading() { return t("Rapportdefinitie", "Report definition"); }
    String definitionText(String name) {
        return t("Deze cijfers zijn gemaakt met de rapportdefinitie '", "These figures were produced with the report definition '")
                + name + "'.";
    }
    String sourceHeading() { return t("Bron", "Source"); }
    String dataAsOfHeading() { return t("Stand van de gegevens", "Data as of"); }
    String dataAsOfText(LocalDateTime asOf) {
        return t("De gegevens geven de stand weer van ", "The data are as they stood on ") + dateTime.format(asOf) + ".";
    }
    String suppressionHeading() { return t("Kleine aantallen", "Small counts"); }
    String suppressionText(int threshold) {
        return t("Bij een aantal kleiner dan " + threshold + " staat het teken < " + threshold
                        + " vanwege het risico op herleidbaarheid. [c] staat bij een aantal dat is weggelaten omdat anders een"
                        + " klein aantal uit de andere cijfers af te leiden is. Zie het werkblad " + notesSheet() + ".",
                "A count smaller than " + threshold + " is shown as < " + threshold + " because of the risk of"
                        + " identification. [c] marks a count withheld because a small count could otherwise be derived from"
                        + " the other figures. See the " + notesSheet() + " worksheet.");
    }
    String contactHeading() { return t("Contact", "Contact"); }

    // Contents sheet
    String contentsTitle() { return t("Inhoud", "Contents"); }
    String contentsLine() {
        return t("Dit werkblad bevat één tabel, met een link naar elk werkblad.",
                "This worksheet contains one table, with a link to every worksheet.");
    }
    String contentsSheetHeader() { return t("Werkblad", "Worksheet"); }
    String contentsTitleHeader() { return t("Inhoud van het werkblad", "Worksheet contents"); }
    String coverDescription() { return t("Titel, periode, bron en contact", "Title, period, source and contact"); }
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
                        + " Het percentage wordt dan ook niet getoond.",
                "The count is smaller than " + threshold + " and is not shown because of the risk of identification."
                        + " Its percentage is not shown either.");
    }
    String secondaryMeaning() {
        return t("Vertrouwelijk: het aantal is niet klein, maar wordt niet getoond omdat anders een aantal kleiner dan de"
                        + " drempel uit de andere cijfers af te leiden is.",
                "Confidential: the count is not small, but it is withheld because a count below the threshold could"
                        + " otherwise be derived from the other figures.");
    }
    String multiValuedKey() { return t("Meerdere categorieën", "Several categories"); }
    String multiValuedMeaning() {
        return t("Een verzoek telt mee in elke categorie die het raakt. De aantallen tellen daarom op tot meer dan het"
                        + " totaal en de percentages tot meer dan 100%. Dit geldt voor:",
                "A request counts in each category it touches, so the counts add up to more than the total and the"
                        + " percentages to more than 100%. This applies to:");
    }
    String auditKey() { return t("Controle", "Check"); }
    String auditText(boolean passed, String text) {
        return (passed ? t("Geslaagd. ", "Passed. ") : t("NIET geslaagd. ", "FAILED. ")) + text;
    }
    String changeKey() { return t("Wijziging", "Revision"); }
    String changeText(String tableSheet, String tableTitle, String label, String category, String previous, String current) {
        String cell = label.equals(category) ? category : label + " (" + category + ")";
        return t("Gewijzigd sinds een eerdere publicatie van deze periode: ", "Revised since an earlier publication of this period: ")
                + tableTitle + " (" + tableSheet + "), " + cell + ": " + shownValue(previous) + " → " + shownValue(current) + ".";
    }

    private String shownValue(String shown) {
        return shown.equals("-") ? t("geen cel", "no cell") : shown;
    }

    String noChanges() {
        return t("Geen cijfers gewijzigd sinds een eerdere publicatie van deze periode.",
                "No figures revised since an earlier publication of this period.");
    }

    // Table sheets
    String tableLine() {
        return t("Dit werkblad bevat één tabel. Zie het werkblad " + notesSheet() + " voor de tekens < en [c].",
                "This worksheet contains one table. See the " + notesSheet() + " worksheet for the symbols < and [c].");
    }
    String multiValuedLine() {
        return t("Een verzoek kan in meer categorieën vallen; de percentages tellen op tot meer dan 100%.",
                "A request can fall into several categories; the percentages add up to more than 100%.");
    }
    String codeHeader() { return "Code"; }
    String labelHeader() { return t("Categorie", "Category"); }
    String countHeader() { return t("Aantal", "Count"); }
    String percentHeader() { return t("Percentage", "Percentage"); }
    String statusHeader() { return "Status"; }
    String status(CellStatus status) {
        return switch (status) {
            case PUBLISHED -> t("gepubliceerd", "published");
            case PRIMARY -> t("niet getoond: klein aantal", "withheld: small count");
            case SECONDARY -> t("niet getoond: vertrouwelijk", "withheld: confidential");
        };
    }

    // Data sheet
    String dataTitle() { return t("Alle tabellen in lang formaat", "All tables in long format"); }
    String dataLine() {
        return t("Dit werkblad bevat één tabel: één rij per categorie van elke tabel, om te draaien of te filteren.",
                "This worksheet contains one table: one row per category of every table, for pivoting or filtering.");
    }
    String dataMarkersLine() {
        return t("< en [c] staan voor een niet getoond aantal; zie het werkblad " + notesSheet() + ".",
                "< and [c] mark a withheld count; see the " + notesSheet() + " worksheet.");
    }
    String tableHeader() { return t("Tabel", "Table"); }

    // Charts sheet
    String chartsTitle() { return t("Grafieken", "Charts"); }
    String chartsLine() {
        return t("De grafieken tonen alleen gepubliceerde cijfers. De gegevens van elke grafiek staan links ervan.",
                "The charts show published figures only. The data of each chart are to its left.");
    }
    String chartsSuppressedLine() {
        return t("Een niet getoonde categorie (< of [c]) staat wel in de grafiek, maar zonder waarde.",
                "A withheld category (< or [c]) keeps its place in the chart but has no value.");
    }
    String chartDataTitle(String title) { return t("Grafiekgegevens: ", "Chart data: ") + title; }
    String chartAltText(ChartSpec.Type type, String title, String range) {
        String kind = type == ChartSpec.Type.PIE ? t("Cirkeldiagram", "Pie chart") : t("Staafdiagram", "Bar chart");
        return kind + ": " + title + t(". De gegevens staan in de cellen ", ". The data are in cells ") + range + ".";
    }
}
