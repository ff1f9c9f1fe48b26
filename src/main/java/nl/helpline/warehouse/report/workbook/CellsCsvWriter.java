package nl.helpline.warehouse.report.workbook;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Writes {@code <definition>-<period>.cells.csv}: every cell of every table, one row each, for
 * machines (the disclosure audit, comparisons between publications, other tools).
 *
 * <p>Format:
 * <ul>
 *   <li>UTF-8 without byte-order mark; lines end in CRLF (RFC 4180), including the last one.</li>
 *   <li>Header {@code table,category,label,count,percent,status}; then the tables in report order and
 *       their rows in table order.</li>
 *   <li>{@code table}: the table id; {@code category}: the category code; {@code label}: the label in
 *       the report's language.</li>
 *   <li>{@code count}: a whole number without grouping; empty when suppressed.</li>
 *   <li>{@code percent}: the percentage on a 0&ndash;100 scale with exactly one decimal and a point as
 *       decimal separator, rounded half-up ({@code 65.0}, {@code 4.4}); empty when suppressed, and
 *       empty for a published cell without a percentage (the {@code total} row).</li>
 *   <li>{@code status}: {@code published}, {@code primary} (below the threshold) or {@code secondary}
 *       (withheld to protect a small count).</li>
 *   <li>Fields are quoted only when they contain a comma, a double quote, CR or LF; a double quote
 *       inside a quoted field is doubled.</li>
 * </ul>
 * The same model always gives the same bytes.
 */
public final class CellsCsvWriter {

    static final String HEADER = "table,category,label,count,percent,status";
    private static final String EOL = "\r\n";

    private CellsCsvWriter() {
    }

    /** {@code <definition>-<period>.cells.csv} */
    public static String fileName(ReportDocument doc) {
        return doc.baseFileName() + ".cells.csv";
    }

    /** Writes the CSV to {@code csv} (replacing it atomically). */
    public static void write(ReportDocument doc, Path csv) throws IOException {
        OutputFiles.writeAtomically(csv, toBytes(doc));
    }

    /** The CSV's bytes. */
    public static byte[] toBytes(ReportDocument doc) {
        return toText(doc).getBytes(StandardCharsets.UTF_8);
    }

    static String toText(ReportDocument doc) {
        StringBuilder out = new StringBuilder(HEADER).append(EOL);
        for (PublishedTable table : doc.tables()) {
            for (PublishedCell cell : table.rows()) {
                out.append(field(table.id())).append(',')
                        .append(field(cell.category())).append(',')
                        .append(field(cell.label())).append(',')
                        .append(cell.count() == null ? "" : Long.toString(cell.count())).append(',')
                        .append(cell.percent() == null ? "" : Numbers.percent(cell.percent()).toPlainString()).append(',')
                        .append(cell.status().code())
                        .append(EOL);
            }
        }
        return out.toString();
    }

    static String field(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\r') < 0 && value.indexOf('\n') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
