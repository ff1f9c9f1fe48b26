package nl.helpline.warehouse.extract;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Small XLSX exports written with POI's full API (shared strings, real date cells). Each row is
 * a list of cells by column: String → text, LocalDate/LocalDateTime → a date-formatted number,
 * Number → a number, null → no cell at all (a sparse row), {@link #STYLED_BLANK} → a cell with a
 * style and no value (what Excel leaves behind formatted rows).
 */
final class TestWorkbook {

    static final Object STYLED_BLANK = new Object();

    private final List<Object[]> rows = new ArrayList<>();
    private final List<Integer> rowNumbers = new ArrayList<>();
    private final List<List<Object[]>> otherSheets = new ArrayList<>();
    private boolean date1904;

    static TestWorkbook xlsx() {
        return new TestWorkbook();
    }

    /** Adds a row at the next free row number (0-based internally, Excel numbers from 1). */
    TestWorkbook row(Object... cells) {
        return rowAt(rowNumbers.isEmpty() ? 1 : rowNumbers.get(rowNumbers.size() - 1) + 1, cells);
    }

    /** Adds a row at an Excel row number (1-based), leaving the rows in between absent. */
    TestWorkbook rowAt(int excelRow, Object... cells) {
        rows.add(cells);
        rowNumbers.add(excelRow);
        return this;
    }

    TestWorkbook otherSheet(Object[]... sheetRows) {
        otherSheets.add(Arrays.asList(sheetRows));
        return this;
    }

    TestWorkbook date1904() {
        this.date1904 = true;
        return this;
    }

    Path write(Path file) {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            if (date1904) {
                // POI writes a workbookPr of its own; adding a second one would leave date1904="false" first.
                var ct = workbook.getCTWorkbook();
                (ct.isSetWorkbookPr() ? ct.getWorkbookPr() : ct.addNewWorkbookPr()).setDate1904(true);
            }
            Styles styles = new Styles(workbook);
            Sheet sheet = workbook.createSheet("Export");
            for (int i = 0; i < rows.size(); i++) {
                fill(sheet.createRow(rowNumbers.get(i) - 1), rows.get(i), styles);
            }
            for (int s = 0; s < otherSheets.size(); s++) {
                Sheet other = workbook.createSheet("Other " + s);
                for (int i = 0; i < otherSheets.get(s).size(); i++) {
                    fill(other.createRow(i), otherSheets.get(s).get(i), styles);
                }
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                workbook.write(out);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void fill(Row row, Object[] cells, Styles styles) {
        for (int c = 0; c < cells.length; c++) {
            Object value = cells[c];
            if (value == null) {
                continue;
            }
            Cell cell = row.createCell(c);
            if (value == STYLED_BLANK) {
                cell.setCellStyle(styles.day);
            } else if (value instanceof String s) {
                cell.setCellValue(s);
            } else if (value instanceof LocalDateTime t) {
                cell.setCellValue(t);
                cell.setCellStyle(styles.timestamp);
            } else if (value instanceof LocalDate d) {
                cell.setCellValue(d);
                cell.setCellStyle(styles.day);
            } else if (value instanceof Number n) {
                cell.setCellValue(n.doubleValue());
            } else if (value instanceof Boolean b) {
                cell.setCellValue(b);
            } else {
                throw new IllegalArgumentException("Cannot write " + value);
            }
        }
    }

    /** Date formats as Dutch Excel shows them. */
    static final class Styles {
        final CellStyle day;
        final CellStyle timestamp;

        Styles(org.apache.poi.ss.usermodel.Workbook workbook) {
            day = workbook.createCellStyle();
            day.setDataFormat(workbook.createDataFormat().getFormat("d-m-yyyy"));
            timestamp = workbook.createCellStyle();
            timestamp.setDataFormat(workbook.createDataFormat().getFormat("dd-mm-yyyy hh:mm"));
        }
    }
}
