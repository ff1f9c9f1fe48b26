package nl.helpline.warehouse.report.workbook;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * A period written out the way a reader says it: "eerste halfjaar 2024" / "first half of 2024",
 * "tweede kwartaal 2024", "2024", "maart 2024", or a range of days. Derived from the period's first and
 * last day, so every writer names a period alike whatever label the command line was given.
 */
public final class PeriodNames {

    private static final String[] ORDINALS_NL = {"eerste", "tweede", "derde", "vierde"};
    private static final String[] ORDINALS_EN = {"first", "second", "third", "fourth"};

    private PeriodNames() {
    }

    /** The period in words, lower case where the language allows it (for use inside a sentence or after a comma). */
    public static String name(LocalDate start, LocalDate end, Language lang) {
        boolean nl = lang == Language.NL;
        int year = start.getYear();
        boolean sameYear = end.getYear() == year;
        boolean startsMonth = start.getDayOfMonth() == 1;
        boolean endsMonth = end.getDayOfMonth() == end.lengthOfMonth();
        if (sameYear && startsMonth && endsMonth) {
            int first = start.getMonthValue();
            int months = end.getMonthValue() - first + 1;
            if (months == 12) {
                return Integer.toString(year);
            }
            if (months == 6 && (first == 1 || first == 7)) {
                int half = first == 1 ? 0 : 1;
                return nl ? ORDINALS_NL[half] + " halfjaar " + year : ORDINALS_EN[half] + " half of " + year;
            }
            if (months == 3 && (first - 1) % 3 == 0) {
                int quarter = (first - 1) / 3;
                return nl ? ORDINALS_NL[quarter] + " kwartaal " + year : ORDINALS_EN[quarter] + " quarter of " + year;
            }
            if (months == 1) {
                return DateTimeFormatter.ofPattern("MMMM uuuu", lang.locale()).format(start);
            }
        }
        DateTimeFormatter day = DateTimeFormatter.ofPattern("d MMMM uuuu", lang.locale());
        return day.format(start) + (nl ? " tot en met " : " to ") + day.format(end);
    }

    /** "in het eerste halfjaar 2024", "in 2024", "in maart 2024", "van 1 januari 2024 tot en met …" (English alike). */
    public static String inPeriod(LocalDate start, LocalDate end, Language lang) {
        boolean nl = lang == Language.NL;
        String name = name(start, end, lang);
        if (Character.isDigit(name.charAt(0)) && name.length() > 4) {
            return (nl ? "van " : "from ") + name;
        }
        if (name.contains("halfjaar") || name.contains("kwartaal")) {
            return "in het " + name;
        }
        if (name.contains(" half of ") || name.contains(" quarter of ")) {
            return "in the " + name;
        }
        return "in " + name;
    }

    /** {@link #name} with a capital first letter, to start a sentence or a heading. */
    public static String capitalised(LocalDate start, LocalDate end, Language lang) {
        String name = name(start, end, lang);
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    /** The first and last day in words: "1 januari 2024 tot en met 30 juni 2024". */
    public static String days(LocalDate start, LocalDate end, Language lang) {
        DateTimeFormatter day = DateTimeFormatter.ofPattern("d MMMM uuuu", lang.locale());
        return day.format(start) + (lang == Language.NL ? " tot en met " : " to ") + day.format(end);
    }
}
