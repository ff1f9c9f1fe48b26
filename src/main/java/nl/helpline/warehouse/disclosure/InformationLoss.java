package nl.helpline.warehouse.disclosure;

/**
 * What a pattern costs the reader.
 *
 * @param suppressedCells  primary plus secondary cells
 * @param suppressedTotal  the sum of their counts
 * @param secondaryCells   cells suppressed only to protect others (what the search minimises first)
 * @param secondaryTotal   the sum of their counts (minimised second)
 */
public record InformationLoss(int suppressedCells, long suppressedTotal, int secondaryCells, long secondaryTotal) {

    @Override
    public String toString() {
        return suppressedCells + " cells (" + suppressedTotal + " counted) suppressed, of which " + secondaryCells
                + " secondary (" + secondaryTotal + ")";
    }
}
