package nl.helpline.warehouse.generate;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.CodingErrorAction;
import java.util.List;

/** CSV per RFC 4180: a field is quoted when it holds the delimiter, a quote or a line break. */
final class CsvRowWriter implements RowWriter {

    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final Writer out;
    private final CsvDialect dialect;

    CsvRowWriter(OutputStream stream, CsvDialect dialect) throws IOException {
        this.dialect = dialect;
        if (dialect.bom()) {
            stream.write(UTF8_BOM);
        }
        // Fail rather than write '?' for a character the charset lacks: that would be a silent lie.
        this.out = new BufferedWriter(new OutputStreamWriter(stream, dialect.charset().newEncoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)), 1 << 16);
    }

    @Override
    public void header(List<String> headers) throws IOException {
        for (int i = 0; i < headers.size(); i++) {
            if (i > 0) {
                out.write(dialect.delimiter());
            }
            field(headers.get(i));
        }
        out.write(dialect.lineSeparator());
    }

    @Override
    public void row(List<Value> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(dialect.delimiter());
            }
            field(cells.get(i).text());
        }
        out.write(dialect.lineSeparator());
    }

    private void field(String text) throws IOException {
        if (needsQuotes(text)) {
            out.write('"');
            out.write(text.replace("\"", "\"\""));
            out.write('"');
        } else {
            out.write(text);
        }
    }

    private boolean needsQuotes(String text) {
        char delimiter = dialect.delimiter();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == delimiter || c == '"' || c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
