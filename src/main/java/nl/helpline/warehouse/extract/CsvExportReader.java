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
        String name = Text.fileName(file.getFileName().toString());
        Charset charset = CsvEncoding.detect(file);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), BUFFER)) {
            skipUtf8Bom(in);
            CsvTokenizer csv = new CsvTokenizer(new InputStreamReader(in, charset), BUFFER);
            char delimiter = csv.detectDelimiter();

            Header header = readHeader(csv, name, delimiter);
            // From here on, a line inside a quoted value that reaches the last named column is a record.
            csv.recordDelimiters(header.lastNamedPosition());

            RowValidator validator = new RowValidator(mapping);
            RowFields fields = new RowFields(header);
            long rows = 0;
            while (csv.next(fields)) {
                if (csv.swallow() != null) {
                    throw swallowed(name, header, csv.swallow(), false);
                }
                if (csv.multiLine() != null && csv.lastContentPosition() >= header.width()) {
                    // The quote closed inside a later record, whose remaining values spilled past the header.
                    throw swallowed(name, header, csv.multiLine(), true);
                }
                if (csv.lastContentPosition() >= 0 || csv.unclosedQuotePosition() >= 0) {
                    rows++;
                    check(csv, header, fields.values, validator, sink);
                }
                fields.clear();
            }
            return new ReadResult(rows, header.ignored(), charset.name());
        }
    }

    /**
     * The header row, bounded: at most {@link Header#MAX_COLUMNS} columns and names of at most
     * {@link Header#MAX_NAME_LENGTH} characters are ever materialised, whatever the first line holds.
     */
    private static Header readHeader(CsvTokenizer csv, String name, char delimiter)
            throws IOException, FileRejectedException {
        List<String> names = new ArrayList<>();
        HeaderFields fields = new HeaderFields(names);
        if (!csv.next(fields, Header.MAX_NAME_LENGTH, Header.MAX_COLUMNS + 1)) {
            throw new FileRejectedException(name + ": the file is empty; an export has at least a header row");
        }
        if (csv.tooManyFields()) {
            throw new FileRejectedException(Header.tooWide(name));
        }
        if (csv.unclosedQuotePosition() >= 0) {
            throw new FileRejectedException(name + ": the header row has a quote that is never closed");
        }
        if (csv.oversizedPosition() >= 0) {
            throw new FileRejectedException(name + ": header column " + (csv.oversizedPosition() + 1) + " is longer than "
                    + Header.MAX_NAME_LENGTH + " characters; that is not a column name");
        }
        for (int position = 0; position < names.size(); position++) {
            String n = names.get(position);
            int lineBreak = n == null ? -1 : Math.max(n.indexOf('\n'), n.indexOf('\r'));
            if (lineBreak >= 0 && n.indexOf(delimiter, lineBreak) >= 0) {
                // A quote out of place in the header: the "name" runs into the next line and over its delimiters.
                throw new FileRejectedException(name + ": header column " + (position + 1) + " is a quoted name that runs"
                        + " over a line break and past a delimiter; a quote in the header is out of place");
            }
        }
        return Header.match(name, names);
    }

    /**
     * The file is rejected as a whole: a quote out of place has made one value of several lines,
     * and what it swallowed may be records. Rejecting the file loses nothing; reading on would
     * silently drop every swallowed record. The reason says where the quote opened and how far it
     * ran, never what it holds.
     */
    private static FileRejectedException swallowed(String name, Header header, CsvTokenizer.Swallow s, boolean spilled) {
        String column = header.describe(s.position());
        String where = name + ": line " + s.openedLine() + (column == null ? "" : ", column " + column) + ": ";
        String runs = s.closed()
                ? "a quoted value opens here and is closed only on line " + s.endLine()
                : "a quoted value opens here and is never closed (the file ends on line " + s.endLine() + ")";
        String evidence;
        if (spilled) {
            evidence = "; the record it ends in has more values than the header, so it swallowed what were records";
        } else if (s.recordLines() > 0) {
            evidence = "; " + s.recordLines() + (s.recordLines() == 1 ? " line" : " lines") + " inside it"
                    + (s.recordLines() == 1 ? " has" : " have") + " as many delimiters as a whole record,"
                    + " so it swallowed records";
        } else {
            evidence = "; a code, date, number or request number never spans lines, so the quote is out of place"
                    + " and the lines after it may be records";
        }
        return new FileRejectedException(where + runs + evidence + ". The file is not loaded, so that no row is lost:"
                + " correct the value at the source (a quote inside a value is written as two quotes) and deliver"
                + " the file again");
    }

    /**
     * Record-level problems first (they make the values meaningless), then the values. Fewer
     * fields than the header are fine: Excel drops trailing empty delimiters on some rows.
     */
    private static void check(CsvTokenizer csv, Header header, String[] values, RowValidator validator, RowSink sink) {
        long line = csv.recordLine();
        int unclosed = csv.unclosedQuotePosition();
        if (unclosed >= 0) {
            sink.reject(new RowReject(line, columnName(header, unclosed), null, "A quoted value that starts on line "
                    + line + " is never closed; the rest of the file was read as part of this record"));
        } else if (csv.lastContentPosition() >= header.width()) {
            sink.reject(new RowReject(line, null, null, "The record has " + csv.fieldCount()
                    + " values where the header has " + header.width() + " columns; its values may be shifted"));
        } else if (csv.oversizedPosition() >= 0) {
            sink.reject(new RowReject(line, columnName(header, csv.oversizedPosition()), null,
                    "A value is longer than " + CsvTokenizer.MAX_FIELD + " characters"));
        } else {
            validator.validate(line, values, sink);
        }
    }

    /** The contract's spelling for a contract column, else the header as written (or withheld); null past the header. */
    private static String columnName(Header header, int position) {
        return header.describe(position);
    }

    private static void skipUtf8Bom(InputStream in) throws IOException {
        in.mark(3);
        byte[] head = in.readNBytes(3);
        if (!(head.length == 3 && head[0] == (byte) 0xEF && head[1] == (byte) 0xBB && head[2] == (byte) 0xBF)) {
            in.reset();
        }
    }

    /** Collects every field of the header row by position (an oversized one stays null). */
    private record HeaderFields(List<String> names) implements CsvTokenizer.Fields {
        @Override
        public boolean wants(int position) {
            return true;
        }

        @Override
        public void field(int position, String value) {
            while (names.size() < position) {
                names.add(null);
            }
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
