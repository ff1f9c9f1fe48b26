package nl.helpline.warehouse.generate;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * One sheet written with POI's streaming workbook: only a window of rows is in memory, the rest
 * goes to a compressed temporary file until the workbook is written out on close.
 */
final class XlsxRowWriter implements RowWriter {

    /** Excel's limit, header included. */
    static final int MAX_ROWS = SpreadsheetVersion.EXCEL2007.getMaxRows();

    private final OutputStream out;
    private final SXSSFWorkbook workbook;
    private final SXSSFSheet sheet;
    private final CellStyle dateStyle;
    private final CellStyle timestampStyle;
    private int nextRow;

    /** @param created the workbook's creation date; fixed so that the same spec gives the same bytes */
    XlsxRowWriter(OutputStream out, LocalDate created) {
        this.out = out;
        // Inline strings (no shared-strings table): memory stays flat however many rows. The
        // temporary sheet file is gzipped: ~1 KB of XML per row would be >1 GB for a million rows.
        this.workbook = new SXSSFWorkbook(null, 200, true, false);
        workbook.getXSSFWorkbook().getProperties().getCoreProperties()
                .setCreated(Optional.of(Date.from(created.atStartOfDay().toInstant(ZoneOffset.UTC))));
        this.sheet = workbook.createSheet("Export");
        short dateFormat = workbook.createDataFormat().getFormat("dd-mm-yyyy");
        short timestampFormat = workbook.createDataFormat().getFormat("dd-mm-yyyy hh:mm:ss");
        this.dateStyle = workbook.createCellStyle();
        dateStyle.setDataFormat(dateFormat);
        this.timestampStyle = workbook.createCellStyle();
        timestampStyle.setDataFormat(timestampFormat);
    }

    @Override
    public void header(List<String> headers) {
        Row row = nextRow();
        for (int i = 0; i < headers.size(); i++) {
            row.createCell(i).setCellValue(headers.get(i));
        }
    }

    @Override
    public void row(List<Value> cells) {
        Row row = nextRow();
        for (int i = 0; i < cells.size(); i++) {
            Value value = cells.get(i);
            if (value.excelNative() && value.typed() != null) {
                Cell cell = row.createCell(i);
                if (value.typed() instanceof LocalDateTime time) {
                    cell.setCellValue(time);
                    cell.setCellStyle(timestampStyle);
                } else if (value.typed() instanceof LocalDate date) {
                    cell.setCellValue(date);
                    cell.setCellStyle(dateStyle);
                } else if (value.typed() instanceof Integer number) {
                    cell.setCellValue(number);
                } else {
                    throw new IllegalStateException("no Excel type for " + value.typed().getClass());
                }
            } else if (!value.text().isEmpty() || value.excelNative()) {
                row.createCell(i).setCellValue(value.text());
            }
        }
    }

    private Row nextRow() {
        if (nextRow >= MAX_ROWS) {
            throw new IllegalStateException("an Excel sheet holds at most " + MAX_ROWS
                    + " rows including the header; spread the requests over more files");
        }
        return sheet.createRow(nextRow++);
    }

    @Override
    public void close() throws IOException {
        try (out) {
            workbook.write(out);
        } finally {
            workbook.dispose();
            workbook.close();
        }
    }
}
