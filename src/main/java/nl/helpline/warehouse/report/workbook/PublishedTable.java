package nl.helpline.warehouse.report.workbook;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One table of the report: the categories of one dimension with their counts.
 *
 * <p><b>Rows are categories only</b>, in display order; a table has no total row. The base a table's
 * percentages are computed on is described in words by {@code baseDescription}, and the report's
 * overall total is the one row of the table with id {@code total}. (A total row would mislead in a
 * multi-valued table, whose counts add up to more than the base.)
 *
 * @param id              stable identifier, e.g. {@code requester}; lower-case letters, digits and
 *                        {@code _}, starting with a letter, at most 40 characters. It names the Excel
 *                        table (ListObject) and fills the {@code table} column of the data sheet and
 *                        of {@code cells.csv}. It must not look like a cell reference ({@code ab12},
 *                        {@code r1c1}) and must not be one of the workbook's own table names
 *                        ({@code contents}, {@code notes}, {@code data}).
 * @param title           title in the report's language, e.g. "Type aanvrager"
 * @param baseDescription one line describing what is counted and what the percentages are of, e.g.
 *                        "Verzoeken van professionals per categorie". Written verbatim: it must not
 *                        contain a withheld value (the writers add the base's number themselves).
 * @param baseCell        the published cell whose count is the base (n) of the percentages, as
 *                        {@code table.CATEGORY}: {@code total.TOTAL} for most tables,
 *                        {@code requester.PROFESSIONAL} for the work domains of professionals. The base is
 *                        never a number of its own: the writers show what that cell shows (its count, or
 *                        its marker when withheld), so it cannot disagree with it or reveal it.
 * @param noteRefs        numbers of the {@link Note}s that apply to this table (shown as
 *                        {@code [note n]} after the title)
 * @param multiValued     true when a request counts in each category it touches, so that counts add
 *                        up to more than the base and percentages to more than 100%
 * @param rows            the categories, at least one, with unique category codes
 */
public record PublishedTable(String id, String title, String baseDescription, String baseCell, List<Integer> noteRefs,
                             boolean multiValued, List<PublishedCell> rows) {

    /** The id of the table holding the report's overall total (one row). */
    public static final String TOTAL_ID = "total";

    /** Names the workbook uses for its own Excel tables; table ids must differ from them (and not start with {@code chart_}). */
    static final Set<String> RESERVED_IDS = Set.of("contents", "notes", "data");
    static final String RESERVED_PREFIX = "chart_";

    private static final Pattern CELL_REF = Pattern.compile("[a-z][a-z0-9_]{0,39}\\.[A-Za-z0-9_]+");

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]{0,39}");
    /** Names Excel would read as a cell reference (A1 or R1C1 style). */
    private static final Pattern CELL_LIKE = Pattern.compile("[a-z]{1,3}[0-9]+|r[0-9]*c?[0-9]*|c[0-9]*");

    public PublishedTable {
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches() || CELL_LIKE.matcher(id).matches() || RESERVED_IDS.contains(id)
                || id.startsWith(RESERVED_PREFIX)) {
            throw new IllegalArgumentException("table id must be a lower-case name like 'requester' that is not a cell"
                    + " reference and not one of " + RESERVED_IDS + ": " + id);
        }
        Model.requireText(title, "title of table " + id);
        Model.requireText(baseDescription, "base description of table " + id);
        if (baseCell == null || !CELL_REF.matcher(baseCell).matches()) {
            throw new IllegalArgumentException("table " + id + ": the base must name a cell as table.CATEGORY: " + baseCell);
        }
        noteRefs = List.copyOf(Objects.requireNonNull(noteRefs, "noteRefs"));
        rows = List.copyOf(Objects.requireNonNull(rows, "rows"));
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("table " + id + " has no rows");
        }
        Set<String> seen = new HashSet<>();
        for (PublishedCell row : rows) {
            if (!seen.add(row.category())) {
                throw new IllegalArgumentException("table " + id + " lists category " + row.category() + " twice");
            }
        }
        if (new HashSet<>(noteRefs).size() != noteRefs.size()) {
            throw new IllegalArgumentException("table " + id + " refers to a note twice: " + noteRefs);
        }
    }

    /** The row of this category, if any. */
    public java.util.Optional<PublishedCell> row(String category) {
        return rows.stream().filter(r -> r.category().equals(category)).findFirst();
    }

    /** True when at least one row is withheld. */
    public boolean hasSuppressedRows() {
        return rows.stream().anyMatch(PublishedCell::suppressed);
    }
}
