package nl.helpline.warehouse.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** verify_on in jobs/schedule.yml: the nights that also check the whole warehouse. */
class VerifyCalendarTest {

    private static final LocalDate SUNDAY = LocalDate.of(2024, 12, 29);
    private static final LocalDate MONDAY = LocalDate.of(2024, 12, 30);

    @Test
    void theShippedScheduleVerifiesOnSundaysOnly() throws Exception {
        VerifyCalendar calendar = VerifyCalendar.load(Path.of("jobs"));
        assertThat(calendar.due(SUNDAY)).isTrue();
        assertThat(calendar.due(MONDAY)).as("not every night: its cost grows with the warehouse").isFalse();
    }

    @Test
    void daysAreEnglishNamesInAnyCaseOrDailyOrNone() {
        assertThat(VerifyCalendar.parse(List.of("sunday", "Wednesday")).days())
                .containsExactlyInAnyOrder(DayOfWeek.SUNDAY, DayOfWeek.WEDNESDAY);
        assertThat(VerifyCalendar.parse("daily").days()).hasSize(7);
        assertThat(VerifyCalendar.parse(List.of()).due(SUNDAY)).isFalse();
        assertThatThrownBy(() -> VerifyCalendar.parse(List.of("zondag")))
                .hasMessageContaining("'zondag' is not a day of the week");
    }
}
