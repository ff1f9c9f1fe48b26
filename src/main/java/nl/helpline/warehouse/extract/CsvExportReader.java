package nl.helpline.warehouse.extract;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Reads one CSV export: encoding, delimiter, header, then each record through the validator. */
final class CsvExportReader {

    private static final int BUFFER = 64 * 1024;

    private final ValueMapping mapping;

    CsvExportReader(ValueMapping mapping) {
        this.mapping = mapping;
    }

    ReadResult read(Path file, RowSink sink) throws FileRejectedException, IOException {
        String name = file.getFileName().toString();
        Charset charset = CsvEncoding.detect(file);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), BUFFER)) {
            skipUtf8Bom(in);
            CsvTokenizer csv = new CsvTokenizer(new InputStreamReader(in, charset), BUFFER);
            csv.detectDelimiter();

            List<String> names = new ArrayList<>();
            if (!csv.next(new AllFields(names))) {
                throw new FileRejectedException(name + ": the file is empty; an export has at least a header row");
            }
            if (csv.unclosedQuotePosition() >= 0) {
                throw new FileRejectedException(name + ": the header row has a quote that is never closed");
            }
            Header header = Header.match(name, names);

            RowValidator validator = new RowValidator(mapping);
            RowFields fields = new RowFields(header);
            long rows = 0;
            while (csv.next(fields)) {
                if (csv.lastContentPosition() >= 0 || csv.unclosedQuotePosition() >= 0) {
                    rows++;
                    check(csv, header, names, fields.values, validator, sink);
                }
                fields.clear();
            }
            return new ReadResult(rows, header.ignored(), charset.name());
        }
    }

    /**
     * Record-level problems first (they make the values meaningless), then the values. Fewer
     * fields than the header are fine: Excel drops trailing empty delimiters on some rows.
     */
    private static void check(CsvTokenizer csv, Header header, List<String> names, String[] values,
                              RowValidator validator, RowSink sink) {
        long line = csv.recordLine();
        int unclosed = csv.unclosedQuotePosition();
        if (unclosed >= 0) {
            sink.reject(new RowReject(line, columnName(header, names, unclosed), null, "A quoted value that starts on line "
                    + line + " is never closed; the rest of the file was read as part of this record"));
        } else if (csv.lastContentPosition() >= header.width()) {
            sink.reject(new RowReject(line, null, null, "The record has " + csv.fieldCount()
                    + " values where the header has " + header.width() + " columns; its values may be shifted"));
        } else if (csv.oversizedPosition() >= 0) {
            sink.reject(new RowReject(line, columnName(header, names, csv.oversizedPosition()), null,
                    "A value is longer than " + CsvTokenizer.MAX_FIELD + " characters"));
        } else {
            validator.validate(line, values, sink);
        }
    }

    /** The contract's spelling for a contract column, else the header as written; null past the header. */
    private static String columnName(Header header, List<String> names, int position) {
        ExportColumn column = header.column(position);
        if (column != null) {
            return column.header();
        }
        String name = position < names.size() ? Text.blankToNull(names.get(position)) : null;
        return name == null ? null : Text.quote(name);
    }

    private static void skipUtf8Bom(InputStream in) throws IOException {
        in.mark(3);
        byte[] head = in.readNBytes(3);
        if (!(head.length == 3 && head[0] == (byte) 0xEF && head[1] == (byte) 0xBB && head[2] == (byte) 0xBF)) {
            in.reset();
        }
    }

    /** Collects every field: for the header row. */
    private record AllFields(List<String> names) implements CsvTokenizer.Fields {
        @Override
        public boolean wants(int position) {
            return true;
        }

        @Override
        public void field(int position, String value) {
            names.add(value);
        }
    }

    /** Puts each contract column's value in its slot; personal and unknown columns are not wanted. */
    private static final class RowFields implements CsvTokenizer.Fields {
        private final Header header;
        private final String[] values = new String[ExportColumn.all().size()];

        RowFields(Header header) {
            this.header = header;
        }

        @Override
        public boolean wants(int position) {
            return header.slot(position) >= 0;
        }

        @Override
        public void field(int position, String value) {
            values[header.slot(position)] = value;
        }

        void clear() {
            Arrays.fill(values, null);
        }
    }
}
