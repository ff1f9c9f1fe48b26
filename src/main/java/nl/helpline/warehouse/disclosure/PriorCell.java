package nl.helpline.warehouse.disclosure;

import java.util.Objects;

/**
 * A cell of an earlier publication, with the status it was published with. Its status is fixed:
 * the engine cannot take back what was published. A reader of both publications knows its count
 * when it was published, or that it lay in the marker's range.
 *
 * @param id          unique within the problem, e.g. {@code 2024-H1/requester.CITIZEN}
 * @param value       the count the warehouse holds for it: the published figure, or the count behind
 *                    the marker. Relations must hold on these values.
 * @param publishedAs {@code PRIMARY} requires a small value ({@code < t}), {@code SECONDARY} a value
 *                    {@code >= t}; the problem's threshold and zero rule are taken to be the ones the
 *                    earlier publication used.
 */
public record PriorCell(String id, long value, CellStatus publishedAs) {

    public PriorCell {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(publishedAs, "publishedAs");
        if (id.isBlank()) {
            throw new IllegalArgumentException("prior cell id is blank");
        }
        if (value < 0) {
            throw new IllegalArgumentException("prior cell " + id + " has a negative count " + value);
        }
    }
}
