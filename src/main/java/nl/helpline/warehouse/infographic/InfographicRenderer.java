package nl.helpline.warehouse.infographic;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.Comparator;
import java.util.GregorianCalendar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TimeZone;
import java.util.function.Function;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;

import nl.helpline.warehouse.report.PublicationState;
import nl.helpline.warehouse.report.workbook.Contact;
import nl.helpline.warehouse.report.workbook.EditorialTexts;
import nl.helpline.warehouse.report.workbook.Language;
import nl.helpline.warehouse.report.workbook.PeriodNames;
import nl.helpline.warehouse.report.workbook.PublishedCell;

/**
 * Renders the infographic of a release: a plain function of (published cells, editorial texts) to
 * bytes, an HTML page and a PDF of it. Nothing here reads the warehouse, the clock or the default
 * locale: the same release and texts give the same bytes.
 *
 * <p>Libraries: Thymeleaf (managed by Spring Boot) fills the template with escaping by default;
 * openhtmltopdf 1.1.31 with PDFBox 3 lays the XHTML out on A4 pages and embeds the bundled DejaVu
 * Sans (Bitstream Vera licence, {@code infographic/fonts/LICENSE-DejaVu.txt}) as subsets, so the PDF
 * looks the same on every machine; Batik (through openhtmltopdf-svg-support) draws the donuts.
 */
public final class InfographicRenderer {

    /** The page and the print. */
    public record Output(byte[] html, byte[] pdf) {
    }

    static final String FONT = "DejaVu Sans";
    static final String PRODUCER = "helpline-warehouse (openhtmltopdf, PDFBox)";
    /** Help questions that are not a question of their own and never make the top three. */
    private static final Set<String> NOT_A_QUESTION = Set.of("OTHER", "UNKNOWN");

    private static final TemplateEngine ENGINE = engine();

    static {
        // openhtmltopdf logs through java.util.logging, chattily; send it to this program's log instead.
        com.openhtmltopdf.util.XRLog.setLoggerImpl(new Slf4jPrinterLog());
    }
    private static final String CSS = resource("infographic/infographic.css");

    private InfographicRenderer() {
    }

    public static Output render(Release release, EditorialTexts texts) {
        String html = html(release, texts);
        return new Output(html.getBytes(StandardCharsets.UTF_8), pdf(html, release, texts));
    }

    /** The self-contained page: styles inline, charts inline, no scripts, no external resources, no timestamps. */
    public static String html(Release release, EditorialTexts texts) {
        if (texts.lang() != release.lang()) {
            throw new IllegalArgumentException("the texts are in " + texts.lang() + ", the release's labels in " + release.lang());
        }
        Context context = new Context(release.lang().locale());
        context.setVariables(view(release, texts));
        return ENGINE.process("infographic", context);
    }

