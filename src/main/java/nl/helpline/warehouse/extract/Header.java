package nl.helpline.warehouse.extract;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A file's header row matched against the contract: which position holds which contract column.
 * Personal-data columns are recognised but not mapped to a slot, so their values are never read.
 */
final class Header {

    /**
     * Most columns a header may have: Excel's own limit (column XFD), so any sheet a spreadsheet
     * can hold or save as CSV is accepted, while a header of millions of delimiters is refused
     * before it costs memory. The contract has 18 columns.
     */
    static final int MAX_COLUMNS = 16_384;
    /** Longest header name: the contract's longest is 25 characters; a longer "name" is a row or a note. */
    static final int MAX_NAME_LENGTH = 256;

    private static final Map<String, ExportColumn> BY_KEY = new HashMap<>();

    static {
        for (ExportColumn column : ExportColumn.all()) {
            BY_KEY.put(Text.key(column.header()), column);
        }
    }

    private final ExportColumn[] columnAt;
    /** Per position: the slot its value is read into, -1 when it is not read (looked up per cell). */
    private final int[] slotAt;
    private final List<String> ignored;
    private final List<String> names;
    private final int lastNamed;

    private Header(ExportColumn[] columnAt, List<String> ignored, List<String> names, int lastNamed) {
        this.columnAt = columnAt;
        this.names = names;
        this.lastNamed = lastNamed;
        this.slotAt = Arrays.stream(columnAt).mapToInt(c -> c != null && c.read() ? c.ordinal() : -1).toArray();
        this.ignored = ignored;
    }

    /**
     * @param fileName the file's name as a reason may print it
     * @param names    the header cells as written, by position (null or blank for an empty cell);
     *                 at most {@link #MAX_COLUMNS}, each at most {@link #MAX_NAME_LENGTH} long
     * @throws FileRejectedException when a required column is missing, a header is repeated, or
     *                               a name holds a control character
     */
    static Header match(String fileName, List<String> names) throws FileRejectedException {
        if (names.size() > MAX_COLUMNS) {
            throw new FileRejectedException(tooWide(fileName));
        }
        ExportColumn[] columnAt = new ExportColumn[names.size()];
        Map<String, Integer> seen = new HashMap<>();
        Map<ExportColumn, Integer> found = new EnumMap<>(ExportColumn.class);
        List<String> ignored = new ArrayList<>();
        int lastNamed = 0;
        for (int position = 0; position < names.size(); position++) {
            String name = names.get(position) == null ? "" : names.get(position);
            if (name.length() > MAX_NAME_LENGTH) {
                throw new FileRejectedException(fileName + ": header column " + (position + 1) + " is longer than "
                        + MAX_NAME_LENGTH + " characters; that is not a column name");
            }
            int control = Text.controlCharacter(name);
            if (control >= 0) {
                throw new FileRejectedException(fileName + ": header column " + (position + 1) + " holds a control character ("
                        + Text.codePoint(name.charAt(control)) + "), which an export never has");
            }
            String key = Text.key(name);
            if (key.isEmpty()) {
                // An unnamed column (e.g. a trailing delimiter) names nothing to load or report.
                continue;
            }
            lastNamed = position;
            Integer earlier = seen.putIfAbsent(key, position);
            if (earlier != null) {
                String first = RejectValues.headerName(names.get(earlier));
                String shown = first == null ? null : RejectValues.headerName(name);
                throw new FileRejectedException(fileName + ": the header has column "
                        + (shown == null ? "(name withheld: looks like free text)" : "'" + shown + "'")
                        + " twice (positions " + (earlier + 1) + " and " + (position + 1) + ")");
            }
            ExportColumn column = BY_KEY.get(key);
            if (column == null) {
                ignored.add(RejectValues.describeHeader(name, position));
            } else {
                columnAt[position] = column;
                found.put(column, position);
            }
        }
        List<String> missing = ExportColumn.all().stream()
                .filter(c -> c.required() && !found.containsKey(c))
                .map(ExportColumn::header)
                .toList();
        if (!missing.isEmpty()) {
            throw new FileRejectedException(fileName + ": required column" + (missing.size() > 1 ? "s" : "")
                    + " missing: " + String.join(", ", missing));
        }
        return new Header(columnAt, List.copyOf(ignored), new ArrayList<>(names), lastNamed);
    }

    static String tooWide(String fileName) {
        return fileName + ": the header has more than " + MAX_COLUMNS + " columns (Excel's limit, column XFD); an export has 18";
    }

    /** Number of positions in the header row. */
    int width() {
        return columnAt.length;
    }

    /**
     * How a reason names the column at a position: the contract's spelling, the header as written
     * (or withheld), or null past the header.
     */
    String describe(int position) {
        if (position < 0 || position >= columnAt.length) {
            return null;
        }
        if (columnAt[position] != null) {
            return columnAt[position].header();
        }
        String name = Text.blankToNull(names.get(position) == null ? "" : names.get(position));
        return name == null ? "column " + (position + 1) : RejectValues.describeHeader(name, position);
    }

    /** Position of the last column with a name: a record that reaches it is a whole record. */
    int lastNamedPosition() {
        return lastNamed;
    }

    /** The contract column at a position, or null for an unknown or unnamed column. */
    ExportColumn column(int position) {
        return position < columnAt.length ? columnAt[position] : null;
    }

    /** The slot in a row's value array that a position's value goes into, or -1 when it is not read. */
    int slot(int position) {
        return position < slotAt.length ? slotAt[position] : -1;
    }

    /**
     * Header names that are not in the contract, as written (trimmed), in file order; a name that
     * looks like free text is withheld ({@link RejectValues#describeHeader}).
     */
    List<String> ignored() {
        return ignored;
    }
}
