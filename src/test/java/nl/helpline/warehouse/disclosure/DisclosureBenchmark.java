package nl.helpline.warehouse.disclosure;

import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Timings, apart from the tests: runs only with {@code -Ddisclosure.benchmark=true}, e.g.
 * {@code ./mvnw -q -o test -Dtest=DisclosureBenchmark -Ddisclosure.benchmark=true}. Prints the
 * cold (first) and warm (median, max of the next runs) times of protect() and of the audit for the
 * infographic-shaped half-year report and for the year report after it; for the 60-cell report
 * with three multi-valued tables without and with their bounds; and for a series of six cumulative
 * releases ({@code -Ddisclosure.benchmark.bounds=with|without|both}, default both; the last
 * release takes minutes).
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

    /**
     * The 60-cell report with three multi-valued tables, on reports of about 90 requests (a
     * half-year): protect() and the audit without and with the tables' bounds.
     */
    @Test
    void multiValuedReportWithAndWithoutBounds() {
        int n = Integer.getInteger("disclosure.benchmark.reports", 40);
        for (boolean withBounds : new boolean[] {false, true}) {
            long[] protect = new long[n];
            long[] audit = new long[n];
            int secondary = 0;
            long secondaryTotal = 0;
            int refused = 0;
            int notOptimal = 0;
            SecondarySuppression.protect(ReleaseSeries.report(ReleaseSeries.simulate(new java.util.Random(1), 90),
                    withBounds)); // warm up
            for (int i = 0; i < n; i++) {
                DisclosureProblem p = ReleaseSeries.report(ReleaseSeries.simulate(new java.util.Random(100 + i), 90),
                        withBounds);
                long t0 = System.nanoTime();
                try {
                    SecondarySuppression.Result r = SecondarySuppression.search(p, SecondarySuppression.DEFAULT_NODE_BUDGET);
                    protect[i] = System.nanoTime() - t0;
                    secondary += r.pattern().loss().secondaryCells();
                    secondaryTotal += r.pattern().loss().secondaryTotal();
                    notOptimal += r.pattern().provenOptimal() ? 0 : 1;
                    long a0 = System.nanoTime();
                    DisclosureAudit.audit(p, r.pattern()).requirePassed();
                    audit[i] = System.nanoTime() - a0;
                } catch (UnprotectableException e) {
                    protect[i] = System.nanoTime() - t0;
                    refused++;
                }
            }
            Arrays.sort(protect);
            Arrays.sort(audit);
            System.out.printf("60-cell report, 3 multi-valued tables, %s bounds: %d reports; protect median %.1f ms, "
                            + "max %.1f ms; audit median %.1f ms, max %.1f ms; %.2f [c] cells (%.1f counted) per report; "
                            + "%d greedy, %d refused%n", withBounds ? "with" : "without", n, protect[n / 2] / 1e6,
                    protect[n - 1] / 1e6, audit[n / 2] / 1e6, audit[n - 1] / 1e6, secondary / (double) n,
                    secondaryTotal / (double) n, notOptimal, refused);
        }
    }

    /**
     * Six cumulative releases of the 60-cell report (periods of about 45 requests), each protected
     * after the ones before it; the increments between releases are never published. The last
     * release has 5 earlier releases (300 earlier cells) and 5 increments (300 never-published
     * counts). Timings of protect() and the audit per release, without and with bounds.
     */
    @Test
    void releaseSeriesWithAndWithoutBounds() {
        int releases = Integer.getInteger("disclosure.benchmark.releases", 6);
        int perPeriod = Integer.getInteger("disclosure.benchmark.perPeriod", 45);
        // a series some release of which cannot be protected (e.g. a small margin split into two
        // small cells) says nothing about speed: take the first seed whose series goes through
        for (long seed = 7; seed < 40; seed++) {
            List<java.util.Map<String, Long>> periods = ReleaseSeries.periods(seed, releases, perPeriod);
            List<String> lines = new java.util.ArrayList<>();
            String which = System.getProperty("disclosure.benchmark.bounds", "both"); // both, with, without
            try {
                for (boolean withBounds : new boolean[] {false, true}) {
                    if (which.equals("both") || which.equals(withBounds ? "with" : "without")) {
                        series(periods, releases, withBounds, lines);
                    }
                }
            } catch (UnprotectableException e) {
                System.out.println("seed " + seed + ": " + lines.size() + " releases, then one refused; next seed");
                continue;
            }
            System.out.println("seed " + seed + ":");
            lines.forEach(System.out::println);
            return;
        }
    }

    private static void series(List<java.util.Map<String, Long>> periods, int releases, boolean withBounds,
                               List<String> lines) {
        List<SuppressionPattern> earlier = new java.util.ArrayList<>();
        for (int k = 1; k <= releases; k++) {
            DisclosureProblem p = ReleaseSeries.release(periods, k, earlier, withBounds);
            long t0 = System.nanoTime();
            SecondarySuppression.Result r = SecondarySuppression.search(p, SecondarySuppression.DEFAULT_NODE_BUDGET);
            long t1 = System.nanoTime();
            AuditReport audit = DisclosureAudit.audit(p, r.pattern()).requirePassed();
            long t2 = System.nanoTime();
            earlier.add(r.pattern());
            String line = String.format("release %d %s bounds (%d cells, %d earlier, %d never published, %d relations,"
                            + " %d bounds): %s%s; protect %.0f ms (%d evaluations, %d solver calls), audit %.0f ms; %s", k,
                    withBounds ? "with" : "without", p.cells().size(), p.priorCells().size(), p.hiddenCells().size(),
                    p.relations().size(), p.bounds().size(), r.pattern().loss(),
                    r.pattern().provenOptimal() ? "" : " (greedy)", (t1 - t0) / 1e6, r.evaluations(), r.solverCalls(),
                    (t2 - t1) / 1e6, audit.notes().get(audit.notes().size() - 1));
            System.err.println(line); // progress
            lines.add(line);
        }
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
