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
 */
final class XlsxExportReader {

    private final ValueMapping mapping;

    XlsxExportReader(ValueMapping mapping) {
        this.mapping = mapping;
    }

    ReadResult read(Path file, RowSink sink) throws FileRejectedException, IOException {
        String name = file.getFileName().toString();
        try (XlsxWorkbook workbook = XlsxWorkbook.open(file)) {
            HeaderRow headerRow = readHeader(workbook, name);
            Header header = Header.match(name, headerRow.names());
            SharedStringSubset strings = workbook.hasSharedStrings()
                    ? workbook.sharedStrings(usedSharedStrings(workbook, header))
                    : null;
            RowEmitter rows = new RowEmitter(workbook, header, headerRow.row(), strings, new RowValidator(mapping), sink);
            try (InputStream sheet = workbook.sheet()) {
                SheetParser.parse(sheet, rows);
            }
            return new ReadResult(rows.rowsRead, header.ignored(), "xlsx");
        } catch (SAXException e) {
            throw new FileRejectedException(name + ": the workbook's XML cannot be read", e);
        }
    }

    private record RawCell(SheetParser.Kind kind, String text, int style) {
    }

    private record HeaderRow(int row, List<String> names) {
    }

    /** Pass 1: the first row with content, its cells as text. */
    private static HeaderRow readHeader(XlsxWorkbook workbook, String name)
            throws IOException, SAXException, FileRejectedException {
        List<RawCell> cells = new ArrayList<>();
        int[] headerRow = {0};
        try (InputStream sheet = workbook.sheet()) {
            SheetParser.parse(sheet, new SheetParser.Cells() {
                @Override
                public boolean wants(int column) {
                    return true;
                }

                @Override
                public void cell(int column, SheetParser.Kind kind, String text, int style) {
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
                }
            });
        }
        if (headerRow[0] == 0) {
            throw new FileRejectedException(name + ": the first sheet is empty; an export has at least a header row");
        }
        BitSet used = new BitSet();
        cells.stream().filter(c -> c != null && c.kind() == SheetParser.Kind.SHARED_STRING)
                .forEach(c -> used.set(XlsxWorkbook.sharedIndex(c.text())));
        SharedStringSubset strings = used.isEmpty() ? null : workbook.sharedStrings(used);
        List<String> names = cells.stream()
                .map(c -> c == null ? null : workbook.text(c.kind(), c.text(), c.style(), strings, null))
                .toList();
        return new HeaderRow(headerRow[0], names);
    }

    /**
     * Pass 2: the shared-string entries that cells of read columns refer to (the header's own
     * entries included: they are column names, and leaving them out would cost a row check per cell).
     */
    private static BitSet usedSharedStrings(XlsxWorkbook workbook, Header header) throws IOException, SAXException {
        BitSet used = new BitSet();
        try (InputStream sheet = workbook.sheet()) {
            SheetParser.parse(sheet, new SheetParser.Cells() {
                @Override
                public boolean wants(int column) {
                    return header.slot(column) >= 0;
                }

                @Override
                public void cell(int column, SheetParser.Kind kind, String text, int style) {
                    if (kind == SheetParser.Kind.SHARED_STRING) {
                        used.set(XlsxWorkbook.sharedIndex(text));
                    }
                }

                @Override
                public void endRow(int row, boolean hasContent) {
                    // rows do not matter here
                }
            });
        }
        return used;
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
        public void cell(int column, SheetParser.Kind kind, String text, int style) {
            ExportColumn target = header.column(column);
            values[target.ordinal()] = workbook.text(kind, text, style, strings, target);
        }

        @Override
        public void endRow(int row, boolean hasContent) {
            if (row > headerRow && hasContent) {
                rowsRead++;
                validator.validate(row, values, sink);
            }
            Arrays.fill(values, null);
        }
    }
}
