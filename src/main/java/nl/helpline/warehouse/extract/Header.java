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

    private Header(ExportColumn[] columnAt, List<String> ignored) {
        this.columnAt = columnAt;
        this.slotAt = Arrays.stream(columnAt).mapToInt(c -> c != null && c.read() ? c.ordinal() : -1).toArray();
        this.ignored = ignored;
    }

    /**
     * @param names the header cells as written, by position (null or blank for an empty cell)
     * @throws FileRejectedException when a required column is missing or a header is repeated
     */
    static Header match(String fileName, List<String> names) throws FileRejectedException {
        ExportColumn[] columnAt = new ExportColumn[names.size()];
        Map<String, Integer> seen = new HashMap<>();
        Map<ExportColumn, Integer> found = new EnumMap<>(ExportColumn.class);
        List<String> ignored = new ArrayList<>();
        for (int position = 0; position < names.size(); position++) {
            String name = names.get(position) == null ? "" : names.get(position);
            String key = Text.key(name);
            if (key.isEmpty()) {
                // An unnamed column (e.g. a trailing delimiter) names nothing to load or report.
                continue;
            }
            Integer earlier = seen.putIfAbsent(key, position);
            if (earlier != null) {
                throw new FileRejectedException(fileName + ": the header has column '" + Text.quote(Text.trim(name))
                        + "' twice (positions " + (earlier + 1) + " and " + (position + 1) + ")");
            }
            ExportColumn column = BY_KEY.get(key);
            if (column == null) {
                ignored.add(Text.trim(name));
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
        return new Header(columnAt, List.copyOf(ignored));
    }

    /** Number of positions in the header row. */
    int width() {
        return columnAt.length;
    }

    /** The contract column at a position, or null for an unknown or unnamed column. */
    ExportColumn column(int position) {
        return position < columnAt.length ? columnAt[position] : null;
    }

    /** The slot in a row's value array that a position's value goes into, or -1 when it is not read. */
    int slot(int position) {
        return position < slotAt.length ? slotAt[position] : -1;
    }

    /** Header names that are not in the contract, as written (trimmed), in file order. */
    List<String> ignored() {
        return ignored;
    }
}
