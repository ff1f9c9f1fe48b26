package nl.helpline.warehouse.disclosure;

import java.util.Objects;

/**
 * A count that is never published but is linked to published ones by a relation, e.g. the second
 * half-year when only the first half-year and the whole year are published
 * ({@code year = H1 + H2}). A reader knows only that it is {@code >= 0} and what the relations say.
 * When its value is small ({@code 1..t-1}, or {@code 0..t-1} when zeros are sensitive) it is
 * protected like a primary cell: the range a reader can derive for it must hold at least as many
 * values as a {@code < t} marker does ({@code t-1}, or {@code t} when zeros are sensitive). For a
 * cell shown as {@code < t} that is the same as spanning the marker's whole range; for a
 * never-published count the range may lie elsewhere, e.g. {@code 0..3} when the year and its first
 * half are both {@code < 5}: the second half is not revealed, only as vague as a marker.
 *
 * @param id    unique within the problem, e.g. {@code 2024-H2/requester.CITIZEN}
 * @param value the count the warehouse holds; relations must hold on it
 */
public record HiddenCell(String id, long value) {

    public HiddenCell {
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("hidden cell id is blank");
        }
        if (value < 0) {
            throw new IllegalArgumentException("hidden cell " + id + " has a negative count " + value);
        }
    }
}
