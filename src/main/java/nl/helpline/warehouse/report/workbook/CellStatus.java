package nl.helpline.warehouse.report.workbook;

/**
 * Disclosure status of one published cell, as decided by the disclosure engine.
 *
 * <ul>
 *   <li>{@link #PUBLISHED}: the count (and percent) are shown.</li>
 *   <li>{@link #PRIMARY}: the count is below the threshold; shown as {@code < 5} (with the
 *       report's threshold).</li>
 *   <li>{@link #SECONDARY}: the count is not small itself but is withheld so that a small count
 *       cannot be derived from the others; shown as {@code [c]}.</li>
 * </ul>
 */
public enum CellStatus {
    PUBLISHED("published"),
    PRIMARY("primary"),
    SECONDARY("secondary");

    private final String code;

    CellStatus(String code) {
        this.code = code;
    }

    /** True when the cell's value is withheld. */
    public boolean suppressed() {
        return this != PUBLISHED;
    }

    /** The status as written in the {@code status} column of {@code cells.csv}. */
    public String code() {
        return code;
    }

    /**
     * The sign shown instead of a withheld value: {@code "< " + threshold} for primary suppression,
     * {@code "[c]"} for secondary suppression; null for a published cell.
     */
    public String marker(int threshold) {
        return switch (this) {
            case PUBLISHED -> null;
            case PRIMARY -> "< " + threshold;
            case SECONDARY -> "[c]";
        };
    }
}
