package nl.helpline.warehouse.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ContractDatesTest {

    @Test
    void daysInEveryContractForm() {
        LocalDate expected = LocalDate.of(2024, 2, 5);
        assertThat(ContractDates.day("05-02-2024")).isEqualTo(expected);
        assertThat(ContractDates.day("5-2-2024")).isEqualTo(expected);
        assertThat(ContractDates.day("2024-02-05")).isEqualTo(expected);
        assertThat(ContractDates.day("29-02-2024")).isEqualTo(LocalDate.of(2024, 2, 29));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "2024", "05/02/2024", "30-02-2024", "29-02-2023", "5-2-24", "2024-2-5",
            "05-02-2024x", "05-13-2024", "2024-02-05T10:00", "05-02-20245", "-05-02-2024", "05--02-2024"})
    void notADay(String text) {
        assertThat(ContractDates.day(text)).isNull();
    }

    @Test
    void timestampsInEveryContractForm() {
        LocalDateTime expected = LocalDateTime.of(2024, 2, 5, 9, 7);
        assertThat(ContractDates.timestamp("05-02-2024 09:07")).isEqualTo(expected);
        assertThat(ContractDates.timestamp("05-02-2024 09:07:00")).isEqualTo(expected);
        assertThat(ContractDates.timestamp("5-2-2024 9:07")).isEqualTo(expected);
        assertThat(ContractDates.timestamp("2024-02-05T09:07")).isEqualTo(expected);
        assertThat(ContractDates.timestamp("2024-02-05 09:07")).isEqualTo(expected);
        assertThat(ContractDates.timestamp("2024-02-05T09:07:33")).isEqualTo(expected.withSecond(33));
        assertThat(ContractDates.timestamp("2024-02-05T09:07:33.25")).isEqualTo(expected.withSecond(33).withNano(250_000_000));
    }

    @ParameterizedTest
    @ValueSource(strings = {"05-02-2024", "05-02-2024 9", "05-02-2024 25:00", "05-02-2024 10:60", "05-02-2024T10:00",
            "2024-02-05T10:00Z", "2024-02-05T10:00+01:00", "2024-02-05 10:00:61", "2024-02-05 10:0", "2024-02-05 10:00:"})
    void notATimestamp(String text) {
        assertThat(ContractDates.timestamp(text)).isNull();
    }
}
