package nl.helpline.warehouse.report;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reporting period: requests received from {@code start} to {@code end}, both inclusive.
 * Written as {@code 2024-H1}, {@code 2024-Q2}, {@code 2024}, or {@code 2024-01-01..2024-03-31}.
 */
public record Period(String label, LocalDate start, LocalDate end) {

    private static final Pattern YEAR = Pattern.compile("(\\d{4})");
    private static final Pattern HALF = Pattern.compile("(\\d{4})-H([12])");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    private static final Pattern RANGE = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})\\.\\.(\\d{4}-\\d{2}-\\d{2})");

    public Period {
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("Period " + label + " ends before it starts");
        }
    }

    public static Period parse(String text) {
        String t = text.trim().toUpperCase(java.util.Locale.ROOT);
        Matcher m;
        if ((m = YEAR.matcher(t)).matches()) {
            int year = Integer.parseInt(m.group(1));
            return new Period(t, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
        }
        if ((m = HALF.matcher(t)).matches()) {
            int year = Integer.parseInt(m.group(1));
            int half = Integer.parseInt(m.group(2));
            LocalDate start = LocalDate.of(year, half == 1 ? 1 : 7, 1);
            return new Period(t, start, start.plusMonths(6).minusDays(1));
        }
        if ((m = QUARTER.matcher(t)).matches()) {
            int year = Integer.parseInt(m.group(1));
            int quarter = Integer.parseInt(m.group(2));
            LocalDate start = LocalDate.of(year, (quarter - 1) * 3 + 1, 1);
            return new Period(t, start, start.plusMonths(3).minusDays(1));
        }
        if ((m = RANGE.matcher(t)).matches()) {
            try {
                LocalDate start = LocalDate.parse(m.group(1));
                LocalDate end = LocalDate.parse(m.group(2));
                return new Period(start + ".." + end, start, end);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("Not a valid date in period '" + text + "'");
            }
        }
        throw new IllegalArgumentException("A period is written 2024-H1, 2024-Q2, 2024 or 2024-01-01..2024-03-31, not '" + text + "'");
    }

    public boolean contains(Period other) {
        return !other.start.isBefore(start) && !other.end.isAfter(end);
    }

    public boolean overlaps(Period other) {
        return !other.end.isBefore(start) && !other.start.isAfter(end);
    }

    /**
     * The calendar periods around this one that a refused report could be published for instead,
     * finest first: a quarter's half-year and year, a half-year's year, a free range's enclosing
     * quarter, half-year or year (only those that contain it).
     */
    public java.util.List<Period> coarser() {
        java.util.List<Period> periods = new java.util.ArrayList<>();
        int year = start.getYear();
        if (end.getYear() != year) {
            return periods;
        }
        for (String label : java.util.List.of(year + "-Q" + ((start.getMonthValue() - 1) / 3 + 1),
                year + "-H" + (start.getMonthValue() <= 6 ? 1 : 2), Integer.toString(year))) {
            Period p = parse(label);
            if (p.contains(this) && !(p.start.equals(start) && p.end.equals(end))
                    && (periods.isEmpty() || !periods.get(periods.size() - 1).equals(p))) {
                periods.add(p);
            }
        }
        return periods;
    }

    /** For file names: {@code 2024-H1}, or {@code 2024-01-01_2024-03-31} for a free range. */
    public String fileLabel() {
        return label.replace("..", "_");
    }
}
