package nl.helpline.warehouse.disclosure;

/** A pattern failed its audit: the report must not be written. The message names the cells. */
public class DisclosureViolationException extends RuntimeException {

    private final transient AuditReport report;

    public DisclosureViolationException(AuditReport report) {
        this(report, "disclosure audit failed: ");
    }

    protected DisclosureViolationException(AuditReport report, String prefix) {
        super(prefix + report.summary());
        this.report = report;
    }

    public AuditReport report() {
        return report;
    }

    /** The first cell named by the first violation. */
    public String cellId() {
        return report.violations().isEmpty() || report.violations().get(0).cellIds().isEmpty() ? null
                : report.violations().get(0).cellIds().get(0);
    }
}
