package nl.helpline.warehouse.generate;

import java.util.ArrayList;
import java.util.List;

/**
 * A deliberately tiny, strict RFC 4180 parser, independent of the generator's writer, used to
 * read generated CSV back in tests. Strict: a quote inside an unquoted field, or text after a
 * closing quote, is an error rather than something to guess about.
 */
final class Rfc4180 {

    /** One record and the physical line (1-based) on which it starts. */
    record Record(long line, List<String> fields) {
    }

    private Rfc4180() {
    }

    static List<Record> parse(String text, char delimiter) {
        List<Record> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        long line = 1;
        long recordLine = 1;
        int i = 0;
        int n = text.length();
        boolean atFieldStart = true;
        while (i < n) {
            char c = text.charAt(i);
            if (atFieldStart && c == '"') {
                // Quoted field: runs to the next lone quote; "" is a quote; line breaks are data.
                i++;
                while (true) {
                    if (i >= n) {
                        throw new IllegalArgumentException("unterminated quoted field starting on line " + recordLine);
                    }
                    char q = text.charAt(i);
                    if (q == '"') {
                        if (i + 1 < n && text.charAt(i + 1) == '"') {
                            field.append('"');
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    if (q == '\n') {
                        line++;
                    }
                    field.append(q);
                    i++;
                }
                if (i < n && text.charAt(i) != delimiter && text.charAt(i) != '\r' && text.charAt(i) != '\n') {
                    throw new IllegalArgumentException("text after closing quote on line " + line);
                }
                atFieldStart = false;
                continue;
            }
            if (c == delimiter) {
                fields.add(field.toString());
                field.setLength(0);
                atFieldStart = true;
                i++;
            } else if (c == '\r' || c == '\n') {
                if (c == '\r') {
                    if (i + 1 >= n || text.charAt(i + 1) != '\n') {
                        throw new IllegalArgumentException("bare CR on line " + line);
                    }
                    i++;
                }
                i++;
                fields.add(field.toString());
                field.setLength(0);
                records.add(new Record(recordLine, List.copyOf(fields)));
                fields.clear();
                line++;
                recordLine = line;
                atFieldStart = true;
            } else {
                if (c == '"') {
                    throw new IllegalArgumentException("quote inside unquoted field on line " + line);
                }
                field.append(c);
                atFieldStart = false;
                i++;
            }
        }
        if (!fields.isEmpty() || field.length() > 0 || !atFieldStart) {
            fields.add(field.toString());
            records.add(new Record(recordLine, List.copyOf(fields)));
        }
        return records;
    }
}
