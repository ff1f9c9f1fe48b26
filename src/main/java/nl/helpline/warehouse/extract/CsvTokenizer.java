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
 *
 * <p>Quoted fields are watched for quotes out of place: a quoted field that runs over line breaks
 * notes, per physical line inside it, how many delimiters the line holds. A line with as many
 * delimiters as a whole record (see {@link #recordDelimiters(int)}) is a record the quote has
 * swallowed; {@link #swallow()} reports the first such field of a record, and the first wanted
 * field (a code, date, number or request number) that holds a line break at all. Nothing of the
 * swallowed text is kept.
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
    private boolean tooManyFields;
    private int maxField = MAX_FIELD;

    /** A line inside a quoted field with at least this many delimiters looks like a whole record. */
    private int recordDelimiters = Integer.MAX_VALUE;
    /** Per quoted field: line breaks inside it, delimiters on its current line, record-like lines. */
    private int quotedBreaks;
    private long quotedLineDelimiters;
    private long openingLineDelimiters;
    private int quotedRecordLines;
    private Swallow swallow;
    private Swallow multiLine;

    /**
     * A quoted field of the last record that ran over line breaks where it should not have.
     *
     * @param position    the field's position in the record
     * @param openedLine  the physical line on which its opening quote stands
     * @param endLine     the line on which it ended (its closing quote, or the end of the file)
     * @param recordLines lines inside it that hold as many delimiters as a whole record
     * @param wanted      whether the field is one the receiver reads (never free text)
     * @param closed      false when the quote was never closed
     */
    record Swallow(int position, long openedLine, long endLine, int recordLines, boolean wanted, boolean closed) {
    }

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
     * From now on, a physical line inside a quoted field with at least this many delimiters counts
     * as a swallowed record. Set after the header: the position of its last named column.
     */
    void recordDelimiters(int delimiters) {
        this.recordDelimiters = Math.max(1, delimiters);
    }

    /**
     * Reads the next record, skipping empty physical lines before it.
     *
     * @return false when the input has no more records
     */
    boolean next(Fields out) throws IOException {
        return next(out, MAX_FIELD, Integer.MAX_VALUE);
    }

    /**
     * As {@link #next(Fields)}, with a bound on each wanted value and on the number of fields. A
     * record with more than {@code maxFields} fields stops being read at that field and is flagged
     * ({@link #tooManyFields()}); the tokenizer is then in the middle of it, which only the header
     * row, whose file is rejected for it, may use.
     */
    boolean next(Fields out, int maxFieldLength, int maxFields) throws IOException {
        maxField = maxFieldLength;
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
        tooManyFields = false;
        swallow = null;
        multiLine = null;
        int position = 0;
        int end;
        do {
            if (position >= maxFields) {
                tooManyFields = true;
                fieldCount = position;
                return true;
            }
            boolean wanted = out.wants(position);
            end = readField(position, wanted);
            if (wanted) {
                if (fieldTooLong) {
                    oversizedPosition = oversizedPosition < 0 ? position : oversizedPosition;
                } else {
                    out.field(position, new String(field, 0, fieldLength));
                }
            }
            // Saturates: a record of billions of delimiters must not wrap around to a negative position.
            position = position == Integer.MAX_VALUE ? position : position + 1;
        } while (end == END_OF_FIELD);
        fieldCount = position;
        return true;
    }

    /** Whether the last record had more fields than {@link #next(Fields, int, int)} allowed. */
    boolean tooManyFields() {
        return tooManyFields;
    }

    /**
     * The first quoted field of the last record that swallowed record-like lines, else the first
     * wanted quoted field that held a line break; null when there was neither.
     */
    Swallow swallow() {
        return swallow;
    }

    /** The first quoted field of the last record that held a line break (legitimate in a note); null if none. */
    Swallow multiLine() {
        return multiLine;
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

    /** Position of the first wanted field longer than its bound ({@link #MAX_FIELD}); -1 if none. */
    int oversizedPosition() {
        return oversizedPosition;
    }

    private int readField(int position, boolean wanted) throws IOException {
        fieldLength = 0;
        fieldTooLong = false;
        if (peek() == '"') {
            pos++;
            long openedLine = line;
            quotedBreaks = 0;
            quotedLineDelimiters = 0;
            openingLineDelimiters = 0;
            quotedRecordLines = 0;
            boolean closed = readQuoted(position, wanted);
            if (quotedBreaks > 0 && quotedLineDelimiters >= recordDelimiters && quotedRecordLines < Integer.MAX_VALUE) {
                // The last line inside the quotes: up to the closing quote, or to the end of the file.
                // A record whose own note holds the closing quote reaches it over all its delimiters.
                quotedRecordLines++;
            } else if (quotedBreaks == 1 && openingLineDelimiters + quotedLineDelimiters >= recordDelimiters) {
                // Quote opened and closed in the same column of two consecutive records: the opening
                // record's tail and the next record's head make one whole record between them.
                quotedRecordLines++;
            }
            noteSwallow(position, wanted, openedLine, closed);
            if (!closed) {
                unclosedQuotePosition = position;
                return END_OF_INPUT;
            }
            // Anything between the closing quote and the delimiter is kept, as spreadsheets do.
        }
        return readUnquoted(position, wanted);
    }

    private void noteSwallow(int position, boolean wanted, long openedLine, boolean closed) {
        if (quotedBreaks > 0 && multiLine == null) {
            multiLine = new Swallow(position, openedLine, line, quotedRecordLines, wanted, closed);
        }
        boolean swallowedRecords = quotedRecordLines > 0;
        boolean brokenValue = wanted && quotedBreaks > 0;
        if (!swallowedRecords && !brokenValue) {
            return;
        }
        // Record-like lines are the stronger evidence: they replace an earlier line-broken value.
        if (swallow == null || (swallowedRecords && swallow.recordLines() == 0)) {
            swallow = new Swallow(position, openedLine, line, quotedRecordLines, wanted, closed);
        }
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
        char d = delimiter;
        while (pos < limit || fill(false)) {
            char[] b = buf;
            int start = pos;
            int end = start;
            int delimiters = 0;
            while (end < limit) {
                char ch = b[end];
                if (ch == '"' || ch == '\n' || ch == '\r') {
                    break;
                }
                if (ch == d) {
                    delimiters++;
                }
                end++;
            }
            quotedLineDelimiters += delimiters;
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
                // A whole line inside the quotes (not the one the quote opened on) that has as
                // many delimiters as a record is most likely a record.
                if (quotedBreaks > 0 && quotedLineDelimiters >= recordDelimiters && quotedRecordLines < Integer.MAX_VALUE) {
                    quotedRecordLines++;
                } else if (quotedBreaks == 0) {
                    openingLineDelimiters = quotedLineDelimiters;
                }
                quotedBreaks = quotedBreaks == Integer.MAX_VALUE ? quotedBreaks : quotedBreaks + 1;
                quotedLineDelimiters = 0;
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
        if (fieldLength + length > maxField) {
            fieldTooLong = true;
            return;
        }
        if (fieldLength + length > field.length) {
            field = Arrays.copyOf(field, Math.min(maxField, Math.max(field.length * 2, fieldLength + length)));
        }
        System.arraycopy(chars, from, field, fieldLength, length);
        fieldLength += length;
    }

    private void append(boolean wanted, char c) {
        if (!wanted || fieldTooLong) {
            return;
        }
        if (fieldLength >= maxField) {
            fieldTooLong = true;
            return;
        }
        if (fieldLength == field.length) {
            field = Arrays.copyOf(field, Math.max(fieldLength + 1, Math.min(maxField, fieldLength * 2)));
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
