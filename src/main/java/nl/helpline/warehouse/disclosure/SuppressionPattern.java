package nl.helpline.warehouse.disclosure;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The status of every current cell, in the problem's cell order.
 *
 * @param statuses       cell id to status, for every current cell (earlier cells keep theirs)
 * @param loss           the information loss of this pattern
 * @param provenOptimal  true when the search finished: no pattern with fewer secondary cells, or as
 *                       few with a smaller secondary total, protects the problem. False when the
 *                       pattern came from the greedy fallback (or was made by hand).
 */
public record SuppressionPattern(Map<String, CellStatus> statuses, InformationLoss loss, boolean provenOptimal) {

    public SuppressionPattern {
        statuses = Collections.unmodifiableMap(new LinkedHashMap<>(statuses));
    }

    /** A pattern for the problem's current cells; the loss is computed from their counts. */
    public static SuppressionPattern of(DisclosureProblem problem, Map<String, CellStatus> statuses, boolean provenOptimal) {
        Map<String, CellStatus> ordered = new LinkedHashMap<>();
        int suppressed = 0;
        int secondary = 0;
        long suppressedTotal = 0;
        long secondaryTotal = 0;
        for (Cell c : problem.cells()) {
            CellStatus s = statuses.get(c.id());
            if (s == null) {
                throw new IllegalArgumentException("pattern has no status for cell " + c.id());
            }
            ordered.put(c.id(), s);
            if (s.suppressed()) {
                suppressed++;
                suppressedTotal += c.value();
            }
            if (s == CellStatus.SECONDARY) {
                secondary++;
                secondaryTotal += c.value();
            }
        }
        if (ordered.size() != statuses.size()) {
            throw new IllegalArgumentException("pattern names cells that are not current cells of the problem");
        }
        return new SuppressionPattern(ordered, new InformationLoss(suppressed, suppressedTotal, secondary, secondaryTotal),
                provenOptimal);
    }

    /** Shorthand for {@code loss()}. */
    public InformationLoss informationLoss() {
        return loss;
    }

    public CellStatus status(String cellId) {
        CellStatus s = statuses.get(cellId);
        if (s == null) {
            throw new IllegalArgumentException("no cell " + cellId + " in the pattern");
        }
        return s;
    }

    /** The ids with a status, in cell order. */
    public List<String> cellsWith(CellStatus status) {
        return statuses.entrySet().stream().filter(e -> e.getValue() == status).map(Map.Entry::getKey).toList();
    }
}
