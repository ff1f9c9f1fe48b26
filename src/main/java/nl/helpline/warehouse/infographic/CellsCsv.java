package nl.helpline.warehouse.infographic;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import nl.helpline.warehouse.report.PublicationState;
import nl.helpline.warehouse.report.workbook.CellStatus;
import nl.helpline.warehouse.report.workbook.Language;
import nl.helpline.warehouse.report.workbook.PublishedCell;

/**
 * Reads a release's {@code cells.csv} (see {@code CellsCsvWriter}) into a {@link Release}. The file
 * is checked, not trusted: a suppressed row that carries a count, a sign that does not match the
 * definition's threshold, or rows of different periods, languages or versions are refused with
 * the line they are on, so a hand-edited or foreign file cannot slip a withheld number into the
 * infographic.
 */
public final class CellsCsv {

    static final List<String> REQUIRED = List.of("table", "category", "label", "count", "percent", "status", "shown", "base",
            "table_title", "period_start", "period_end", "lang", "version", "released_on", "revised", "provisional");

    private CellsCsv() {
    }

    /** Thrown for a file that is not a cells.csv this program can trust. */
    public static final class InvalidCellsException extends RuntimeException {
        InvalidCellsException(String message) {
            super(message);
        }
    }

    public static Release read(Path file, String definitionName, int threshold, boolean chatExcluded) throws IOException {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidCellsException(file + " is not UTF-8");
        }
        return parse(text, file.toString(), definitionName, threshold, chatExcluded);
    }

    static Release parse(String text, String source, String definitionName, int threshold, boolean chatExcluded) {
        List<List<String>> records = records(text.startsWith("\uFEFF") ? text.substring(1) : text, source);
        if (records.isEmpty()) {
            throw new InvalidCellsException(source + " is empty");
        }
        Map<String, Integer> column = new HashMap<>();
        List<String> header = records.get(0);
        for (int i = 0; i < header.size(); i++) {
            column.put(header.get(i), i);
        }
        for (String required : REQUIRED) {
            if (!column.containsKey(required)) {
                throw new InvalidCellsException(source + " has no column '" + required + "': it is not a release's cells.csv"
                        + " (written by this version or later)");
            }
        }
        Map<String, List<PublishedCell>> rows = new LinkedHashMap<>();
        Map<String, String> titles = new HashMap<>();
        Map<String, PublishedCell> bases = new HashMap<>();
        Set<String> revised = new HashSet<>();
        String constants = null;
        LocalDate start = null;
        LocalDate end = null;
        Language lang = null;
        int version = 0;
        LocalDate releasedOn = null;
        boolean provisional = false;
        for (int n = 1; n < records.size(); n++) {
            List<String> r = records.get(n);
            String where = source + ", record " + (n + 1);
            if (r.size() != header.size()) {
                throw new InvalidCellsException(where + ": " + r.size() + " fields, the header has " + header.size());
            }
            java.util.function.Function<String, String> f = name -> r.get(column.get(name));
            String table = f.apply("table");
            String category = f.apply("category");
            CellStatus status = switch (f.apply("status")) {
                case "published" -> CellStatus.PUBLISHED;
                case "primary" -> CellStatus.PRIMARY;
                case "secondary" -> CellStatus.SECONDARY;
                default -> throw new InvalidCellsException(where + ": unknown status '" + f.apply("status") + "'");
            };
            PublishedCell cell;
            try {
                cell = new PublishedCell(category, f.apply("label"), number(f.apply("count"), where),
                        f.apply("percent").isEmpty() ? null : Double.valueOf(f.apply("percent")), status);
            } catch (IllegalArgumentException e) {
                throw new InvalidCellsException(where + ": " + e.getMessage());
            }
            String expected = cell.suppressed() ? cell.status().marker(threshold) : Long.toString(cell.count());
            if (!expected.equals(f.apply("shown"))) {
                throw new InvalidCellsException(where + ": " + table + "." + category + " is shown as '" + f.apply("shown")
                        + "', but its status and count say '" + expected + "' (threshold " + threshold + ")");
            }
            PublishedCell base = baseCell(f.apply("base"), threshold, where);
            PublishedCell earlierBase = bases.putIfAbsent(table, base);
            if (earlierBase != null && !earlierBase.equals(base)) {
                throw new InvalidCellsException(where + ": table " + table + " has two bases");
            }
            titles.putIfAbsent(table, f.apply("table_title"));
            if (rows.computeIfAbsent(table, t -> new ArrayList<>()).stream().anyMatch(c -> c.category().equals(category))) {
                throw new InvalidCellsException(where + ": " + table + "." + category + " appears twice");
            }
            rows.get(table).add(cell);
            if (Boolean.parseBoolean(f.apply("revised"))) {
                revised.add(table + "." + category);
            }
            String these = String.join("|", f.apply("period_start"), f.apply("period_end"), f.apply("lang"), f.apply("version"),
                    f.apply("released_on"), f.apply("provisional"));
            if (constants == null) {
                constants = these;
                try {
                    start = LocalDate.parse(f.apply("period_start"));
                    end = LocalDate.parse(f.apply("period_end"));
                    releasedOn = f.apply("released_on").isEmpty() ? null : LocalDate.parse(f.apply("released_on"));
                    version = Integer.parseInt(f.apply("version"));
                } catch (DateTimeParseException | NumberFormatException e) {
                    throw new InvalidCellsException(where + ": " + e.getMessage());
                }
                lang = switch (f.apply("lang")) {
                    case "nl" -> Language.NL;
                    case "en" -> Language.EN;
                    default -> throw new InvalidCellsException(where + ": unknown language '" + f.apply("lang") + "'");
                };
                provisional = Boolean.parseBoolean(f.apply("provisional"));
            } else if (!constants.equals(these)) {
                throw new InvalidCellsException(where + ": period, language, version or provisional differ from the first record:"
                        + " one file is one release");
            }
        }
        if (rows.isEmpty()) {
            throw new InvalidCellsException(source + " has no cells");
        }
        PublicationState publication;
        try {
            publication = version == 0
                    ? PublicationState.draft(provisional, null)
                    : new PublicationState(PublicationState.Kind.RELEASE, version, releasedOn, revised, provisional, null);
            if (version == 0 && !revised.isEmpty()) {
                throw new IllegalArgumentException("a draft has no revised cells");
            }
        } catch (IllegalArgumentException e) {
            throw new InvalidCellsException(source + ": " + e.getMessage());
        }
        List<Release.Table> tables = new ArrayList<>();
        rows.forEach((id, cells) -> tables.add(new Release.Table(id, titles.get(id), bases.get(id), cells)));
        return new Release(definitionName, start, end, lang, threshold, publication, chatExcluded, tables);
    }

    private static Long number(String text, String where) {
        if (text.isEmpty()) {
            return null;
        }
        if (!text.matches("[0-9]{1,18}")) {
            throw new InvalidCellsException(where + ": not a count: '" + text + "'");
        }
        return Long.parseLong(text);
    }

    private static PublishedCell baseCell(String shown, int threshold, String where) {
        if (shown.equals("[c]")) {
            return Release.base(null, CellStatus.SECONDARY);
        }
        if (shown.equals("< " + threshold)) {
            return Release.base(null, CellStatus.PRIMARY);
        }
        return Release.base(number(shown, where), CellStatus.PUBLISHED);
    }

    /** RFC 4180 records: fields separated by commas, quoted fields may hold commas, quotes ("") and line breaks. */
    static List<List<String>> records(String text, String source) {
        List<List<String>> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append(c);
                }
                continue;
            }
            switch (c) {
                case '"' -> {
                    quoted = true;
                    any = true;
                }
                case ',' -> {
                    fields.add(field.toString());
                    field.setLength(0);
                    any = true;
                }
                case '\r' -> { }
                case '\n' -> {
                    fields.add(field.toString());
                    records.add(List.copyOf(fields));
                    fields.clear();
                    field.setLength(0);
                    any = false;
                }
                default -> {
                    field.append(c);
                    any = true;
                }
            }
        }
        if (quoted) {
            throw new InvalidCellsException(source + " ends inside a quoted field");
        }
        if (any) {
            fields.add(field.toString());
            records.add(List.copyOf(fields));
        }
        return records;
    }
}
