package nl.helpline.warehouse.generate;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * How a CSV export is spelled: the contract allows {@code ;} or {@code ,}, UTF-8 with or without
 * BOM or Windows-1252, and CRLF or LF.
 *
 * @param delimiter     {@code ;} or {@code ,}
 * @param charset       UTF-8 or windows-1252
 * @param bom           write a UTF-8 byte order mark (UTF-8 only)
 * @param lineSeparator between records, {@code "\r\n"} or {@code "\n"}; line breaks inside
 *                      {@code Toelichting} vary on their own
 */
public record CsvDialect(char delimiter, Charset charset, boolean bom, String lineSeparator) {

    public static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /** What Dutch Excel writes when saving "CSV UTF-8": BOM, semicolons, CRLF. The default. */
    public static final CsvDialect EXCEL_NL = new CsvDialect(';', StandardCharsets.UTF_8, true, "\r\n");

    /** Older exports: Windows-1252, semicolons, CRLF. */
    public static final CsvDialect LEGACY_1252 = new CsvDialect(';', WINDOWS_1252, false, "\r\n");

    /** A plain tool's CSV: UTF-8 without BOM, commas, LF. */
    public static final CsvDialect COMMA_UTF8 = new CsvDialect(',', StandardCharsets.UTF_8, false, "\n");

    public CsvDialect {
        Objects.requireNonNull(charset, "charset");
        Objects.requireNonNull(lineSeparator, "lineSeparator");
        if (delimiter != ';' && delimiter != ',') {
            throw new IllegalArgumentException("the contract allows only ';' or ',' as delimiter, not '" + delimiter + "'");
        }
        if (!charset.equals(StandardCharsets.UTF_8) && !charset.equals(WINDOWS_1252)) {
            throw new IllegalArgumentException("the contract allows only UTF-8 or windows-1252, not " + charset);
        }
        if (bom && !charset.equals(StandardCharsets.UTF_8)) {
            throw new IllegalArgumentException("a byte order mark is only written for UTF-8");
        }
        if (!lineSeparator.equals("\r\n") && !lineSeparator.equals("\n")) {
            throw new IllegalArgumentException("line separator must be CRLF or LF");
        }
    }

    public CsvDialect withDelimiter(char newDelimiter) {
        return new CsvDialect(newDelimiter, charset, bom, lineSeparator);
    }

    /** Switching to Windows-1252 drops the BOM, which only UTF-8 has. */
    public CsvDialect withCharset(Charset newCharset) {
        return new CsvDialect(delimiter, newCharset, bom && newCharset.equals(StandardCharsets.UTF_8), lineSeparator);
    }

    public CsvDialect withBom(boolean newBom) {
        return new CsvDialect(delimiter, charset, newBom, lineSeparator);
    }

    public CsvDialect withLineSeparator(String newLineSeparator) {
        return new CsvDialect(delimiter, charset, bom, newLineSeparator);
    }
}
