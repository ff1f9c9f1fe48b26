package nl.helpline.warehouse.extract;

/**
 * Why one row of an export was not loaded.
 *
 * @param line   as in {@link ExportRow#line()}
 * @param column the contract header of the offending column, or null when the row as a whole is at fault
 * @param value  the offending value, or null when the column is personal data or the request number
 *               (reject records must never carry either)
 * @param reason a sentence an operator can act on
 */
public record RowReject(long line, String column, String value, String reason) {
}
