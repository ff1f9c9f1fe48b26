package nl.helpline.warehouse.infographic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import nl.helpline.warehouse.report.PublicationState;
import nl.helpline.warehouse.report.workbook.CellsCsvWriter;
import nl.helpline.warehouse.report.workbook.EditorialTexts;
import nl.helpline.warehouse.report.workbook.Language;
import nl.helpline.warehouse.report.workbook.PublishedCell;
import nl.helpline.warehouse.report.workbook.ReportDocument;
import nl.helpline.warehouse.report.workbook.SampleReports;
import nl.helpline.warehouse.report.workbook.SampleReports.Hidden;
import nl.helpline.warehouse.report.workbook.SampleReports.Sample;

/**
 * The infographic shows every figure and sign a release publishes, and nothing it does not: checked
 * in the text layer of the PDF (PDFBox) and in the text of the HTML page, on sample releases whose
 * withheld cells have known true counts.
 */
class InfographicTest {

    private static final int T = SampleReports.THRESHOLD;
    private static final Map<Language, EditorialTexts> TEXTS = new HashMap<>();

    /** The two outputs of one release, as text. */
    record Rendered(InfographicRenderer.Output output, String pdfText, List<String> pdfPages, String htmlText, Document html) {
    }

    @BeforeAll
    static void texts() {
        for (Language lang : Language.values()) {
            TEXTS.put(lang, EditorialTexts.load(Path.of("jobs"), lang));
        }
    }

