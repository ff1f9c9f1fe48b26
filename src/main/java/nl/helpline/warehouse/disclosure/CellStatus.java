package nl.helpline.warehouse.disclosure;

/**
 * How a cell is shown in a publication.
 *
 * <ul>
 *   <li>{@link #PUBLISHED}: the count itself (a zero is shown as 0 unless zeros are sensitive).</li>
 *   <li>{@link #PRIMARY}: a small count, shown as {@code < t}. A reader learns it lies in
 *       {@code 1..t-1} ({@code 0..t-1} when zeros are sensitive).</li>
 *   <li>{@link #SECONDARY}: a count of at least {@code t} hidden to protect a small one, shown as
 *       {@code [c]}. A reader learns it is {@code >= t}.</li>
 * </ul>
 */
public enum CellStatus {
    PUBLISHED,
    PRIMARY,
    SECONDARY;

    /** Whether the reader does not see the count itself. */
    public boolean suppressed() {
        return this != PUBLISHED;
    }
}
