package nl.helpline.warehouse.disclosure;

/**
 * What a reader can derive about one count that is not published, by the audit.
 *
 * @param cellId     the cell
 * @param origin     {@code CURRENT}, {@code PRIOR} (an earlier publication) or {@code NEVER_PUBLISHED}
 * @param shownAs    {@code PRIMARY} or {@code SECONDARY}; null for a never-published count
 * @param statedLow  the lowest count the marker allows ({@code lo}, {@code t}, or 0 when never published)
 * @param statedHigh the highest ({@code t-1}), or {@link Long#MAX_VALUE} when the marker sets none
 * @param lower      the exact integer minimum a reader can derive
 * @param upper      the exact integer maximum, {@link Long#MAX_VALUE} when there is none
 * @param determined false when the solver could not settle a bound (then {@code ok} is false)
 * @param exact      true: {@code lower} and {@code upper} are the exact integer minimum and maximum;
 *                   false ({@link DisclosureAudit#audit}, where the requirement was proved without
 *                   them): the least and greatest value among verified points of the reader's, so
 *                   the reader's range contains {@code lower..upper} and may be wider
 * @param ok         for a sensitive count (small, or shown as {@code < t}): the derived range contains
 *                   the whole of {@code lo..t-1}; for others: the bounds were determined
 * @param message    one line naming the cell
 */
public record CellBound(String cellId, Origin origin, CellStatus shownAs, long statedLow, long statedHigh,
                        long lower, long upper, boolean determined, boolean exact, boolean ok,
                        String message) {

    public enum Origin { CURRENT, PRIOR, NEVER_PUBLISHED }

    /** The derived range as text, e.g. {@code 1..4} or {@code 5..}; {@code at least 5..9} when not exact. */
    public String range() {
        if (!determined) {
            return "undetermined";
        }
        return (exact ? "" : "at least ") + lower + ".." + (upper == Long.MAX_VALUE ? "" : Long.toString(upper));
    }
}
