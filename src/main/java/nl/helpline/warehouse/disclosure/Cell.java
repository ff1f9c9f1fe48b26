package nl.helpline.warehouse.disclosure;

import java.util.Objects;

/**
 * A cell of the report being protected.
 *
 * @param id          unique within the problem, e.g. {@code requester.PROFESSIONAL}
 * @param value       the count, {@code >= 0}
 * @param mustPublish never chosen for secondary suppression (grand totals are treated so without
 *                    being marked). A must-publish cell whose count is small is still shown as
 *                    {@code < t}: the primary rule always wins.
 */
public record Cell(String id, long value, boolean mustPublish) {

    public Cell {
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("cell id is blank");
        }
        if (value < 0) {
            throw new IllegalArgumentException("cell " + id + " has a negative count " + value);
        }
    }

    public static Cell of(String id, long value) {
        return new Cell(id, value, false);
    }

    public static Cell mustPublish(String id, long value) {
        return new Cell(id, value, true);
    }
}
