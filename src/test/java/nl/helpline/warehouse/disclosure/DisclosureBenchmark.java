package nl.helpline.warehouse.disclosure;

import java.util.Arrays;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Timings, apart from the tests: runs only with {@code -Ddisclosure.benchmark=true}, e.g.
 * {@code ./mvnw -q -o test -Dtest=DisclosureBenchmark -Ddisclosure.benchmark=true}. Prints the
 * cold (first) and warm (median, max of the next runs) times of protect() and of the audit for the
 * infographic-shaped half-year report and for the year report after it.
 */
@EnabledIfSystemProperty(named = "disclosure.benchmark", matches = "true")
class DisclosureBenchmark {

    static final int RUNS = Integer.getInteger("disclosure.benchmark.runs", 15);

    @Test
    void infographicReports() {
        DisclosureProblem h1 = InfographicReport.h1();
        measure("H1 report (43 cells, 19 relations)", h1);
        DisclosureProblem year = InfographicReport.yearAfter(SecondarySuppression.protect(h1));
        measure("year after H1 (43 cells + 43 earlier + 43 never published, 100 relations)", year);
    }

    @Test
    void randomLargerReports() {
        int n = Integer.getInteger("disclosure.benchmark.reports", 300);
        long[] ns = new long[n];
        int cells = 0;
        int refused = 0;
        int greedy = 0;
        int primaries = 0;
        long auditNs = 0;
        SecondarySuppression.search(RandomTables.stress(0), SecondarySuppression.DEFAULT_NODE_BUDGET); // warm up
        for (int i = 0; i < n; i++) {
            DisclosureProblem p = RandomTables.stress(1000 + i);
            cells += p.cells().size();
            long t0 = System.nanoTime();
            try {
                SecondarySuppression.Result r = SecondarySuppression.search(p, SecondarySuppression.DEFAULT_NODE_BUDGET);
                ns[i] = System.nanoTime() - t0;
                greedy += r.pattern().provenOptimal() ? 0 : 1;
                primaries += r.pattern().cellsWith(CellStatus.PRIMARY).size();
                long a0 = System.nanoTime();
                DisclosureAudit.audit(p, r.pattern()).requirePassed();
                auditNs += System.nanoTime() - a0;
            } catch (UnprotectableException e) {
                ns[i] = System.nanoTime() - t0;
                refused++;
            }
        }
        long[] sorted = ns.clone();
        Arrays.sort(sorted);
        System.out.printf("%d random reports of %.0f cells on average (%.1f primary cells in the protected ones): "
                        + "protect median %.1f ms, p95 %.1f ms, max %.1f ms; %d by the greedy fallback, %d refused; "
                        + "audit mean %.1f ms%n", n, cells / (double) n, primaries / (double) Math.max(1, n - refused),
                sorted[n / 2] / 1e6, sorted[n * 95 / 100] / 1e6, sorted[n - 1] / 1e6, greedy, refused,
                auditNs / 1e6 / Math.max(1, n - refused));
    }

    private static void measure(String name, DisclosureProblem p) {
        SecondarySuppression.Result first = SecondarySuppression.search(p, SecondarySuppression.DEFAULT_NODE_BUDGET);
        long[] protect = time(() -> SecondarySuppression.search(p, SecondarySuppression.DEFAULT_NODE_BUDGET));
        long[] audit = time(() -> DisclosureAudit.audit(p, first.pattern()));
        System.out.printf("%s: %s%n  protect: cold %.0f ms, warm median %.0f ms, max %.0f ms (%d evaluations, %d solver calls)%n"
                        + "  audit:   warm median %.0f ms, max %.0f ms%n", name, first.pattern().loss(), first.nanos() / 1e6,
                protect[0] / 1e6, protect[1] / 1e6, first.evaluations(), first.solverCalls(), audit[0] / 1e6, audit[1] / 1e6);
    }

    private static long[] time(Supplier<?> work) {
        long[] ns = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long t0 = System.nanoTime();
            work.get();
            ns[i] = System.nanoTime() - t0;
        }
        Arrays.sort(ns);
        return new long[] {ns[RUNS / 2], ns[RUNS - 1]};
    }
}
