package nl.helpline.warehouse.report.workbook;

/**
 * The result of the disclosure audit that ran over the report before it was written, shown on
 * the notes sheet.
 *
 * @param passed whether the audit passed
 * @param text   the audit's statement in the report's language, e.g. "All 42 cells checked; no count
 *               below 5 can be derived from the published counts." It is written verbatim and must
 *               itself not contain a withheld value.
 */
public record AuditStatement(boolean passed, String text) {
    public AuditStatement {
        Model.requireText(text, "audit text");
    }
}
