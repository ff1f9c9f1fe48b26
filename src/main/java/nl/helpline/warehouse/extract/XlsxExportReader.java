package nl.helpline.warehouse.extract;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

import org.xml.sax.SAXException;

/**
 * Reads the first sheet of an XLSX export with POI's event API, in passes over the zipped XML so
 * that neither the sheet nor its shared strings are ever held whole:
 * <ol>
 * <li>the header row (the first row with anything in it), and the shared strings it uses;</li>
 * <li>which shared strings the contract's non-personal columns use (skipped when the workbook has
 * no shared strings, e.g. inline strings as streaming writers produce);</li>
 * <li>those shared strings, and no others: personal data never becomes a string;</li>
 * <li>the rows, each through the validator.</li>
 * </ol>
 *
 * <p>Memory is bounded by Excel's own limits and the header, whatever the file holds: header cells
 * by column XFD, shared-string indices by {@link SharedStringSubset#MAX_INDEX} and the table's
 * size, the kept shared strings by {@link #MAX_SHARED_TEXT} characters, a row by the contract's
 * columns, a cell's text by {@link CsvTokenizer#MAX_FIELD} (a header cell's by
 * {@link Header#MAX_NAME_LENGTH}).
 */
final class XlsxExportReader {

    /**
     * Most characters of shared strings kept for the contract's columns: 64 million (128 MB). A
     * full sheet of a million requests holds about 20 million (request numbers and a few labels).
     */
    static final int MAX_SHARED_TEXT = 64_000_000;

    private final ValueMapping mapping;

    XlsxExportReader(ValueMapping mapping) {
        this.mapping = mapping;
    }

    ReadResult read(Path file, RowSink sink) throws FileRejectedException, IOException {
        String name = Text.fileName(file.getFileName().toString());
        try (XlsxWorkbook workbook = XlsxWorkbook.open(file)) {
            HeaderRow headerRow = readHeader(workbook);
            Header header = Header.match(name, headerRow.names());
            SharedStringSubset strings = workbook.hasSharedStrings() ? usedSharedStrings(workbook, header) : null;
            RowEmitter rows = new RowEmitter(workbook, header, headerRow.row(), strings, new RowValidator(mapping), sink);
            try (InputStream sheet = workbook.sheet()) {
                SheetParser.parse(sheet, rows, CsvTokenizer.MAX_FIELD, workbook.sheetName());
            }
            return new ReadResult(rows.rowsRead, header.ignored(), "xlsx");
        } catch (WorkbookException e) {
            throw new FileRejectedException(name + ": " + e.getMessage(), e);
        } catch (IOException e) {
            // Not about the content as far as the parts could tell; the disk decides.
            Disk.requireReadable(file, e);
            throw new FileRejectedException(name + ": the workbook cannot be read; its bytes read from disk,"
                    + " so its content is damaged", e);
        }
    }

    private record RawCell(SheetParser.Kind kind, String text, int style) {
    }

    private record HeaderRow(int row, List<String> names) {
    }

    /** Pass 1: the first row with content, its cells as text. */
    private static HeaderRow readHeader(XlsxWorkbook workbook) throws IOException, WorkbookException {
        List<RawCell> cells = new ArrayList<>();
        int[] headerRow = {0};
        SharedIndices indices = new SharedIndices(workbook);
        try (InputStream sheet = workbook.sheet()) {
            SheetParser.parse(sheet, new SheetParser.Cells() {
                @Override
                public boolean wants(int column) {
                    return true;
                }

                @Override
                public void cell(int row, int column, SheetParser.Kind kind, String text, int style, boolean tooLong)
                        throws SAXException {
                    if (tooLong) {
                        throw new Sax.Reject("row " + row + ", cell " + SheetParser.reference(column, row)
                                + ": the header is longer than " + Header.MAX_NAME_LENGTH + " characters; that is not a column name");
                    }
                    if (kind == SheetParser.Kind.SHARED_STRING) {
                        indices.add(text, row, column);
                    }
                    while (cells.size() <= column) {
                        cells.add(null);
                    }
                    cells.set(column, new RawCell(kind, text, style));
                }

                @Override
                public void endRow(int row, boolean hasContent) throws SAXException {
                    if (hasContent) {
                        headerRow[0] = row;
                        throw new Sax.Stop();
                    }
                    cells.clear();
                    indices.clear();
                }
            }, Header.MAX_NAME_LENGTH, workbook.sheetName());
        }
        if (headerRow[0] == 0) {
            throw new WorkbookException("the first sheet is empty; an export has at least a header row");
        }
        SharedStringSubset strings = indices.load(Header.MAX_NAME_LENGTH, Header.MAX_COLUMNS * Header.MAX_NAME_LENGTH);
        List<String> names = new ArrayList<>(cells.size());
        for (int column = 0; column < cells.size(); column++) {
            RawCell c = cells.get(column);
            if (c == null) {
                names.add(null);
            } else if (c.kind() == SheetParser.Kind.SHARED_STRING) {
                int index = XlsxWorkbook.sharedIndex(c.text());
                if (strings.tooLong(index)) {
                    throw new WorkbookException("row " + headerRow[0] + ", cell " + SheetParser.reference(column, headerRow[0])
                            + ": the header is longer than " + Header.MAX_NAME_LENGTH + " characters; that is not a column name");
                }
                names.add(strings.get(index));
            } else {
                names.add(workbook.text(c.kind(), c.text(), c.style(), null));
            }
        }
        return new HeaderRow(headerRow[0], names);
    }

