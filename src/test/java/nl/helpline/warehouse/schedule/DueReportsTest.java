package nl.helpline.warehouse.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import nl.helpline.warehouse.report.Period;

/** The nightly report calendar. */
class DueReportsTest {

    private static final int GRACE = 30;

    private static List<String> due(LocalDate night, Set<String> finalWritten) {
        return DueReports.on(night, GRACE, List.of("helpline"), (d, p) -> finalWritten.contains(p.label()))
                .stream().map(d -> d.period().label() + (d.finalVersion() ? " final" : "")).toList();
    }

    @Test
    void midHalfYearTheCurrentHalfYearAndYear() {
        assertThat(due(LocalDate.of(2024, 4, 15), Set.of("2023-H2", "2023"))).containsExactly("2024-H1", "2024");
    }

    @Test
    void justAfterAHalfYearTheClosedOneWaitsForItsGracePeriod() {
        assertThat(due(LocalDate.of(2024, 7, 1), Set.of("2023"))).containsExactly("2024-H2", "2024");
        assertThat(due(LocalDate.of(2024, 7, 30), Set.of("2023"))).containsExactly("2024-H2", "2024");
    }

    @Test
    void afterTheGracePeriodTheClosedHalfYearIsWrittenOnceMore() {
        assertThat(due(LocalDate.of(2024, 7, 31), Set.of("2023"))).containsExactly("2024-H2", "2024", "2024-H1 final");
        // …and not again once that final version exists.
        assertThat(due(LocalDate.of(2024, 8, 1), Set.of("2023", "2024-H1"))).containsExactly("2024-H2", "2024");
    }

    @Test
    void aMissedNightIsCaughtUp() {
        assertThat(due(LocalDate.of(2024, 9, 20), Set.of("2023"))).contains("2024-H1 final");
    }

    @Test
    void atTheTurnOfTheYearTheClosedYearAndSecondHalfFollowAfterTheirGrace() {
        Set<String> written = new HashSet<>(Set.of("2024-H1"));
        assertThat(due(LocalDate.of(2025, 1, 2), written)).containsExactly("2025-H1", "2025");
        assertThat(due(LocalDate.of(2025, 1, 31), written)).containsExactly("2025-H1", "2025", "2024-H2 final", "2024 final");
    }

    @Test
    void everyDefinitionGetsItsOwnReports() {
        List<DueReports.Due> due = DueReports.on(LocalDate.of(2024, 4, 15), GRACE, List.of("helpline", "quarterly"), (d, p) -> true);
        assertThat(due).extracting(DueReports.Due::definition).containsExactly("helpline", "helpline", "quarterly", "quarterly");
        assertThat(due.get(0).period()).isEqualTo(Period.parse("2024-H1"));
    }
}
