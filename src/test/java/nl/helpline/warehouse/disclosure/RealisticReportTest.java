package nl.helpline.warehouse.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The infographic-shaped report and the year after it: protected, audited, optimal, repeatable. */
class RealisticReportTest {

    @Test
    void halfYearReport() {
        DisclosureProblem p = InfographicReport.h1();
        SecondarySuppression.Result r = SecondarySuppression.search(p, SecondarySuppression.DEFAULT_NODE_BUDGET);
        SuppressionPattern pattern = r.pattern();
        AuditReport audit = DisclosureAudit.audit(p, pattern).requirePassed();
        System.out.printf("H1 report: %s; %d evaluations, %d solver calls, %.1f ms (cold)%n", pattern.loss(),
                r.evaluations(), r.solverCalls(), r.nanos() / 1e6);
        System.out.println("  secondary: " + pattern.cellsWith(CellStatus.SECONDARY));
        assertThat(pattern.provenOptimal()).isTrue();
        assertThat(pattern.status("total")).isEqualTo(CellStatus.PUBLISHED);
        assertThat(pattern.cellsWith(CellStatus.PRIMARY)).contains("work_domain.YOUTH", "additional_support.LIV",
                "phenomenon.LEFT_WING");
        // unlinked multi-valued tables need no complement
        assertThat(pattern.status("phenomenon.RIGHT_WING")).isEqualTo(CellStatus.PUBLISHED);
        assertThat(audit.bound("work_domain.UNKNOWN").range()).isEqualTo("1..4");
        assertThat(SecondarySuppression.protect(p)).isEqualTo(pattern);
    }

    @Test
    void yearReportAfterTheHalfYear() {
        SuppressionPattern h1 = SecondarySuppression.protect(InfographicReport.h1());
        DisclosureProblem year = InfographicReport.yearAfter(h1);
        SecondarySuppression.Result r = SecondarySuppression.search(year, SecondarySuppression.DEFAULT_NODE_BUDGET);
        AuditReport audit = DisclosureAudit.audit(year, r.pattern()).requirePassed();
        System.out.printf("year after H1: %s; %d evaluations, %d solver calls, %.1f ms (cold)%n", r.pattern().loss(),
                r.evaluations(), r.solverCalls(), r.nanos() / 1e6);
        System.out.println("  secondary: " + r.pattern().cellsWith(CellStatus.SECONDARY));
        assertThat(audit.bound("2024-H1/work_domain.UNKNOWN").range()).isEqualTo("1..4");
        assertThat(r.pattern().status("total")).isEqualTo(CellStatus.PUBLISHED);
        assertThat(SecondarySuppression.protect(year)).isEqualTo(r.pattern());
    }
}
