package nl.helpline.warehouse.extract;

import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;

/**
 * Splits CSV text into records and fields per RFC 4180, reading through a fixed buffer so a file
 * of any size streams. Line endings CRLF, LF and lone CR all count as one physical line break,
 * inside quoted fields as well, so {@link #recordLine()} is the line an editor shows.
 *
 * <p>Only fields the receiver {@link Fields#wants(int) wants} are turned into strings; the others
 * are scanned past in the buffer. That is how personal-data columns never become values, and it
 * keeps a multi-megabyte free-text note from costing anything.
 */
final class CsvTokenizer {

    /** Receives the wanted fields of one record. */
    interface Fields {
        boolean wants(int position);

        void field(int position, String value);
    }

    /** A wanted value longer than this is not materialised; the record is flagged instead. */
    static final int MAX_FIELD = 64 * 1024;
    /** The header row must fit in this many characters for the delimiter to be detected. */
    private static final int MAX_HEADER = 1024 * 1024;

    private static final int END_OF_FIELD = 0;
    private static final int END_OF_RECORD = 1;
    private static final int END_OF_INPUT = 2;

    private final Reader in;
    private char[] buf;
    private int pos;
    private int limit;
    private boolean eof;

    private char delimiter = ';';
    private long line = 1;

    private char[] field = new char[128];
    private int fieldLength;
    private boolean fieldTooLong;

    private long recordLine;
    private int fieldCount;
    private int lastContentPosition;
    private int unclosedQuotePosition;
    private int oversizedPosition;

    CsvTokenizer(Reader in, int bufferSize) {
        this.in = in;
        this.buf = new char[bufferSize];
    }

