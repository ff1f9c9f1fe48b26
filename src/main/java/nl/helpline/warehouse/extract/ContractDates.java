package nl.helpline.warehouse.extract;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * The date formats the contract allows, parsed by hand: a row has up to three dates and the
 * reader must keep up with several hundred thousand rows a second, which DateTimeFormatter with
 * optional sections does not.
 *
 * <p>Days: {@code dd-MM-yyyy}, {@code d-M-yyyy}, {@code yyyy-MM-dd}. Timestamps: one of the
 * day forms, then {@code 'T'} (ISO form only) or a space, then {@code H:mm}, optionally
 * {@code :ss} and a fraction of a second.
 */
final class ContractDates {

    private ContractDates() {
    }

    /** The day, or null when the text is not a valid date in a contract format. */
    static LocalDate day(String text) {
        Cursor c = new Cursor(text);
        LocalDate day = c.day();
        return c.atEnd() ? day : null;
    }

    /** The timestamp, or null when the text is not a valid timestamp in a contract format. */
    static LocalDateTime timestamp(String text) {
        Cursor c = new Cursor(text);
        LocalDate day = c.day();
        if (day == null) {
            return null;
        }
        if (c.peek() == 'T' && c.isoDay) {
            c.pos++;
        } else if (c.peek() == ' ') {
            while (c.peek() == ' ') {
                c.pos++;
            }
        } else {
            return null;
        }
        int hour = c.number(1, 2);
        if (hour < 0 || !c.skip(':')) {
            return null;
        }
        int minute = c.number(2, 2);
        int second = 0;
        int nanos = 0;
        if (minute >= 0 && c.skip(':')) {
            second = c.number(2, 2);
            if (second >= 0 && c.skip('.')) {
                int start = c.pos;
                int fraction = c.number(1, 9);
                nanos = fraction < 0 ? -1 : fraction * (int) Math.pow(10, 9 - (c.pos - start));
            }
        }
        if (minute < 0 || second < 0 || nanos < 0 || !c.atEnd()) {
            return null;
        }
        try {
            return LocalDateTime.of(day.getYear(), day.getMonth(), day.getDayOfMonth(), hour, minute, second, nanos);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static final class Cursor {
        private final String text;
        private int pos;
        private boolean isoDay;

        Cursor(String text) {
            this.text = text;
        }

        LocalDate day() {
            int start = pos;
            int first = number(1, 4);
            int firstLength = pos - start;
            if (first < 0 || !skip('-')) {
                return null;
            }
            start = pos;
            int second = number(1, 2);
            int secondLength = pos - start;
            if (second < 0 || !skip('-')) {
                return null;
            }
            start = pos;
            int third = number(1, 4);
            int thirdLength = pos - start;
            if (third < 0) {
                return null;
            }
            try {
                if (firstLength == 4 && secondLength == 2 && thirdLength == 2) {
                    isoDay = true;
                    return LocalDate.of(first, second, third);
                }
                if (firstLength <= 2 && thirdLength == 4) {
                    return LocalDate.of(third, second, first);
                }
            } catch (DateTimeException e) {
                return null;
            }
            return null;
        }

        /** Reads min..max digits; -1 when there are fewer than min. */
        int number(int min, int max) {
            int value = 0;
            int start = pos;
            while (pos < text.length() && pos - start < max) {
                char ch = text.charAt(pos);
                if (ch < '0' || ch > '9') {
                    break;
                }
                value = value * 10 + (ch - '0');
                pos++;
            }
            return pos - start < min ? -1 : value;
        }

        boolean skip(char expected) {
            if (peek() == expected) {
                pos++;
                return true;
            }
            return false;
        }

        char peek() {
            return pos < text.length() ? text.charAt(pos) : '\0';
        }

        boolean atEnd() {
            return pos == text.length();
        }
    }
}
