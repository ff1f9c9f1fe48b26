package nl.helpline.warehouse.report.workbook;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The texts of a publication that are not figures: the introduction, the fictional case, the
 * service descriptions, the definitions and caveats, the contact details. Communications staff
 * edit them as plain text files under {@code jobs/texts/<nl|en>/} without touching code; the
 * workbook and the infographic read the same files, so they cannot tell a different story.
 *
 * <p>Format: UTF-8 text; paragraphs are separated by a blank line; lines starting with {@code #}
 * are comments. {@code **word**} is emphasis and {@code [text](https://…)} a link (the workbook prints
 * them as plain text). {@code {name}} is a placeholder filled by the writer: {@code {period}},
 * {@code {phone}}, {@code {email}}, {@code {organisation}}, {@code {threshold}}, and in the
 * infographic {@code {table.CATEGORY}} (the category's percentage, or its marker when withheld) and
 * {@code {table.CATEGORY:count}} (its count or marker). A placeholder no writer knows is an error,
 * not an empty string. Files of the form {@code key: value} per line ({@code organisation.txt},
 * {@code headings.txt}) hold short items.
 *
 * <p>Each file is read from {@code <jobs>/texts/<lang>/} when it exists there, else from the copy
 * packaged in the jar. Immutable once loaded: the renderers are plain functions of their inputs.
 */
public final class EditorialTexts {

    /** Every file the writers may ask for (a file missing from both places fails when asked for). */
    public static final List<String> FILES = List.of(
            "organisation.txt", "headings.txt", "source.txt", "introduction.txt", "population.txt", "chat-excluded.txt",
            "requesters.txt", "first-contact.txt", "phenomena.txt", "more-about-phenomena.txt", "small-counts.txt",
            "case-introduction.txt", "case-part-1.txt", "case-part-2.txt", "help-questions.txt", "follow-up.txt",
            "contact.txt",
            "notes/work_domain.txt", "notes/phenomenon.txt", "notes/help_question.txt", "notes/follow_up.txt",
            "notes/additional_support.txt",
            "services/FORSA.txt", "services/FAMILY.txt", "services/LIV.txt", "services/MENTAL_HEALTH.txt");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9_.:]+)}");
    private static final Pattern LINK = Pattern.compile("\\[([^\\]]+)]\\(([^)\\s]+)\\)");

    private final Language lang;
    private final Map<String, String> files;

    private EditorialTexts(Language lang, Map<String, String> files) {
        this.lang = lang;
        this.files = Map.copyOf(files);
    }

    /** The texts as given (for tests and for callers that hold the texts already). */
    public static EditorialTexts of(Language lang, Map<String, String> files) {
        Map<String, String> cleaned = new LinkedHashMap<>();
        files.forEach((name, text) -> cleaned.put(name, clean(text)));
        return new EditorialTexts(lang, cleaned);
    }

    /** The texts of {@code lang} from {@code <jobsDir>/texts/<lang>/}, file by file falling back to the jar's copy. */
    public static EditorialTexts load(Path jobsDir, Language lang) {
        String dir = lang == Language.NL ? "nl" : "en";
        Map<String, String> files = new LinkedHashMap<>();
        for (String name : FILES) {
            Path file = jobsDir.resolve("texts").resolve(dir).resolve(name);
            try {
                if (Files.isRegularFile(file)) {
                    files.put(name, clean(Files.readString(file, StandardCharsets.UTF_8)));
                    continue;
                }
                try (InputStream in = EditorialTexts.class.getClassLoader().getResourceAsStream("jobs/texts/" + dir + "/" + name)) {
                    if (in != null) {
                        files.put(name, clean(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read editorial text " + file, e);
            }
        }
        return new EditorialTexts(lang, files);
    }

    /** {@code nl} or {@code en}, for {@link #load(Path, Language)} from a report's language code. */
    public static Language language(String code) {
        return "en".equals(code) ? Language.EN : Language.NL;
    }

    public Language lang() {
        return lang;
    }

    /** The file's paragraphs (separated by a blank line) with markup, placeholders unfilled. */
    public String raw(String name) {
        return paragraphText(lines(name));
    }

    private String lines(String name) {
        String text = files.get(name);
        if (text == null || text.isBlank()) {
            throw new IllegalStateException("The editorial text jobs/texts/" + (lang == Language.NL ? "nl" : "en") + "/" + name
                    + " is missing or empty");
        }
        return text;
    }

    public boolean has(String name) {
        String text = files.get(name);
        return text != null && !text.isBlank();
    }

    /** The file's text with its placeholders filled by {@code values}; an unknown placeholder is an error. */
    public String filled(String name, Function<String, Optional<String>> values) {
        return fill(raw(name), values, name);
    }

    /** As {@link #filled}, then without markup: emphasis dropped, links written as "text (address)". */
    public String plain(String name, Function<String, Optional<String>> values) {
        return plain(filled(name, values));
    }

    /** A {@code key: value} file as a map, in file order. */
    public Map<String, String> items(String name) {
        Map<String, String> items = new LinkedHashMap<>();
        for (String line : lines(name).split("\n")) {
            int colon = line.indexOf(':');
            if (line.isBlank()) {
                continue;
            }
            if (colon <= 0) {
                throw new IllegalStateException("jobs/texts/…/" + name + ": a line must read 'key: value', not '" + line + "'");
            }
            items.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
        }
        return items;
    }

    /** One item of a {@code key: value} file; an error when absent. */
    public String item(String file, String key) {
        String value = items(file).get(key);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("jobs/texts/…/" + file + " has no '" + key + ":' line");
        }
        return value;
    }

    /** The publisher and how to reach them, from {@code organisation.txt}. */
    public Contact contact() {
        Map<String, String> items = items("organisation.txt");
        String website = items.get("website");
        return new Contact(item("organisation.txt", "name"), items.get("phone"), items.get("email"),
                website == null || website.isBlank() ? null : website);
    }

    static String fill(String text, Function<String, Optional<String>> values, String source) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String key = m.group(1);
            String value = values.apply(key).orElseThrow(() -> new IllegalStateException(
                    "The editorial text " + source + " uses {" + key + "}, which nothing fills"));
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Text without markup. */
    public static String plain(String text) {
        return LINK.matcher(text.replace("**", "")).replaceAll(r -> Matcher.quoteReplacement(
                r.group(2).startsWith("#") ? r.group(1) : r.group(1) + " (" + r.group(2) + ")"));
    }

    /** Comments dropped, line ends normalised. */
    private static String clean(String text) {
        StringBuilder out = new StringBuilder();
        for (String line : text.replace("\uFEFF", "").replace("\r\n", "\n").replace('\r', '\n').split("\n", -1)) {
            if (!line.startsWith("#")) {
                out.append(line.stripTrailing()).append('\n');
            }
        }
        return out.toString().strip();
    }

    /** Lines of a paragraph joined by a space, paragraphs separated by one blank line. */
    private static String paragraphText(String text) {
        StringBuilder out = new StringBuilder();
        StringBuilder paragraph = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (line.isBlank()) {
                flush(out, paragraph);
            } else {
                paragraph.append(paragraph.isEmpty() ? "" : " ").append(line.strip());
            }
        }
        flush(out, paragraph);
        return out.toString();
    }

    private static void flush(StringBuilder out, StringBuilder paragraph) {
        if (!paragraph.isEmpty()) {
            out.append(out.isEmpty() ? "" : "\n\n").append(paragraph);
            paragraph.setLength(0);
        }
    }

    /** The paragraphs of a filled text. */
    public static List<String> paragraphs(String filled) {
        return List.of(filled.split("\n\n"));
    }
}
