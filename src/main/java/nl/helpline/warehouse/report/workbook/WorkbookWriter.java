package nl.helpline.warehouse.report.workbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Date;
import java.util.Optional;

import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import nl.helpline.warehouse.report.PublicationState;

/**
 * Writes the period report's workbook (the caller names the file), following the UK
 * Government Analysis Function guidance "Releasing statistics in spreadsheets".
 *
 * <p>Sheets, in order (names in Dutch, or English for {@link Language#EN}):
 * <ol>
 *   <li>{@code Voorblad} / {@code Cover_sheet}: title with the period written out, a draft's
 *       "CONCEPT" line, period, what is counted, publication (draft, or version and date), next
 *       release, provisional figures, source, data as of, small counts, contact with links;</li>
 *   <li>{@code Inhoud} / {@code Contents}: one table ({@code contents}) linking to every other sheet;</li>
 *   <li>{@code Toelichting} / {@code Notes}: one table ({@code notes}) with the report's notes, the
 *       meaning of {@code < 5} and {@code [c]}, multi-valued tables, the audit's result and revised
 *       cells;</li>
 *   <li>{@code Tabel_1} .. / {@code Table_1} ..: one report table per sheet: title with the period,
 *       {@code [p]} and note references in A1, what is counted and the base (n) in A2, a line about the
 *       sheet in A3, then an Excel table named after the table id with columns label, count, percent,
 *       base (n), status (which carries {@code [r]});</li>
 *   <li>{@code Data}: every row of every table in long format, one Excel table ({@code data}) with
 *       period, table id, code, label, count, percent, base and status; the one sheet with filter
 *       buttons and a frozen header;</li>
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
    /** The software, named as the document's application; the author is the publishing organisation. */
    static final String APPLICATION = "helpline-warehouse";

    private WorkbookWriter() {
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
        Texts tx = Texts.of(doc.lang());
        Date fixed = Date.from(doc.dataAsOf().atZone(ZONE).toInstant());
        POIXMLProperties.CoreProperties core = workbook.getProperties().getCoreProperties();
        core.setCreated(Optional.of(fixed));
        core.setModified(Optional.of(fixed));
        core.setCreator(doc.contact().organisation());
        core.setLastModifiedByUser(doc.contact().organisation());
        String title = doc.title() + ", " + doc.periodName();
        PublicationState publication = doc.publication();
        if (publication.isDraft()) {
            core.setTitle(tx.draftBanner() + ": " + title);
            core.setSubjectProperty(tx.draftBanner());
            core.setKeywords(tx.draftKeywords());
            core.setContentStatus(tx.draftStatus());
        } else {
            core.setTitle(title);
            core.setSubjectProperty(tx.releaseStatus(publication.version(), publication.releasedOn()));
            core.setKeywords(tx.releaseKeywords());
            core.setContentStatus(tx.releaseStatus(publication.version(), publication.releasedOn()));
            core.setVersion(Integer.toString(publication.version()));
        }
        core.setDescription(doc.population());
        core.setIdentifier(doc.definitionName() + "-" + doc.period() + "." + doc.lang().locale().getLanguage()
                + (publication.isDraft() ? ".concept" : ".v" + publication.version()));
        core.getUnderlyingProperties().setLanguageProperty(doc.lang().locale().toLanguageTag());
        workbook.getProperties().getExtendedProperties().getUnderlyingProperties().setApplication(APPLICATION);
        workbook.getProperties().getExtendedProperties().getUnderlyingProperties().setCompany(doc.contact().organisation());
    }
}