    /**
     * Passes 2 and 3: the shared-string entries that cells of read columns refer to (the header's
     * own entries included: they are column names, and leaving them out would cost a row check per
     * cell), then those entries. The whole sheet is scanned here, so a sheet whose structure is
     * odd is rejected before any row reaches the sink.
     */
    private static SharedStringSubset usedSharedStrings(XlsxWorkbook workbook, Header header) throws IOException, WorkbookException {
        SharedIndices indices = new SharedIndices(workbook);
        try (InputStream sheet = workbook.sheet()) {
            SheetParser.parse(sheet, new SheetParser.Cells() {
                @Override
                public boolean wants(int column) {
                    return header.slot(column) >= 0;
                }

                @Override
                public void cell(int row, int column, SheetParser.Kind kind, String text, int style, boolean tooLong)
                        throws SAXException {
                    if (kind == SheetParser.Kind.SHARED_STRING && !tooLong) {
                        indices.add(text, row, column);
                    }
                }

                @Override
                public void endRow(int row, boolean hasContent) {
                    // rows do not matter here
                }
            }, CsvTokenizer.MAX_FIELD, workbook.sheetName());
        }
        return indices.load(CsvTokenizer.MAX_FIELD, MAX_SHARED_TEXT);
    }

    /**
     * The shared-string indices cells refer to, checked as they are met, and the cell with the
     * highest one, so that an index beyond the table can be reported where it stands.
     */
    private static final class SharedIndices {
        private final XlsxWorkbook workbook;
        private final BitSet used = new BitSet();
        private int highest = -1;
        private int highestRow;
        private int highestColumn;

        SharedIndices(XlsxWorkbook workbook) {
            this.workbook = workbook;
        }

        void add(String raw, int row, int column) throws Sax.Reject {
            int index = checkedIndex(workbook, raw, row, column);
            used.set(index);
            if (index > highest) {
                highest = index;
                highestRow = row;
                highestColumn = column;
            }
        }

        void clear() {
            used.clear();
            highest = -1;
        }

        SharedStringSubset load(int maxEntry, int maxChars) throws IOException, WorkbookException {
            if (highest < 0) {
                return workbook.sharedStrings(used, maxEntry, maxChars);
            }
            SharedStringSubset strings = workbook.sharedStrings(used, maxEntry, maxChars);
            if (!strings.exists(highest)) {
                throw new WorkbookException("row " + highestRow + ", cell " + SheetParser.reference(highestColumn, highestRow)
                        + " refers to shared string " + highest + ", but the workbook's shared-strings table has only "
                        + strings.entriesSeen() + " entries");
            }
            return strings;
        }
    }

    /** A shared-string cell's index, or a reject naming the cell when it cannot be one. */
    private static int checkedIndex(XlsxWorkbook workbook, String raw, int row, int column) throws Sax.Reject {
        String cell = "row " + row + ", cell " + SheetParser.reference(column, row);
        if (!workbook.hasSharedStrings()) {
            throw new Sax.Reject(cell + " refers to a shared string, but the workbook has no shared-strings table");
        }
        int index = XlsxWorkbook.sharedIndex(raw);
        if (index < 0) {
            throw new Sax.Reject(cell + " refers to shared string " + SheetParser.token(raw.trim())
                    + ", which is not an index from 0 to " + SharedStringSubset.MAX_INDEX + " (the most this reader allows)");
        }
        return index;
    }

    /** Pass 4: each row below the header, as raw text per contract column, through the validator. */
    private static final class RowEmitter implements SheetParser.Cells {
        private final XlsxWorkbook workbook;
        private final Header header;
        private final int headerRow;
        private final SharedStringSubset strings;
        private final RowValidator validator;
        private final RowSink sink;
        private final String[] values = new String[ExportColumn.all().size()];
        private int oversized = -1;
        long rowsRead;

        RowEmitter(XlsxWorkbook workbook, Header header, int headerRow, SharedStringSubset strings,
                   RowValidator validator, RowSink sink) {
            this.workbook = workbook;
            this.header = header;
            this.headerRow = headerRow;
            this.strings = strings;
            this.validator = validator;
            this.sink = sink;
        }

        @Override
        public boolean wants(int column) {
            return header.slot(column) >= 0;
        }

        @Override
        public void cell(int row, int column, SheetParser.Kind kind, String text, int style, boolean tooLong) throws SAXException {
            ExportColumn target = header.column(column);
            if (row <= headerRow) {
                return;
            }
            if (!tooLong && kind == SheetParser.Kind.SHARED_STRING) {
                int index = checkedIndex(workbook, text, row, column);
                if (strings == null || !strings.exists(index)) {
                    throw new Sax.Reject("row " + row + ", cell " + SheetParser.reference(column, row)
                            + " refers to shared string " + index + ", which the workbook's table does not have");
                }
                tooLong = strings.tooLong(index);
                text = tooLong ? null : strings.get(index);
            } else if (!tooLong) {
                text = workbook.text(kind, text, style, target);
            }
            if (tooLong) {
                oversized = oversized < 0 ? column : oversized;
                return;
            }
            values[target.ordinal()] = text;
        }

        @Override
        public void endRow(int row, boolean hasContent) {
            if (row > headerRow && hasContent) {
                rowsRead++;
                if (oversized >= 0) {
                    sink.reject(new RowReject(row, header.describe(oversized), null,
                            "A value is longer than " + CsvTokenizer.MAX_FIELD + " characters"));
                } else {
                    validator.validate(row, values, sink);
                }
            }
            Arrays.fill(values, null);
            oversized = -1;
        }
    }
}
