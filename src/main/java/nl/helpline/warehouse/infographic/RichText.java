package nl.helpline.warehouse.infographic;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The little markup the editorial texts may use, as segments the template writes with escaping:
 * {@code **emphasis**} and {@code [text](address)}. Only {@code https://}, {@code http://} and
 * {@code mailto:} addresses become links; anything else (a {@code javascript:} address, a {@code #}
 * placeholder) is written as its text alone, so an edited text file cannot put script in the page.
 */
final class RichText {

    /** A run of text: emphasised, or a link when {@code href} is not null. */
    record Segment(String text, boolean bold, String href) {
    }

    private static final Pattern MARKUP = Pattern.compile("\\*\\*(.+?)\\*\\*|\\[([^\\]]+)]\\(([^)\\s]+)\\)");

    private RichText() {
    }

    /** The paragraphs of a filled text, each as its segments. */
    static List<List<Segment>> paragraphs(String filled) {
        List<List<Segment>> paragraphs = new ArrayList<>();
        for (String paragraph : filled.split("\n\n")) {
            if (!paragraph.isBlank()) {
                paragraphs.add(segments(paragraph));
            }
        }
        return paragraphs;
    }

    static List<Segment> segments(String text) {
        List<Segment> segments = new ArrayList<>();
        Matcher m = MARKUP.matcher(text);
        int at = 0;
        while (m.find()) {
            if (m.start() > at) {
                segments.add(new Segment(text.substring(at, m.start()), false, null));
            }
            if (m.group(1) != null) {
                segments.add(new Segment(m.group(1), true, null));
            } else {
                String href = m.group(3);
                boolean safe = href.startsWith("https://") || href.startsWith("http://") || href.startsWith("mailto:");
                segments.add(new Segment(m.group(2), false, safe ? href : null));
            }
            at = m.end();
        }
        if (at < text.length()) {
            segments.add(new Segment(text.substring(at), false, null));
        }
        return segments;
    }
}
