package nl.helpline.warehouse.disclosure;

/**
 * Even suppressing every cell that may be suppressed leaves a small count derivable (e.g. two
 * small cells beside a must-publish total and a published zero). The report needs coarser
 * categories or another definition; the engine will not publish it. Carries the audit of that
 * maximal pattern, which names the cells.
 */
public class UnprotectableException extends DisclosureViolationException {

    public UnprotectableException(AuditReport maximalPatternAudit) {
        super(maximalPatternAudit, "cannot protect this report even by suppressing every eligible cell: ");
    }
}