    /**
     * Chooses ';' or ',' by which one occurs more often, outside quotes, in the first non-empty
     * line (the header); ';' on a tie. Consumes nothing.
     */
    char detectDelimiter() throws IOException {
        int semicolons = 0;
        int commas = 0;
        boolean quoted = false;
        boolean lineHasText = false;
        for (int i = pos; ; i++) {
            if (i == limit) {
                int offset = i - pos;
                if (!fill(true)) {
                    break;
                }
                i = pos + offset;
            }
            char c = buf[i];
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                if (lineHasText) {
                    break;
                }
            } else if (!quoted && c == ';') {
                semicolons++;
            } else if (!quoted && c == ',') {
                commas++;
            }
            lineHasText |= c != '\n' && c != '\r';
        }
        delimiter = commas > semicolons ? ',' : ';';
        return delimiter;
    }

    /**
     * Reads the next record, skipping empty physical lines before it.
     *
     * @return false when the input has no more records
     */
    boolean next(Fields out) throws IOException {
        int c;
        while ((c = peek()) == '\n' || c == '\r') {
            pos++;
            endOfLine(c);
        }
        if (c < 0) {
            return false;
        }
        recordLine = line;
        lastContentPosition = -1;
        unclosedQuotePosition = -1;
        oversizedPosition = -1;
        int position = 0;
        int end;
        do {
            boolean wanted = out.wants(position);
            end = readField(position, wanted);
            if (wanted) {
                if (fieldTooLong) {
                    oversizedPosition = oversizedPosition < 0 ? position : oversizedPosition;
                } else {
                    out.field(position, new String(field, 0, fieldLength));
                }
            }
            position++;
        } while (end == END_OF_FIELD);
        fieldCount = position;
        return true;
    }

    /** The physical line (1-based) on which the last record started. */
    long recordLine() {
        return recordLine;
    }

    /** Fields in the last record. */
    int fieldCount() {
        return fieldCount;
    }

    /** Position of the last field of the last record holding anything but white space; -1 if none. */
    int lastContentPosition() {
        return lastContentPosition;
    }

    /** Position of the field whose opening quote was never closed before the input ended; -1 if none. */
    int unclosedQuotePosition() {
        return unclosedQuotePosition;
    }

    /** Position of the first wanted field longer than {@link #MAX_FIELD}; -1 if none. */
    int oversizedPosition() {
        return oversizedPosition;
    }

    private int readField(int position, boolean wanted) throws IOException {
        fieldLength = 0;
        fieldTooLong = false;
        if (peek() == '"') {
            pos++;
            if (!readQuoted(position, wanted)) {
                unclosedQuotePosition = position;
                return END_OF_INPUT;
            }
            // Anything between the closing quote and the delimiter is kept, as spreadsheets do.
        }
        return readUnquoted(position, wanted);
    }

    /*
     * Both scanners look for the next special character in the buffer and copy the run before it
     * at once; going through the input one character per call was half of all CSV reading time.
     */

    /** Up to the delimiter or line end, which is consumed. */
    private int readUnquoted(int position, boolean wanted) throws IOException {
        while (pos < limit || fill(false)) {
            char[] b = buf;
            int start = pos;
            int end = start;
            while (end < limit) {
                char ch = b[end];
                if (ch == delimiter || ch == '\n' || ch == '\r') {
                    break;
                }
                end++;
            }
            take(position, wanted, b, start, end);
            pos = end;
            if (end < limit) {
                char ch = b[pos++];
                if (ch == delimiter) {
                    return END_OF_FIELD;
                }
                endOfLine(ch);
                return END_OF_RECORD;
            }
        }
        return END_OF_INPUT;
    }

    /** Up to and including the closing quote; false when the input ends first. */
    private boolean readQuoted(int position, boolean wanted) throws IOException {
        while (pos < limit || fill(false)) {
            char[] b = buf;
            int start = pos;
            int end = start;
            while (end < limit) {
                char ch = b[end];
                if (ch == '"' || ch == '\n' || ch == '\r') {
                    break;
                }
                end++;
            }
            take(position, wanted, b, start, end);
            pos = end;
            if (end == limit) {
                continue;
            }
            char ch = b[pos++];
            if (ch == '"') {
                if (peek() != '"') {
                    return true;
                }
                pos++;
                lastContentPosition = position;
                append(wanted, '"');
            } else {
                if (ch == '\r' && peek() == '\n') {
                    pos++;
                    append(wanted, '\r');
                    ch = '\n';
                }
                line++;
                append(wanted, ch);
            }
        }
        return false;
    }

    /** Takes chars[from, to) into the field: notes whether it has content and copies it when wanted. */
    private void take(int position, boolean wanted, char[] chars, int from, int to) {
        for (int i = from; i < to && lastContentPosition < position; i++) {
            if (!Text.isSpace(chars[i])) {
                lastContentPosition = position;
            }
        }
        int length = to - from;
        if (!wanted || fieldTooLong || length == 0) {
            return;
        }
        if (fieldLength + length > field.length) {
            if (fieldLength + length > MAX_FIELD) {
                fieldTooLong = true;
                return;
            }
            field = Arrays.copyOf(field, Math.min(MAX_FIELD, Math.max(field.length * 2, fieldLength + length)));
        }
        System.arraycopy(chars, from, field, fieldLength, length);
        fieldLength += length;
    }

    private void append(boolean wanted, char c) {
        if (!wanted || fieldTooLong) {
            return;
        }
        if (fieldLength == field.length) {
            if (fieldLength >= MAX_FIELD) {
                fieldTooLong = true;
                return;
            }
            field = Arrays.copyOf(field, Math.min(MAX_FIELD, fieldLength * 2));
        }
        field[fieldLength++] = c;
    }

    /** Counts a line break whose first character has been consumed (CR LF counts once). */
    private void endOfLine(int c) throws IOException {
        if (c == '\r' && peek() == '\n') {
            pos++;
        }
        line++;
    }

    private int peek() throws IOException {
        if (pos == limit && !fill(false)) {
            return -1;
        }
        return buf[pos];
    }

    /**
     * Reads more input after what is buffered. Unconsumed characters move to the front; when
     * {@code grow} is set (delimiter detection, which must not consume) the buffer grows if full.
     *
     * @return false at end of input or when the buffer cannot take more
     */
    private boolean fill(boolean grow) throws IOException {
        if (eof) {
            return false;
        }
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            limit -= pos;
            pos = 0;
        }
        if (limit == buf.length) {
            if (!grow || buf.length >= MAX_HEADER) {
                return false;
            }
            buf = Arrays.copyOf(buf, Math.min(MAX_HEADER, buf.length * 2));
        }
        int n = in.read(buf, limit, buf.length - limit);
        if (n < 0) {
            eof = true;
            return false;
        }
        limit += n;
        return true;
    }
}
