package nl.helpline.warehouse.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import nl.helpline.warehouse.disclosure.CellStatus;

/** How a report's tables become a disclosure problem, on cases small enough to reason about by hand. */
class ReportProtectionTest {

    private static final String DEFINITION = """
            name: small
            title: {nl: Klein, en: Small}
            threshold: 5
            tables:
              - {id: total, dimension: total}
              - {id: follow_up, dimension: follow_up, sums_to: total}
              - {id: additional_support, dimension: additional_support, where: {follow_up: ADDITIONAL}, sums_to: follow_up.ADDITIONAL}
            """;

    @Test
    void zerosAreHiddenTooWhenPublishedZerosWouldPinDownASmallCount() {
        // ADDITIONAL = 3 = FORSA 2 + FAMILY 1 (+ LIV 0 + MENTAL_HEALTH 0). With the zeros published, a reader
        // sees two "< 5" parts and knows ADDITIONAL >= 2: no pattern can protect it. Hiding the zeros can.
        ReportDefinition definition = ReportDefinition.parse(new ByteArrayInputStream(DEFINITION.getBytes(StandardCharsets.UTF_8)), "test");
        Map<String, PeriodCounts.TableCounts> counts = counts(definition, Map.of(
                "total", List.of(count("TOTAL", 40)),
                "follow_up", List.of(count("CONSULTATION", 37), count("ADDITIONAL", 3)),
                "additional_support", List.of(count("FORSA", 2), count("FAMILY", 1), count("LIV", 0), count("MENTAL_HEALTH", 0))));

        ProtectedReport report = ReportProtection.protect(definition, Period.parse("2024-Q1"), counts);

        assertThat(report.zerosHidden()).isTrue();
        assertThat(report.audit().passed()).isTrue();
        assertThat(status(report, "additional_support", "LIV")).isEqualTo(CellStatus.PRIMARY);
        assertThat(status(report, "follow_up", "ADDITIONAL")).isEqualTo(CellStatus.PRIMARY);
        assertThat(status(report, "total", "TOTAL")).isEqualTo(CellStatus.PUBLISHED);
        assertThat(status(report, "follow_up", "CONSULTATION")).as("else ADDITIONAL = total - CONSULTATION").isEqualTo(CellStatus.SECONDARY);
    }

    @Test
    void aMultiValuedTableIsOnlyLinkedWhenItsCountsAddUp() {
        ReportDefinition definition = ReportDefinition.parse(new ByteArrayInputStream(DEFINITION.getBytes(StandardCharsets.UTF_8)), "test");
        Map<String, PeriodCounts.TableCounts> counts = counts(definition, Map.of(
                "total", List.of(count("TOTAL", 40)),
                "follow_up", List.of(count("CONSULTATION", 20), count("ADDITIONAL", 20)),
                // 26 > 20: some requests had two kinds of support, so the table says nothing exact about ADDITIONAL.
                "additional_support", List.of(count("FORSA", 10), count("FAMILY", 9), count("LIV", 5), count("MENTAL_HEALTH", 2))));

        ProtectedReport report = ReportProtection.protect(definition, Period.parse("2024-Q1"), counts);

        ProtectedReport.Table support = report.tables().stream().filter(t -> t.definition().id().equals("additional_support")).findFirst().orElseThrow();
        assertThat(support.additive()).isFalse();
        assertThat(status(report, "additional_support", "MENTAL_HEALTH")).isEqualTo(CellStatus.PRIMARY);
        // Not additive: nothing can be subtracted to find MENTAL_HEALTH, so no secondary cell is needed.
        assertThat(report.informationLoss().secondaryCells()).isZero();
        assertThat(support.rows().get(0).percent()).isEqualTo(50.0);   // 10 of the 20 requests with additional support
    }

    @Test
    void aReportTheEngineCannotFinishInTimeIsRefusedNotPublishedUnproven() throws Exception {
        ReportDefinition definition = ReportDefinition.parse(new ByteArrayInputStream(DEFINITION.getBytes(StandardCharsets.UTF_8)), "test");
        Map<String, PeriodCounts.TableCounts> counts = counts(definition, Map.of(
                "total", List.of(count("TOTAL", 40)),
                "follow_up", List.of(count("CONSULTATION", 37), count("ADDITIONAL", 3)),
                "additional_support", List.of(count("FORSA", 2), count("FAMILY", 1), count("LIV", 0), count("MENTAL_HEALTH", 0))));
        System.setProperty("warehouse.protection.seconds", "0");
        try {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> ReportProtection.protect(definition, Period.parse("2024-Q1"), counts))
                    .isInstanceOf(ReportProtection.TimedOut.class).hasMessageContaining("did not finish within 0 s");
        } finally {
            System.clearProperty("warehouse.protection.seconds");
        }
        // The engine's thread stops at its next check: the same report is protected when time allows.
        assertThat(ReportProtection.protect(definition, Period.parse("2024-Q1"), counts).audit().passed()).isTrue();
    }

    private static CellStatus status(ProtectedReport report, String table, String category) {
        return report.tables().stream().filter(t -> t.definition().id().equals(table)).findFirst().orElseThrow()
                .rows().stream().filter(r -> r.category().equals(category)).findFirst().orElseThrow().status();
    }

    private static PeriodCounts.Count count(String category, long n) {
        return new PeriodCounts.Count(category, category, category, n);
    }

    private static Map<String, PeriodCounts.TableCounts> counts(ReportDefinition definition, Map<String, List<PeriodCounts.Count>> byTable) {
        Map<String, PeriodCounts.TableCounts> result = new LinkedHashMap<>();
        for (ReportDefinition.TableDefinition table : definition.tables()) {
            List<PeriodCounts.Count> counts = new ArrayList<>(byTable.get(table.id()));
            long base = table.id().equals("additional_support")
                    ? byTable.get("follow_up").stream().filter(c -> c.category().equals("ADDITIONAL")).findFirst().orElseThrow().count()
                    : byTable.get("total").get(0).count();
            result.put(table.id(), new PeriodCounts.TableCounts(table, counts, base));
        }
        return result;
    }
}
