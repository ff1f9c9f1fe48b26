package nl.helpline.warehouse.report.workbook;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Writes a report's {@code cells.csv}: every cell of every table, one row each, for machines (the
 * disclosure audit, comparisons between publications, the infographic). It holds exactly what the
 * workbook publishes, and says by itself which release it is, so the infographic can be drawn from
 * this file alone.
 *
 * <p>Format:
 * <ul>
 *   <li>UTF-8 without byte-order mark; lines end in CRLF (RFC 4180), including the last one.</li>
 *   <li>Header {@value #HEADER}; then the tables in report order and their rows in table order.</li>
 *   <li>{@code table}: the table id; {@code category}: the category code; {@code label}: the label in
 *       the report's language.</li>
 *   <li>{@code count}: a whole number without grouping; empty when suppressed.</li>
 *   <li>{@code percent}: the percentage on a 0&ndash;100 scale with exactly one decimal and a point as
 *       decimal separator, rounded half-up ({@code 65.0}, {@code 4.4}); empty when suppressed, when the
 *       table's base is suppressed, and for the {@code total} row.</li>
 *   <li>{@code status}: {@code published}, {@code primary} (below the threshold) or {@code secondary}
 *       (withheld to protect a small count).</li>
 *   <li>{@code shown}: the count as readers see it: digits, {@code < 5} (with the threshold) or {@code [c]}.</li>
 *   <li>{@code base}: the base (n) of the table's percentages as readers see it (digits or a sign): the
 *       {@code shown} of the cell named by the table's base.</li>
 *   <li>{@code table_title}: the table's title in the report's language (without the period).</li>
 *   <li>{@code period_start}, {@code period_end}: the period's first and last day, ISO 8601.</li>
 *   <li>{@code lang}: {@code nl} or {@code en}.</li>
 *   <li>{@code version}: the release's version, {@code 0} for a draft; {@code released_on}: its date
 *       (ISO 8601), empty for a draft.</li>
 *   <li>{@code revised}: {@code true} when the cell shows something else than the previous release
 *       ({@code [r]}); {@code provisional}: {@code true} when requests of the period are still open
 *       ({@code [p]}).</li>
 *   <li>Fields are quoted only when they contain a comma, a double quote, CR or LF; a double quote
 *       inside a quoted field is doubled.</li>
 * </ul>
 * Columns are only ever added at the end. The same model always gives the same bytes.
 */
public final class CellsCsvWriter {

    public static final String HEADER = "table,category,label,count,percent,status,shown,base,table_title,period_start,period_end,"
            + "lang,version,released_on,revised,provisional";
    private static final String EOL = "\r\n";

    private CellsCsvWriter() {
    }

    /** Writes the CSV to {@code csv} (replacing it atomically). */
    public static void write(ReportDocument doc, int threshold, Path csv) throws IOException {
        OutputFiles.writeAtomically(csv, toBytes(doc, threshold));
    }

    /** The CSV's bytes. */
    public static byte[] toBytes(ReportDocument doc, int threshold) {
        return toText(doc, threshold).getBytes(StandardCharsets.UTF_8);
    }

    static String toText(ReportDocument doc, int threshold) {
        StringBuilder out = new StringBuilder(HEADER).append(EOL);
        String lang = doc.lang().locale().getLanguage();
        var publication = doc.publication();
        for (PublishedTable table : doc.tables()) {
            String base = shown(doc.base(table), threshold);
            for (PublishedCell cell : table.rows()) {
                out.append(field(table.id())).append(',')
                        .append(field(cell.category())).append(',')
                        .append(field(cell.label())).append(',')
                        .append(cell.count() == null ? "" : Long.toString(cell.count())).append(',')
                        .append(cell.percent() == null ? "" : Numbers.percent(cell.percent()).toPlainString()).append(',')
                        .append(cell.status().code()).append(',')
                        .append(field(shown(cell, threshold))).append(',')
                        .append(field(base)).append(',')
                        .append(field(table.title())).append(',')
                        .append(doc.periodStart()).append(',')
                        .append(doc.periodEnd()).append(',')
                        .append(lang).append(',')
                        .append(publication.version()).append(',')
                        .append(publication.releasedOn() == null ? "" : publication.releasedOn().toString()).append(',')
                        .append(doc.revised(table, cell)).append(',')
                        .append(publication.provisional())
                        .append(EOL);
            }
        }
        return out.toString();
    }

    static String shown(PublishedCell cell, int threshold) {
        return cell.suppressed() ? cell.status().marker(threshold) : Long.toString(cell.count());
    }

    static String field(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\r') < 0 && value.indexOf('\n') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
