package nl.helpline.warehouse.extract;

/**
 * Why one row of an export was not loaded.
 *
 * @param line   as in {@link ExportRow#line()}
 * @param column the contract header of the offending column, or null when the row as a whole is at fault
 * @param value  the offending value only when it may be shown: its column is neither personal data
 *               nor the request number, and the value is a short token of the column's shape (a label,
 *               a date, a number; see {@code RejectValues}). Otherwise null: a value that looks like free
 *               text (a name, a phone number, a sentence typed into a coded column) is withheld.
 * @param reason a sentence an operator can act on; it quotes a value only under the same rule, and
 *               says "value withheld (looks like free text)" where it does not
 */
public record RowReject(long line, String column, String value, String reason) {
}