    static Rendered render(Release release) throws Exception {
        InfographicRenderer.Output output = InfographicRenderer.render(release, TEXTS.get(release.lang()));
        List<String> pages = new ArrayList<>();
        String pdfText;
        try (PDDocument pdf = Loader.loadPDF(output.pdf())) {
            PDFTextStripper stripper = new PDFTextStripper();
            // The order of the drawing operations: the reading order, also across the two columns of page 1 (sorting
            // by position would interleave them); only a link's text comes after its sentence.
            pdfText = stripper.getText(pdf);
            for (int p = 1; p <= pdf.getNumberOfPages(); p++) {
                stripper.setStartPage(p);
                stripper.setEndPage(p);
                pages.add(stripper.getText(pdf));
            }
        }
        Document html = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(
                new String(output.html(), StandardCharsets.UTF_8).replace("<!DOCTYPE html>", "").getBytes(StandardCharsets.UTF_8)));
        String htmlText = html.getElementsByTagName("body").item(0).getTextContent();
        // A compound word broken after its hyphen at the end of a line is one word again.
        String joined = pdfText.replace('\u00A0', ' ').replaceAll("(?<=\\p{L})-\\R(?=\\p{L})", "-");
        return new Rendered(output, joined, pages, htmlText.replace('\u00A0', ' '), html);
    }

    @Test
    void everyPublishedFigureAndSignIsInThePdfAndTheHtmlAndNoWithheldValueIs() throws Exception {
        Sample sample = SampleReports.infographic2024H1(Language.NL, SampleReports.RELEASE_2);
        Release release = Release.of(sample.doc(), T, true);
        Rendered r = render(release);
        for (String text : List.of(squash(r.pdfText()), squash(r.htmlText()))) {
            assertThat(text).contains("Eerste halfjaar 2024", "Versie 2, gepubliceerd op 3 juli 2024", "91",
                    "Totaal aantal afgesloten verzoeken");
            // donuts: every slice's whole percentage of its published base
            assertThat(text).contains("69% Professional", "31% Niet-professional (burger)", "65% Telefoon", "30% E-mail",
                    "5% Anders (persoonlijk, overig of onbekend)", "67% Consultatie", "33% Aanvullende ondersteuning");
            // bars: count and percentage, or the sign and no number
            assertThat(text).contains("Veiligheidsdomein 18 (29%)", "Onderwijs 15 (24%)", "Zorg 12 (19%)", "Sociaal domein 8 (13%)",
                    "Gemeente [c]", "Jeugd < 5", "Jihadisme 21 (23%)", "Links-extremisme < 5", "Onbekend 8 (9%)",
                    "Individuele begeleiding (Forsa) 11 (37%)", "Vreemdelingenketen (LIV) < 5", "GGZ-consultatie 8 (27%)");
            // the figures in the sentences come from the same cells
            assertThat(text).contains("69% van de verzoeken komt van professionals",
                    "65% van de verzoeken is telefonisch gestart, 30% via e-mail en 5% op een andere wijze",
                    "Bij 67% van de verzoeken is een", "(33% van de verzoeken)");
            // the most common questions, by published count, and the note that a withheld one cannot rank
            assertThat(text).containsSubsequence("Is de situatie zorgelijk?", "Kunnen jullie mij helpen of doorverwijzen?",
                    "Hoe blijf ik in gesprek of contact?");
            assertThat(text).contains("Bij een aantal kleiner dan 5 is ervoor gekozen het teken < 5 te gebruiken",
                    "Sinds april 2024 is het LSE ook bereikbaar via een anonieme chatdienst",
                    "Bel 088 – 20 80 080 of stuur een e-mail naar", "info@hetlse.nl");
            assertNoWithheldValue(text, sample, release);
        }
        // The order of the three: 52, 44, 31 in the sample; Informatievraag (12) is fourth and not listed.
        assertThat(InfographicRenderer.topThree(release.table("help_question").orElseThrow()))
                .containsExactly("Is de situatie zorgelijk?", "Kunnen jullie mij helpen of doorverwijzen?",
                        "Hoe blijf ik in gesprek of contact?");
    }

    @Test
    void distinctiveWithheldCountsAndTheirPercentagesAppearNowhereAndTheScanFindsThemWhenLeaked() throws Exception {
        Sample sample = SampleReports.national(Language.EN);
        Rendered r = render(Release.of(sample.doc(), T, false));
        List<String> forms = distinctiveForms(sample.hidden());
        assertThat(forms).hasSizeGreaterThan(10);
        String html = new String(r.output().html(), StandardCharsets.UTF_8);
        for (String form : forms) {
            Pattern p = standalone(form);
            assertThat(p.matcher(r.pdfText()).find()).as("withheld '" + form + "' in the PDF's text").isFalse();
            assertThat(p.matcher(html).find()).as("withheld '" + form + "' anywhere in the HTML").isFalse();
        }
        assertThat(squash(r.pdfText())).contains("Other [c]", "Municipality [c]", "Youth services < 5", "Left-wing extremism < 5",
                "[c] in another way");
        assertNoWithheldValue(squash(r.pdfText()), sample, Release.of(sample.doc(), T, false));

        // Negative control: a broken engine that publishes the withheld cells; the same scan sees them.
        Sample leaky = SampleReports.national(Language.EN, true);
        Rendered leaked = render(Release.of(leaky.doc(), T, false));
        for (Hidden h : leaky.hidden()) {
            if (h.count() >= 100) {
                assertThat(standalone(Long.toString(h.count())).matcher(leaked.pdfText()).find()).as(h.category()).isTrue();
            }
        }
    }

    @Test
    void aDraftSaysSoOnEveryPageAndInItsPropertiesAndProvisionalAndRevisedFiguresAreMarked() throws Exception {
        PublicationState draft = PublicationState.draft(true, null);
        Rendered r = render(Release.of(SampleReports.infographic2024H1(Language.NL, draft).doc(), T, true));
        for (String page : r.pdfPages()) {
            assertThat(page).contains("CONCEPT — intern werkdocument, niet verspreiden");
        }
        assertThat(r.pdfPages()).hasSizeGreaterThan(1);
        assertThat(r.pdfText()).contains("Voorlopige cijfers [p]");
        try (PDDocument pdf = Loader.loadPDF(r.output().pdf())) {
            assertThat(pdf.getDocumentInformation().getSubject()).isEqualTo("CONCEPT — intern werkdocument, niet verspreiden");
            assertThat(pdf.getDocumentInformation().getAuthor()).isEqualTo("Landelijk Steunpunt Extremisme (LSE)");
            assertThat(pdf.getDocumentCatalog().getLanguage()).isEqualTo("nl-NL");
            assertThat(pdf.getDocumentCatalog().getMarkInfo().isMarked()).as("a tagged PDF").isTrue();
        }
        PublicationState release = new PublicationState(PublicationState.Kind.RELEASE, 3, java.time.LocalDate.of(2024, 8, 1),
                Set.of("requester.CITIZEN", "work_domain.YOUTH"), false, null);
        Rendered v3 = render(Release.of(SampleReports.infographic2024H1(Language.NL, release).doc(), T, true));
        assertThat(v3.pdfText()).doesNotContain("CONCEPT", "[p]");
        assertThat(squash(v3.pdfText())).contains("Versie 3, gepubliceerd op 1 augustus 2024", "Niet-professional (burger) [r]",
                "Jeugd [r] < 5", "[r] herzien sinds de vorige versie");
    }

    @Test
    void chartsDrawPublishedValuesOnlyAndADonutOnlyWhenTheSlicesAddUp() throws Exception {
        Sample sample = SampleReports.infographic2024H1(Language.EN);
        Release release = Release.of(sample.doc(), T, true);
        Document html = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(
                InfographicRenderer.html(release, TEXTS.get(Language.EN)).replace("<!DOCTYPE html>", "").getBytes(StandardCharsets.UTF_8)));
        NodeList figures = html.getElementsByTagName("figure");
        Map<String, Element> byCaption = new HashMap<>();
        for (int i = 0; i < figures.getLength(); i++) {
            Element figure = (Element) figures.item(i);
            byCaption.put(figure.getElementsByTagName("figcaption").item(0).getTextContent(), figure);
        }
        assertThat(byCaption.get("Professional versus not professional").getAttribute("class")).contains("donut-chart");
        assertThat(byCaption.get("Professional versus not professional").getElementsByTagName("svg").item(0)).isNotNull();
        Element domains = byCaption.get("Work domains of the professionals with a request for help or advice");
        assertThat(domains.getAttribute("class")).as("a withheld category: bars, not a donut").contains("bar-chart");
        NodeList rows = domains.getElementsByTagName("tr");
        int bars = 0;
        for (int i = 0; i < rows.getLength(); i++) {
            Element row = (Element) rows.item(i);
            String label = row.getElementsByTagName("th").item(0).getTextContent();
            boolean hasBar = row.getElementsByTagName("span").getLength() == 2;
            if (label.equals("Municipality") || label.equals("Youth services")) {
                assertThat(hasBar).as("no bar for withheld " + label).isFalse();
            } else {
                assertThat(hasBar).as(label).isTrue();
                bars++;
            }
        }
        assertThat(bars).isEqualTo(4);
        assertThat(domains.getElementsByTagName("table").item(0).getAttributes().getNamedItem("aria-label").getNodeValue())
                .isEqualTo("Work domains of the professionals with a request for help or advice: Security (police, enforcement) 29%,"
                        + " Education 24%, Care (GPs, psychologists) 19%, Social services 13%, Municipality [c], Youth services < 5.");

        // A donut's geometry holds only the published counts' shares: 63 and 28 of 91.
        String svg = Charts.donutSvg(List.of(63L, 28L), "x");
        assertThat(svg).contains("fill=\"#12436D\"", "fill=\"#28A197\"").doesNotContain("<text");
        assertThat(Charts.donutSvg(List.of(63L, 28L), "x")).isEqualTo(svg);
        assertThat(Charts.donutSvg(List.of(91L), "y")).as("a full ring is two half rings").contains("A58.000 58.000 0 0 1 60.000 118.000");
    }

    @Test
    void theSameReleaseGivesTheSameBytesInThisJvmAndInAnotherWithAnotherZoneLocaleAndEncoding(@TempDir Path dir) throws Exception {
        Release release = Release.of(SampleReports.infographic2024H1(Language.NL, SampleReports.RELEASE_2).doc(), T, true);
        InfographicRenderer.Output first = InfographicRenderer.render(release, TEXTS.get(Language.NL));
        InfographicRenderer.Output again = InfographicRenderer.render(release, EditorialTexts.load(Path.of("jobs"), Language.NL));
        assertThat(again.html()).isEqualTo(first.html());
        assertThat(again.pdf()).isEqualTo(first.pdf());
        String html = new String(first.html(), StandardCharsets.UTF_8);
        assertThat(html).as("self-contained: no script, no external resource")
                .doesNotContain("<script", "src=\"http", "<link ", "url(http").contains("<style>").contains("<svg");

        Path here = dir.resolve("here");
        SampleInfographicMain.main(new String[] {here.toString(), "nl"});
        Path there = dir.resolve("there");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-Duser.timezone=Pacific/Kiritimati", "-Duser.language=tr", "-Duser.country=TR",
                "-Dfile.encoding=ISO-8859-1", "-cp", System.getProperty("java.class.path"), SampleInfographicMain.class.getName(),
                there.toString(), "nl").redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(Files.readString(dir.resolve("child.log"))).isZero();
        for (String name : List.of("sample.nl.pdf", "sample.nl.html")) {
            assertThat(Files.readAllBytes(there.resolve(name))).as(name).isEqualTo(Files.readAllBytes(here.resolve(name)));
        }
    }

    @Test
    void aReleasesCellsCsvDrawsTheSameInfographicAsItsModel(@TempDir Path dir) throws Exception {
        PublicationState release = new PublicationState(PublicationState.Kind.RELEASE, 2, java.time.LocalDate.of(2024, 7, 3),
                Set.of("requester.CITIZEN"), true, null);
        for (Language lang : Language.values()) {
            ReportDocument doc = SampleReports.infographic2024H1(lang, release).doc();
            Path csv = dir.resolve("helpline-2024-H1.v2." + lang + ".cells.csv");
            CellsCsvWriter.write(doc, T, csv);
            Release fromCsv = CellsCsv.read(csv, "infographic", T, true);
            Release fromModel = Release.of(doc, T, true);
            assertThat(fromCsv.publication()).isEqualTo(fromModel.publication());
            InfographicRenderer.Output a = InfographicRenderer.render(fromCsv, TEXTS.get(lang));
            InfographicRenderer.Output b = InfographicRenderer.render(fromModel, TEXTS.get(lang));
            assertThat(new String(a.html(), StandardCharsets.UTF_8)).isEqualTo(new String(b.html(), StandardCharsets.UTF_8));
            assertThat(a.pdf()).isEqualTo(b.pdf());
        }
    }

    @Test
    void aTamperedOrForeignCellsCsvIsRefusedWithItsRecord() {
        String good = new String(CellsCsvWriter.toBytes(SampleReports.infographic2024H1(Language.NL).doc(), T), StandardCharsets.UTF_8);
        // a withheld count slipped back in
        String leak = good.replace("work_domain,YOUTH,Jeugd,,,primary,< 5,", "work_domain,YOUTH,Jeugd,3,,primary,< 5,");
        assertThat(leak).isNotEqualTo(good);
        assertThatThrownBy(() -> CellsCsv.parse(leak, "x.csv", "helpline", T, true))
                .isInstanceOf(CellsCsv.InvalidCellsException.class).hasMessageContaining("must not carry a count");
        // a published cell that says it is small, and a sign of another threshold
        assertThatThrownBy(() -> CellsCsv.parse(good.replace(",published,63,91,", ",published,< 5,91,"), "x.csv", "helpline", T, true))
                .hasMessageContaining("is shown as '< 5'");
        assertThatThrownBy(() -> CellsCsv.parse(good, "x.csv", "helpline", 10, true)).hasMessageContaining("threshold 10");
        // two releases in one file
        String[] lines = good.split("\r\n");
        String mixed = good.replace(lines[2], lines[2].replace(",2024-06-30,", ",2024-12-31,"));
        assertThatThrownBy(() -> CellsCsv.parse(mixed, "x.csv", "helpline", T, true)).hasMessageContaining("one file is one release");
        // the old format, without what the infographic needs
        assertThatThrownBy(() -> CellsCsv.parse("table,category,label,count,percent,status\r\ntotal,TOTAL,Totaal,91,,published\r\n",
                "old.csv", "helpline", T, true)).hasMessageContaining("has no column 'shown'");
        assertThat(CellsCsv.parse(good, "x.csv", "helpline", T, true).tables()).hasSize(8);
    }

    @Test
    void editedTextsCannotAddScriptOrLeaveAPlaceholderUnfilled() {
        assertThat(RichText.segments("zie [site](javascript:void0) en [mail](mailto:a@b.nl) **vet**")).containsExactly(
                new RichText.Segment("zie ", false, null), new RichText.Segment("site", false, null),
                new RichText.Segment(" en ", false, null), new RichText.Segment("mail", false, "mailto:a@b.nl"),
                new RichText.Segment(" ", false, null), new RichText.Segment("vet", true, null));
        Map<String, String> files = new HashMap<>();
        for (String name : EditorialTexts.FILES) {
            files.put(name, TEXTS.get(Language.NL).has(name) ? "x" : null);
        }
        files.values().removeIf(v -> v == null);
        files.put("organisation.txt", "name: LSE\nemail: info@hetlse.nl");
        files.put("headings.txt", String.join("\n", TEXTS.get(Language.NL).items("headings.txt").entrySet().stream()
                .map(e -> e.getKey() + ": " + e.getValue()).toList()));
        files.put("introduction.txt", "<script>alert(1)</script> {requester.NOBODY}");
        Release release = Release.of(SampleReports.infographic2024H1(Language.NL).doc(), T, true);
        assertThatThrownBy(() -> InfographicRenderer.html(release, EditorialTexts.of(Language.NL, files)))
                .hasMessageContaining("introduction.txt uses {requester.NOBODY}");
        files.put("introduction.txt", "<script>alert(1)</script> {requester.PROFESSIONAL}");
        String html = InfographicRenderer.html(release, EditorialTexts.of(Language.NL, files));
        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt; 69%").doesNotContain("<script>");
        assertThatThrownBy(() -> InfographicRenderer.html(release, EditorialTexts.of(Language.EN, files)))
                .hasMessageContaining("the texts are in EN");
    }

    // ---- helpers ----------------------------------------------------------------------------

    /** No withheld true count, and no percentage of one, among the numbers of the text (numbers below 10 are not distinctive). */
    private static void assertNoWithheldValue(String text, Sample sample, Release release) {
        Set<Long> allowed = new TreeSet<>();
        for (Release.Table t : release.tables()) {
            for (PublishedCell c : t.rows()) {
                if (!c.suppressed()) {
                    allowed.add(c.count());
                    Integer p = Figures.wholePercent(t, c);
                    if (p != null) {
                        allowed.add(p.longValue());
                    }
                }
            }
            if (!t.base().suppressed()) {
                allowed.add(t.base().count());
            }
        }
        allowed.addAll(List.of(2024L, 88L, 20L, 80L, 31L));   // the year, the phone number, dates
        Matcher m = Pattern.compile("(?<![0-9])[0-9]+(?![0-9])").matcher(text);
        Set<Long> strangers = new TreeSet<>();
        while (m.find()) {
            long n = Long.parseLong(m.group());
            if (n >= 10 && !allowed.contains(n)) {
                strangers.add(n);
            }
        }
        assertThat(strangers).as("numbers the release does not publish").isEmpty();
        for (Hidden h : sample.hidden()) {
            if (h.count() >= 10) {
                assertThat(standalone(Long.toString(h.count())).matcher(text).find()).as(h.category()).isFalse();
            }
        }
    }

    private static String squash(String text) {
        return text.replaceAll("\\s+", " ");
    }

    static List<String> distinctiveForms(List<Hidden> hidden) {
        Set<String> forms = new LinkedHashSet<>();
        for (Hidden h : hidden) {
            if (h.count() < 100) {
                continue;
            }
            forms.add(Long.toString(h.count()));
            forms.add(String.format(java.util.Locale.ROOT, "%,d", h.count()));
            forms.add(String.format(java.util.Locale.ROOT, "%,d", h.count()).replace(',', '.'));
            BigDecimal exact = BigDecimal.valueOf(h.percent());
            for (int scale = 1; scale <= 2; scale++) {
                String pct = exact.setScale(scale, RoundingMode.HALF_UP).toPlainString();
                forms.add(pct);
                forms.add(pct.replace('.', ','));
            }
            forms.add(exact.setScale(0, RoundingMode.HALF_UP).toPlainString() + "%");
        }
        return new ArrayList<>(forms);
    }

    private static Pattern standalone(String form) {
        return Pattern.compile("(?<![0-9.,])" + Pattern.quote(form) + "(?![0-9])");
    }
}
