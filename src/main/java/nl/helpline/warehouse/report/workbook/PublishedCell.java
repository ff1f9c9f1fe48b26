package nl.helpline.warehouse.report.workbook;

import java.util.Objects;

/**
 * One category of a published table, after disclosure control.
 *
 * <p>A suppressed cell carries no value at all: {@code count} and {@code percent} are null whenever
 * {@code status} is {@link CellStatus#PRIMARY} or {@link CellStatus#SECONDARY}, and the constructor
 * refuses anything else. The writers therefore never receive a withheld value and cannot leak it.
 *
 * @param category the category's code from the export contract, e.g. {@code PROFESSIONAL}
 * @param label    the category's label in the report's language, e.g. {@code Professional}
 * @param count    the number of requests; null when suppressed, otherwise 0 or more
 * @param percent  the count as a percentage of the table's base on a 0&ndash;100 scale ({@code 65.0}
 *                 means 65%), unrounded or rounded as the engine likes (the writers round to one
 *                 decimal); null when suppressed, and may be null for a published cell that has no
 *                 meaningful percentage (e.g. the one row of the {@code total} table)
 * @param status   the disclosure status
 */
public record PublishedCell(String category, String label, Long count, Double percent, CellStatus status) {

    public PublishedCell {
        Model.requireText(category, "category");
        Model.requireText(label, "label");
        Objects.requireNonNull(status, "status");
        if (status.suppressed()) {
            if (count != null || percent != null) {
                throw new IllegalArgumentException("suppressed cell " + category
                        + " must not carry a count or percent: the writers must never see a withheld value");
            }
        } else {
            if (count == null) {
                throw new IllegalArgumentException("published cell " + category + " needs a count");
            }
            if (count < 0) {
                throw new IllegalArgumentException("count of " + category + " is negative");
            }
            if (percent != null && (percent.isNaN() || percent.isInfinite() || percent < 0)) {
                throw new IllegalArgumentException("percent of " + category + " is not a number of 0 or more: " + percent);
            }
        }
    }

    /** A published cell. */
    public static PublishedCell published(String category, String label, long count, Double percent) {
        return new PublishedCell(category, label, count, percent, CellStatus.PUBLISHED);
    }

    /** A cell withheld because its count is below the threshold. */
    public static PublishedCell primary(String category, String label) {
        return new PublishedCell(category, label, null, null, CellStatus.PRIMARY);
    }

    /** A cell withheld so that a small count cannot be derived from the other counts. */
    public static PublishedCell secondary(String category, String label) {
        return new PublishedCell(category, label, null, null, CellStatus.SECONDARY);
    }

    public boolean suppressed() {
        return status.suppressed();
    }
}
