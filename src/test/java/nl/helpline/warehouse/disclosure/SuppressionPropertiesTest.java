package nl.helpline.warehouse.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;

import org.junit.jupiter.api.Test;

/**
 * Properties over thousands of random linked tables (seeded, so a failure names a reproducible
 * seed; jqwik is not used, see the package documentation). For every generated report:
 * protect() either returns a pattern that passes the audit, or refuses and then even the maximal
 * pattern fails the audit; grand totals and must-publish cells are never {@code [c]}; no
 * {@code [c]} cell is below the threshold; {@code < t} is exactly the small cells; the same input
 * gives the same pattern.
 */
class SuppressionPropertiesTest {

    static final int TRIES = Integer.getInteger("disclosure.properties.tries", 2000);

    @Test
    void linkedTables() {
        run("linked tables", RandomTables::realistic, TRIES, 0);
    }

    @Test
    void yearAfterAnEarlierHalfYear() {
        run("year after H1", RandomTables::realisticYear, Integer.getInteger("disclosure.properties.yearTries", 400), 50_000);
    }

    /** With a budget too small for the exact search, the greedy fallback still protects, less well. */
    @Test
    void greedyFallbackProtects() {
        List<String> failures = new ArrayList<>();
        int fallbacks = 0;
        for (long seed = 90_000; seed < 90_000 + Integer.getInteger("disclosure.properties.greedyTries", 150); seed++) {
            DisclosureProblem p = RandomTables.stress(seed);
            SuppressionPattern exact;
            try {
                exact = SecondarySuppression.protect(p);
            } catch (UnprotectableException e) {
                continue;
            }
            SuppressionPattern greedy = SecondarySuppression.search(p, 3).pattern();
            if (!greedy.provenOptimal()) {
                fallbacks++;
            }
            if (!DisclosureAudit.audit(p, greedy).passed()) {
                failures.add("seed " + seed + ": greedy pattern fails the audit");
            }
            if (exact.provenOptimal() && compare(greedy.loss(), exact.loss()) < 0) {
                failures.add("seed " + seed + ": greedy " + greedy.loss() + " beats the optimum " + exact.loss());
            }
        }
        assertThat(failures).isEmpty();
        assertThat(fallbacks).isGreaterThan(10);
    }

    private static int compare(InformationLoss a, InformationLoss b) {
        return a.secondaryCells() != b.secondaryCells() ? Integer.compare(a.secondaryCells(), b.secondaryCells())
                : Long.compare(a.secondaryTotal(), b.secondaryTotal());
    }

    private static void run(String name, LongFunction<DisclosureProblem> generator, int tries, long firstSeed) {
        List<String> failures = new ArrayList<>();
        int unprotectable = 0;
        int withSecondaries = 0;
        int greedy = 0;
        long totalNanos = 0;
        long maxNanos = 0;
        long auditNanos = 0;
        for (long seed = firstSeed; seed < firstSeed + tries; seed++) {
            DisclosureProblem p = generator.apply(seed);
            SecondarySuppression.Result result;
            try {
                result = SecondarySuppression.search(p, SecondarySuppression.DEFAULT_NODE_BUDGET);
            } catch (UnprotectableException e) {
                unprotectable++;
                if (e.report().passed() || e.cellId() == null) {
                    failures.add("seed " + seed + ": refused although the maximal pattern passes");
                }
                continue;
            }
            totalNanos += result.nanos();
            maxNanos = Math.max(maxNanos, result.nanos());
            SuppressionPattern pattern = result.pattern();
            if (!pattern.provenOptimal()) {
                greedy++;
            }
            if (pattern.loss().secondaryCells() > 0) {
                withSecondaries++;
            }
            long a0 = System.nanoTime();
            AuditReport audit = DisclosureAudit.audit(p, pattern);
            auditNanos += System.nanoTime() - a0;
            if (!audit.passed()) {
                failures.add("seed " + seed + ": audit failed: " + audit.summary() + "\n  " + p + "\n  " + pattern);
            }
            for (Cell c : p.cells()) {
                CellStatus s = pattern.status(c.id());
                if (s == CellStatus.SECONDARY && (c.value() < p.threshold() || c.mustPublish() || c.id().equals("T"))) {
                    failures.add("seed " + seed + ": " + c.id() + " (" + c.value() + ", must publish " + c.mustPublish()
                            + ") is [c]");
                }
                if ((s == CellStatus.PRIMARY) != p.isSmall(c.value())) {
                    failures.add("seed " + seed + ": " + c.id() + " (" + c.value() + ") is " + s);
                }
            }
            DisclosureProblem rebuilt = new DisclosureProblem(new ArrayList<>(p.cells()), new ArrayList<>(p.relations()),
                    p.threshold(), p.zerosSensitive(), new ArrayList<>(p.priorCells()), new ArrayList<>(p.hiddenCells()));
            if (!SecondarySuppression.protect(rebuilt).equals(pattern)) {
                failures.add("seed " + seed + ": a second run gave another pattern");
            }
        }
        int protectedCount = tries - unprotectable;
        System.out.printf("%s: %d reports, %d protected (%d needing [c] cells, %d by the greedy fallback), %d refused;"
                        + " protect mean %.1f ms, max %.1f ms; audit mean %.1f ms%n", name, tries, protectedCount,
                withSecondaries, greedy, unprotectable, totalNanos / 1e6 / Math.max(1, protectedCount), maxNanos / 1e6,
                auditNanos / 1e6 / Math.max(1, protectedCount));
        assertThat(failures).isEmpty();
        assertThat(withSecondaries).isGreaterThan(tries / 5);
    }
}