    /** The print of {@code html}: A4, fonts embedded, document properties and identifiers fixed by the release. */
    public static byte[] pdf(String html, Release release, EditorialTexts texts) {
        Contact contact = texts.contact();
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        for (int weight : List.of(400, 700)) {
            String file = weight == 700 ? "infographic/fonts/DejaVuSans-Bold.ttf" : "infographic/fonts/DejaVuSans.ttf";
            builder.useFont(() -> InfographicRenderer.class.getClassLoader().getResourceAsStream(file), FONT, weight,
                    BaseRendererBuilder.FontStyle.NORMAL, true);
        }
        builder.useSVGDrawer(new BatikSVGDrawer());
        // A tagged PDF (PDF/UA): headings, tables and figures with alternative text for screen readers.
        builder.usePdfUaAccessibility(true);
        builder.withHtmlContent(html, null);
        builder.withProducer(PRODUCER);
        // Nothing outside the page is fetched: every resource is inline.
        builder.useExternalResourceAccessControl((uri, type) -> false,
                com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
        builder.useExternalResourceAccessControl((uri, type) -> false,
                com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
            renderer.layout();
            renderer.createPDFWithoutClosing();
            PDDocument pdf = renderer.getPdfDocument();
            PDDocumentInformation info = pdf.getDocumentInformation();
            Map<String, String> headings = texts.items("headings.txt");
            info.setTitle(headings.get("title") + " — " + PeriodNames.capitalised(release.periodStart(), release.periodEnd(), release.lang()));
            info.setAuthor(contact.organisation());
            info.setCreator("helpline-warehouse");
            info.setProducer(PRODUCER);
            info.setSubject(status(release, texts));
            info.setKeywords(release.publication().isDraft() ? texts.item("headings.txt", "draft") : null);
            Calendar fixed = calendar(release.publication().releasedOn() != null ? release.publication().releasedOn() : release.periodEnd());
            info.setCreationDate(fixed);
            info.setModificationDate(fixed);
            pdf.getDocumentCatalog().setLanguage(release.lang().locale().toLanguageTag());
            // The file identifier PDFBox would draw from the clock: a digest of what was printed instead.
            byte[] id = Arrays.copyOf(sha256(html.getBytes(StandardCharsets.UTF_8)), 16);
            COSArray ids = new COSArray();
            ids.add(new COSString(id));
            ids.add(new COSString(id));
            pdf.getDocument().getTrailer().setItem(COSName.ID, ids);
            pdf.save(out);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot print the infographic", e);
        }
        return out.toByteArray();
    }

    /** The template's variables. */
    static Map<String, Object> view(Release release, EditorialTexts texts) {
        Contact contact = texts.contact();
        Figures figures = new Figures(release, contact);
        Function<String, Optional<String>> placeholders = figures.placeholders();
        Map<String, String> h = texts.items("headings.txt");
        Function<String, String> heading = key -> fill(h.get(key), placeholders, "headings.txt");
        Function<String, List<List<RichText.Segment>>> text = name -> RichText.paragraphs(texts.filled(name, placeholders));
        Map<String, Object> v = new LinkedHashMap<>();
        Language lang = release.lang();
        v.put("lang", lang.locale().getLanguage());
        v.put("css", CSS);
        v.put("title", h.get("title"));
        v.put("subtitle", h.get("subtitle"));
        v.put("period", PeriodNames.capitalised(release.periodStart(), release.periodEnd(), lang));
        v.put("draft", release.publication().isDraft());
        v.put("status", status(release, texts));
        // A draft says so at the top of every printed page, not only on the first.
        v.put("draftPageCss", release.publication().isDraft()
                ? "@page { @top-center { content: \"" + cssString(status(release, texts)) + "\"; font-family: 'DejaVu Sans', Arial,"
                        + " sans-serif; font-size: 8pt; font-weight: bold; color: #A00000; } }"
                : null);
        v.put("provisional", release.publication().provisional() ? h.get("provisional") : null);
        v.put("revisedNote", release.publication().revisedCells().isEmpty() ? null : h.get("revised"));
        v.put("author", contact.organisation());
        v.put("introduction", text.apply("introduction.txt"));
        v.put("population", text.apply("population.txt"));
        v.put("chat", release.chatExcluded() ? text.apply("chat-excluded.txt") : null);
        v.put("h", h);

        Optional<Release.Table> total = release.table("total");
        v.put("total", total.flatMap(t -> t.rows().stream().findFirst()).map(release::shown).orElse(null));
        v.put("requesters", release.table("requester").map(t -> Charts.of(release, t, heading.apply("requesters"), figures)).orElse(null));
        v.put("requestersText", release.table("requester").isPresent() ? text.apply("requesters.txt") : null);
        v.put("firstContact", release.table("first_contact")
                .map(t -> Charts.of(release, t, heading.apply("first_contact"), figures)).orElse(null));
        v.put("firstContactText", release.table("first_contact").isPresent() ? text.apply("first-contact.txt") : null);
        v.put("workDomains", release.table("work_domain")
                .map(t -> Charts.bars(release, t, heading.apply("work_domains"), figures)).orElse(null));

        v.put("phenomena", release.table("phenomenon")
                .map(t -> Charts.bars(release, t, heading.apply("phenomena_chart"), figures)).orElse(null));
        v.put("phenomenaText", text.apply("phenomena.txt"));
        v.put("phenomenaCaveat", text.apply("notes/phenomenon.txt"));
        v.put("smallCounts", text.apply("small-counts.txt"));
        v.put("moreAboutPhenomena", text.apply("more-about-phenomena.txt"));

        v.put("caseIntroduction", text.apply("case-introduction.txt"));
        v.put("casePart1", text.apply("case-part-1.txt"));
        v.put("casePart2", text.apply("case-part-2.txt"));

        Optional<Release.Table> questions = release.table("help_question");
        v.put("helpQuestionsText", questions.isPresent() ? text.apply("help-questions.txt") : null);
        v.put("topQuestions", questions.map(InfographicRenderer::topThree).orElse(List.of()));
        v.put("withheldQuestions", questions.filter(t -> t.rows().stream()
                .anyMatch(c -> c.suppressed() && !NOT_A_QUESTION.contains(c.category())))
                .map(t -> heading.apply("withheld_questions")).orElse(null));

        v.put("followUp", release.table("follow_up").map(t -> Charts.of(release, t, heading.apply("follow_up_chart"), figures)).orElse(null));
        v.put("followUpText", release.table("follow_up").isPresent() ? text.apply("follow-up.txt") : null);
        Optional<Release.Table> support = release.table("additional_support");
        v.put("support", support.map(t -> Charts.bars(release, t, heading.apply("additional_support"), figures)).orElse(null));
        List<Map<String, Object>> services = new ArrayList<>();
        support.ifPresent(t -> t.rows().forEach(cell -> {
            String file = "services/" + cell.category() + ".txt";
            if (texts.has(file)) {
                services.add(Map.of("label", cell.label(), "text", text.apply(file)));
            }
        }));
        // two to a row
        List<List<Map<String, Object>>> pairs = new ArrayList<>();
        for (int i = 0; i < services.size(); i += 2) {
            pairs.add(services.subList(i, Math.min(i + 2, services.size())));
        }
        v.put("services", pairs);
        v.put("contact", text.apply("contact.txt"));
        v.put("source", texts.plain("source.txt", placeholders));
        return v;
    }

    /** The three most common help questions by published count (ties in table order); withheld ones cannot rank. */
    static List<String> topThree(Release.Table table) {
        return table.rows().stream()
                .filter(c -> !c.suppressed() && !NOT_A_QUESTION.contains(c.category()) && c.count() > 0)
                .sorted(Comparator.comparingLong(PublishedCell::count).reversed())
                .limit(3).map(PublishedCell::label).toList();
    }

    private static String status(Release release, EditorialTexts texts) {
        PublicationState p = release.publication();
        if (p.isDraft()) {
            return texts.item("headings.txt", "draft");
        }
        String released = java.time.format.DateTimeFormatter.ofPattern("d MMMM uuuu", release.lang().locale()).format(p.releasedOn());
        return texts.item("headings.txt", "release").replace("{version}", Integer.toString(p.version()))
                .replace("{released_on}", released);
    }

    private static String fill(String text, Function<String, Optional<String>> placeholders, String source) {
        if (text == null) {
            return null;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{([A-Za-z0-9_.:]+)}").matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = placeholders.apply(m.group(1)).orElseThrow(() -> new IllegalStateException(
                    "The editorial text " + source + " uses {" + m.group(1) + "}, which nothing fills"));
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(value));
        }
        return m.appendTail(out).toString();
    }

    /** Text inside a CSS string: quotes and backslashes escaped, and no character the XHTML parser would trip over. */
    private static String cssString(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\' || c == '<' || c == '&' || c < 32) {
                out.append('\\').append(Integer.toHexString(c)).append(' ');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static Calendar calendar(LocalDate day) {
        GregorianCalendar calendar = new GregorianCalendar(TimeZone.getTimeZone("UTC"), java.util.Locale.ROOT);
        calendar.clear();
        calendar.set(day.getYear(), day.getMonthValue() - 1, day.getDayOfMonth(), 12, 0, 0);
        return calendar;
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static TemplateEngine engine() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(InfographicRenderer.class.getClassLoader());
        resolver.setPrefix("infographic/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        TemplateEngine engine = new TemplateEngine();
        engine.setTemplateResolver(resolver);
        return engine;
    }

    private static String resource(String name) {
        try (InputStream in = InfographicRenderer.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
