package nl.helpline.warehouse.report.workbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Date;
import java.util.Optional;

import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes the period report's workbook, {@code <definition>-<period>.xlsx}, following the UK
 * Government Analysis Function guidance "Releasing statistics in spreadsheets".
 *
 * <p>Sheets, in order (names in Dutch, or English for {@link Language#EN}):
 * <ol>
 *   <li>{@code Voorblad} / {@code Cover_sheet}: title, period, what is counted, definition, source,
 *       data as of, small counts, contact;</li>
 *   <li>{@code Inhoud} / {@code Contents}: one table ({@code contents}) linking to every other sheet;</li>
 *   <li>{@code Toelichting} / {@code Notes}: one table ({@code notes}) with the report's notes, the
 *       meaning of {@code < 5} and {@code [c]}, multi-valued tables, the audit's result and revised
 *       cells;</li>
 *   <li>{@code Tabel_1} .. / {@code Table_1} ..: one report table per sheet: title with note
 *       references in A1, the base in A2, a line about the sheet in A3, then an Excel table named after
 *       the table id with columns code, label, count, percent, status;</li>
 *   <li>{@code Data}: every row of every table in long format, one Excel table ({@code data});</li>
 *   <li>{@code Grafieken} / {@code Charts}, when the report has charts: native charts, each beside the
 *       small range it plots.</li>
 * </ol>
 *
 * <p><b>Withheld values.</b> The model cannot carry a withheld value ({@link PublishedCell}), and the
 * writer never makes one up: a suppressed count or percent is written as the text {@code < 5} (the
 * threshold) or {@code [c]}, never as a number; a chart plots published values only and a withheld
 * category gets no value at all, so the chart's cached values hold published numbers only.
 *
 * <p><b>Reproducible.</b> The same model and threshold always give the same bytes: the document's
 * created and modified dates are {@code dataAsOf} (Europe/Amsterdam), every zip entry is stamped
 * with {@code dataAsOf} as well, and nothing depends on the clock, the default locale or time zone.
 */
public final class WorkbookWriter {

    /** The time zone {@link ReportDocument#dataAsOf()} is in. */
    static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
    static final String CREATOR = "helpline-warehouse";

    private WorkbookWriter() {
    }

    /** {@code <definition>-<period>.xlsx} */
    public static String fileName(ReportDocument doc) {
        return doc.baseFileName() + ".xlsx";
    }

    /**
     * Writes the workbook to {@code xlsx} (replacing it atomically).
     *
     * @param threshold the disclosure threshold: primary-suppressed cells show {@code "< " + threshold}
     */
    public static void write(ReportDocument doc, int threshold, Path xlsx) throws IOException {
        OutputFiles.writeAtomically(xlsx, toBytes(doc, threshold));
    }

    /** The workbook's bytes. */
    public static byte[] toBytes(ReportDocument doc, int threshold) throws IOException {
        if (threshold < 1) {
            throw new IllegalArgumentException("threshold must be 1 or more: " + threshold);
        }
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            new WorkbookBuilder(workbook, doc, threshold).build();
            setProperties(workbook, doc);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            workbook.write(bytes);
            return ReproducibleZip.rewrite(bytes.toByteArray(), doc.dataAsOf());
        }
    }

    private static void setProperties(XSSFWorkbook workbook, ReportDocument doc) {
        Date fixed = Date.from(doc.dataAsOf().atZone(ZONE).toInstant());
        POIXMLProperties.CoreProperties core = workbook.getProperties().getCoreProperties();
        core.setCreated(Optional.of(fixed));
        core.setModified(Optional.of(fixed));
        core.setCreator(CREATOR);
        core.setLastModifiedByUser(CREATOR);
        core.setTitle(doc.title() + " " + doc.period());
        core.setSubjectProperty(doc.definitionName() + " " + doc.period());
        core.setIdentifier(doc.baseFileName());
        workbook.getProperties().getExtendedProperties().getUnderlyingProperties().setApplication(CREATOR);
    }
}
