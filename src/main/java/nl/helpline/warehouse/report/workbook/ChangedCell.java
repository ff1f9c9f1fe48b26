package nl.helpline.warehouse.report.workbook;

import java.util.regex.Pattern;

/**
 * A cell that a reader of an earlier publication of the same period would now see differently
 * (because requests were closed or corrected after it), listed on the notes sheet.
 *
 * <p>Both sides are given as shown to readers: a count as digits ({@code 28}), the sign of a
 * withheld count ({@code < 5}, {@code [c]}), or {@code -} when that publication had no such cell.
 * The writer checks {@code current} against the report's own table: it must be exactly what the
 * table shows now, so a withheld count cannot slip in through this list.
 *
 * @param tableId  id of the table
 * @param category the category's code
 * @param previous what the earlier publication showed
 * @param current  what this publication shows
 */
public record ChangedCell(String tableId, String category, String previous, String current) {

    private static final Pattern SHOWN = Pattern.compile("[0-9]+|< [0-9]+|\\[c\\]|-");

    public ChangedCell {
        Model.requireText(tableId, "tableId");
        Model.requireText(category, "category");
        check(previous, "previous");
        check(current, "current");
        if (previous.equals(current)) {
            throw new IllegalArgumentException("cell " + tableId + "." + category + " did not change: " + current);
        }
    }

    private static void check(String shown, String side) {
        if (shown == null || !SHOWN.matcher(shown).matches()) {
            throw new IllegalArgumentException(side + " must be a count, '< n', '[c]' or '-': " + shown);
        }
    }
}
