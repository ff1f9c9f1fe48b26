package nl.helpline.warehouse.generate;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * One cell of a row. CSV writes {@code text}. XLSX writes {@code typed} (a {@link LocalDate},
 * {@link LocalDateTime} or {@link Integer}) as a real Excel date or number when
 * {@code excelNative} is set, and the text otherwise; for an empty text, {@code excelNative}
 * asks for an explicit empty string cell instead of no cell at all. Both are what real
 * workbooks contain, and the contract allows both.
 */
record Value(String text, Object typed, boolean excelNative) {

    static final Value BLANK = new Value("", null, false);

    static Value text(String text) {
        return new Value(text, null, false);
    }

    static Value typed(Object typed, String text, boolean excelNative) {
        return new Value(text, typed, excelNative);
    }
}
