package nl.helpline.warehouse.disclosure;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The audit of one pattern: bounds for every count a reader does not see, and every violation.
 *
 * @param bounds     one per suppressed current cell, suppressed earlier cell and never-published count
 * @param violations empty when the pattern may be published
 * @param notes      facts about how the audit decided (e.g. implied equalities taken on the solver's word)
 */
public record AuditReport(List<CellBound> bounds, List<Violation> violations, List<String> notes) {

    /**
     * One reason the pattern must not be published.
     *
     * @param cellIds the cells involved (the first is the one to name)
     * @param message a sentence naming them
     */
    public record Violation(List<String> cellIds, String message) {

        public Violation {
            cellIds = List.copyOf(cellIds);
        }
    }

    public AuditReport {
        bounds = List.copyOf(bounds);
        violations = List.copyOf(violations);
        notes = List.copyOf(notes);
    }

    public boolean passed() {
        return violations.isEmpty();
    }

    public CellBound bound(String cellId) {
        return bounds.stream().filter(b -> b.cellId().equals(cellId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no bound for " + cellId + " (published?)"));
    }

    /** @throws DisclosureViolationException naming the cells, when the audit failed */
    public AuditReport requirePassed() {
        if (!passed()) {
            throw new DisclosureViolationException(this);
        }
        return this;
    }

    /** The violations, one per line. */
    public String summary() {
        return passed() ? "audit passed" : violations.stream().map(Violation::message).collect(Collectors.joining("\n"));
    }
}
