package nl.helpline.warehouse.schedule;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;

import nl.helpline.warehouse.report.Period;

/**
 * Which reports a night writes. Every night: the current half-year and the current year, so the
 * outbox always holds this period's figures so far. Once a half-year or a year has ended and its
 * grace period has passed (late registrations are in), it is written one final time — on the
 * first night after the grace period that finds no such final version yet, so a missed night
 * catches up.
 */
public final class DueReports {

    private DueReports() {
    }

    public record Due(String definition, Period period, boolean finalVersion) {
    }

    /**
     * @param night         the night of the run (the date the run belongs to)
     * @param finalWritten  whether (definition, period) was already written after its grace period ended
     */
    public static List<Due> on(LocalDate night, int graceDays, List<String> definitions,
                               BiPredicate<String, Period> finalWritten) {
        List<Due> due = new ArrayList<>();
        Period half = Period.parse(night.getYear() + "-H" + (night.getMonthValue() <= 6 ? 1 : 2));
        Period year = Period.parse(String.valueOf(night.getYear()));
        Period previousHalf = night.getMonthValue() <= 6
                ? Period.parse((night.getYear() - 1) + "-H2") : Period.parse(night.getYear() + "-H1");
        Period previousYear = Period.parse(String.valueOf(night.getYear() - 1));
        for (String definition : definitions) {
            due.add(new Due(definition, half, false));
            due.add(new Due(definition, year, false));
            for (Period closed : List.of(previousHalf, previousYear)) {
                LocalDate graceOver = closed.end().plusDays(graceDays);
                if (night.isAfter(graceOver) && !finalWritten.test(definition, closed)) {
                    due.add(new Due(definition, closed, true));
                }
            }
        }
        return due;
    }
}
