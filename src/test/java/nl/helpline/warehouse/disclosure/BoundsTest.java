package nl.helpline.warehouse.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * Bounds of multi-valued tables ({@link Bound}): a case derived by hand, the audit against
 * enumeration, and the search against enumeration, on tiny random problems with bounds (seeded;
 * a failure names its seed). Each loop also counts how often the bounds changed the reader's
 * answer, so it cannot pass by never exercising them.
 */
class BoundsTest {

    static final int CASES = Integer.getInteger("disclosure.bounds.cases", 300);

    /** The pattern with only the primary rule applied. */
    private static Map<String, CellStatus> primaryOnly(DisclosureProblem p) {
        Map<String, CellStatus> m = new HashMap<>();
        for (Cell c : p.cells()) {
            m.put(c.id(), p.primaryStatus(c.value()));
        }
        return m;
    }

    private static DisclosureProblem withoutBounds(DisclosureProblem p) {
        return new DisclosureProblem(p.cells(), p.relations(), p.threshold(), p.zerosSensitive(), p.priorCells(),
                p.hiddenCells());
    }

    /*
     * Additional support is multi-valued: base ADDITIONAL 20, FORSA 8, FAMILY 5, MENTAL_HEALTH 6,
     * LIV 3 shown as < 5, and the notes say the table adds up to more than its base. A reader
     * knows FORSA + FAMILY + LIV + MENTAL_HEALTH >= 21, so LIV >= 21 - 19 = 2: LIV is 2..4, the
     * marker is narrowed. Without the note (>= 20) LIV >= 1 and nothing leaks. Hiding FAMILY
     * (the cheapest candidate of the table; ADDITIONAL alone would be known from
     * total = CONSULTATION + ADDITIONAL) gives LIV + FAMILY >= 7 with FAMILY >= 5 and at most 20:
     * LIV = 1 with FAMILY = 6, LIV = 4 with FAMILY = 5. Optimum {FAMILY}: 1 cell, 5.
     */
    @Test
    void livIsNarrowedByAddsUpToMore() {
        List<Cell> cells = List.of(Cell.of("total", 50), Cell.of("follow_up.CONSULTATION", 30),
                Cell.of("follow_up.ADDITIONAL", 20), Cell.of("additional_support.FORSA", 8),
                Cell.of("additional_support.FAMILY", 5), Cell.of("additional_support.LIV", 3),
                Cell.of("additional_support.MENTAL_HEALTH", 6));
        List<Relation> relations = List.of(Relation.of("total", "follow_up.CONSULTATION", "follow_up.ADDITIONAL"));
        List<String> support = List.of("additional_support.FORSA", "additional_support.FAMILY", "additional_support.LIV",
                "additional_support.MENTAL_HEALTH");
        DisclosureProblem plain = DisclosureProblem.of(cells, relations, 5, false);
        DisclosureProblem more = plain.withBounds(Bound.multiValued("follow_up.ADDITIONAL", support, 1));
        DisclosureProblem atLeastBase = plain.withBounds(Bound.multiValued("follow_up.ADDITIONAL", support, 0));

        SuppressionPattern primary = SuppressionPattern.of(more, primaryOnly(more), false);
        assertThat(DisclosureAudit.audit(plain, primary).passed()).isTrue();
        assertThat(DisclosureAudit.audit(atLeastBase, primary).passed()).isTrue();
        AuditReport leak = DisclosureAudit.audit(more, primary);
        assertThat(leak.passed()).isFalse();
        assertThat(leak.bound("additional_support.LIV").range()).isEqualTo("2..4");
        assertThat(leak.violations().get(0).cellIds()).containsExactly("additional_support.LIV");

        SuppressionPattern pattern = SecondarySuppression.protect(more);
        AuditReport audit = DisclosureAudit.audit(more, pattern).requirePassed();
        assertThat(pattern.cellsWith(CellStatus.SECONDARY)).containsExactly("additional_support.FAMILY");
        assertThat(pattern.provenOptimal()).isTrue();
        assertThat(audit.bound("additional_support.LIV").range()).isEqualTo("1..4");
        assertThat(audit.bound("additional_support.FAMILY").range()).isEqualTo("5..20");
        assertThat(BruteForceReader.analyse(more, pattern.statuses(), 50).passed()).isTrue();
        assertThat(SecondarySuppression.protect(plain).cellsWith(CellStatus.SECONDARY)).isEmpty();
    }

    /*
     * Bounds alone, no relation: base 9 (must publish), categories A 7 and B < 5 (3), A, B <= 9 and
     * A + B >= 9: B >= 2, so B is narrowed to 2..4. Hiding A: A >= 5, A <= 9 and A + B >= 9 with
     * B <= 4 leave B anywhere in 1..4 and A in 5..9.
     */
    @Test
    void boundsNarrowWithoutAnyRelation() {
        DisclosureProblem p = DisclosureProblem.of(List.of(Cell.mustPublish("base", 9), Cell.of("A", 7), Cell.of("B", 3)),
                List.of(), 5, false).withBounds(Bound.multiValued("base", List.of("A", "B"), 0));
        AuditReport r = DisclosureAudit.audit(p, SuppressionPattern.of(p, primaryOnly(p), false));
        assertThat(r.bound("B").range()).isEqualTo("2..4");
        assertThat(r.passed()).isFalse();
        // hiding A (7): A + B >= 9 with A <= 9 and A >= 5 leaves B anywhere in 1..4
        SuppressionPattern pattern = SecondarySuppression.protect(p);
        assertThat(pattern.cellsWith(CellStatus.SECONDARY)).containsExactly("A");
        assertThat(DisclosureAudit.audit(p, pattern).requirePassed().bound("A").range()).isEqualTo("5..9");
    }

    @Test
    void boundsAreValidatedLikeRelations() {
        assertThatThrownBy(() -> new Bound(List.of(), List.of(), 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Bound(List.of("a", "a"), List.of(), 0)).hasMessageContaining("repeats");
        assertThatThrownBy(() -> new Bound(List.of("a"), List.of("b", "b"), 0)).hasMessageContaining("repeats");
        assertThatThrownBy(() -> new Bound(List.of("a"), List.of("a"), 0)).hasMessageContaining("both");
        assertThat(Bound.atMost("a", "T")).isEqualTo(new Bound(List.of("T"), List.of("a"), 0));
        assertThat(Bound.sumAtLeast(List.of("a", "b"), "T", 1).toString()).isEqualTo("a + b - T >= 1");

        DisclosureProblem p = DisclosureProblem.of(List.of(Cell.of("T", 9), Cell.of("a", 7), Cell.of("b", 3)), List.of(),
                5, false);
        assertThatThrownBy(() -> p.withBounds(List.of(Bound.atMost("c", "T")))).hasMessageContaining("unknown cell c");
        // 7 + 3 - 9 = 1 >= 1 holds, >= 2 does not; the message does not state the counts
        assertThat(p.withBounds(Bound.multiValued("T", List.of("a", "b"), 1)).bounds()).hasSize(3);
        assertThatThrownBy(() -> p.withBounds(List.of(Bound.sumAtLeast(List.of("a", "b"), "T", 2))))
                .hasMessageContaining("does not hold").hasMessageNotContaining("10");
        // immutable: withBounds returns a new problem; withEarlier keeps the bounds
        DisclosureProblem bounded = p.withBounds(List.of(Bound.atMost("a", "T")));
        assertThat(p.bounds()).isEmpty();
        assertThat(bounded).isNotEqualTo(p);
        assertThat(bounded.withEarlier(List.of(new PriorCell("H1.a", 2, CellStatus.PRIMARY)), List.of(), List.of())
                .bounds()).containsExactly(Bound.atMost("a", "T"));
    }

    /** Exact bounds and the verdict equal enumeration on tiny random problems with bounds. */
    @Test
    void auditWithBoundsEqualsEnumeration() {
        List<String> mismatches = new ArrayList<>();
        int passed = 0;
        int failed = 0;
        int withEarlier = 0;
        int boundsMattered = 0;
        for (long seed = 0; seed < CASES; seed++) {
            DisclosureProblem p = RandomTables.tinyWithBounds(seed, 9);
            Map<String, CellStatus> statuses = AuditExactnessTest.randomPattern(p, new Random(seed * 31 + 7));
            SuppressionPattern pattern = SuppressionPattern.of(p, statuses, false);
            AuditReport audit = DisclosureAudit.audit(p, pattern);
            BruteForceReader.Analysis brute = BruteForceReader.analyse(p, statuses, AuditExactnessTest.bound(p));
            if (audit.passed() != brute.passed()) {
                mismatches.add("seed " + seed + ": audit " + audit.passed() + " (" + audit.summary() + "), enumeration "
                        + brute.passed() + " " + brute.reasons() + "\n  " + p + "\n  " + statuses);
            }
            for (CellBound b : audit.bounds()) {
                long[] r = brute.ranges().get(b.cellId());
                if (r == null || r[0] != b.lower() || r[1] != b.upper()) {
                    mismatches.add("seed " + seed + ": " + b.cellId() + " audit " + b.range() + ", enumeration "
                            + (r == null ? "none" : r[0] + ".." + r[1]) + "\n  " + p + "\n  " + statuses);
                }
            }
            passed += audit.passed() ? 1 : 0;
            failed += audit.passed() ? 0 : 1;
            withEarlier += p.priorCells().isEmpty() ? 0 : 1;
            AuditReport plain = DisclosureAudit.audit(withoutBounds(p), pattern);
            if (plain.passed() != audit.passed() || !plain.bounds().equals(audit.bounds())) {
                boundsMattered++;
            }
        }
        System.out.printf("audit with bounds: %d cases, %d passed, %d failed, %d with an earlier half, bounds changed "
                + "the answer in %d%n", CASES, passed, failed, withEarlier, boundsMattered);
        assertThat(mismatches).isEmpty();
        assertThat(passed).isGreaterThan(CASES / 10);
        assertThat(failed).isGreaterThan(CASES / 10);
        assertThat(withEarlier).isGreaterThan(CASES / 20);
        assertThat(boundsMattered).isGreaterThan(CASES / 10);
    }

    /**
     * protect() with bounds against exhaustive enumeration of every set of secondary cells,
     * judged by the enumerating reader: the cheapest protecting set by (count, sum, positions), or a
     * refusal exactly when none protects; the pattern also passes the production audit.
     */
    @Test
    void protectWithBoundsIsOptimalAndPassesEnumeration() {
        int cases = Integer.getInteger("disclosure.bounds.optimality.cases", 200);
        List<String> mismatches = new ArrayList<>();
        int needingSecondaries = 0;
        int unprotectable = 0;
        int boundsMattered = 0;
        for (long seed = 0; seed < cases; seed++) {
            long s = 2_000_000 + seed;
            DisclosureProblem p = RandomTables.tinyWithBounds(s, 9);
            long bound = AuditExactnessTest.bound(p);
            List<Integer> candidates = new ArrayList<>();
            for (int i = 0; i < p.cells().size(); i++) {
                if (p.isSecondaryCandidate(p.cells().get(i).id())) {
                    candidates.add(i);
                }
            }
            int[] best = null;
            long bestSum = 0;
            for (int mask = 0; mask < (1 << candidates.size()); mask++) {
                Map<String, CellStatus> statuses = primaryOnly(p);
                List<Integer> chosen = new ArrayList<>();
                long sum = 0;
                for (int b = 0; b < candidates.size(); b++) {
                    if ((mask >> b & 1) == 1) {
                        Cell c = p.cells().get(candidates.get(b));
                        statuses.put(c.id(), CellStatus.SECONDARY);
                        chosen.add(candidates.get(b));
                        sum += c.value();
                    }
                }
                int[] set = chosen.stream().mapToInt(Integer::intValue).toArray();
                if (best != null && !cheaper(set, sum, best, bestSum)) {
                    continue;
                }
                if (BruteForceReader.analyse(p, statuses, bound).passed()) {
                    best = set;
                    bestSum = sum;
                }
            }
            String found;
            try {
                SuppressionPattern pattern = SecondarySuppression.protect(p);
                List<Integer> positions = new ArrayList<>();
                for (int i = 0; i < p.cells().size(); i++) {
                    if (pattern.status(p.cells().get(i).id()) == CellStatus.SECONDARY) {
                        positions.add(i);
                    }
                }
                found = positions.toString();
                if (!pattern.provenOptimal()) {
                    mismatches.add("seed " + s + ": not proven optimal");
                }
                if (!DisclosureAudit.audit(p, pattern).passed()) {
                    mismatches.add("seed " + s + ": the pattern fails the audit: "
                            + DisclosureAudit.audit(p, pattern).summary());
                }
            } catch (UnprotectableException e) {
                found = "unprotectable";
                if (e.report().passed()) {
                    mismatches.add("seed " + s + ": refused although the maximal pattern passes the audit");
                }
            }
            String expected = best == null ? "unprotectable" : Arrays.toString(best);
            if (!expected.equals(found)) {
                mismatches.add("seed " + s + ": enumeration " + expected + ", search " + found + "\n  " + p);
            }
            if (best == null) {
                unprotectable++;
            } else if (best.length > 0) {
                needingSecondaries++;
            }
            String plain;
            try {
                plain = SecondarySuppression.protect(withoutBounds(p)).cellsWith(CellStatus.SECONDARY).toString();
            } catch (UnprotectableException e) {
                plain = "unprotectable";
            }
            String withBounds;
            try {
                withBounds = SecondarySuppression.protect(p).cellsWith(CellStatus.SECONDARY).toString();
            } catch (UnprotectableException e) {
                withBounds = "unprotectable";
            }
            boundsMattered += plain.equals(withBounds) ? 0 : 1;
        }
        System.out.printf("protect with bounds: %d cases, %d needing [c] cells, %d unprotectable, bounds changed the "
                + "pattern in %d%n", cases, needingSecondaries, unprotectable, boundsMattered);
        assertThat(mismatches).isEmpty();
        assertThat(needingSecondaries).isGreaterThan(cases / 10);
        assertThat(boundsMattered).isGreaterThan(cases / 20);
    }

    /**
     * Realistic random reports with up to three multi-valued tables and their bounds: protect()
     * returns a pattern that passes the audit, or refuses only when the maximal pattern fails.
     */
    @Test
    void realisticReportsWithBoundsPassTheirAudit() {
        int tries = Integer.getInteger("disclosure.bounds.realistic.tries", 300);
        List<String> failures = new ArrayList<>();
        int withSecondaries = 0;
        int refused = 0;
        int greedy = 0;
        long protectNanos = 0;
        long auditNanos = 0;
        for (long seed = 0; seed < tries; seed++) {
            DisclosureProblem p = RandomTables.realisticWithBounds(seed);
            long t0 = System.nanoTime();
            SuppressionPattern pattern;
            try {
                pattern = SecondarySuppression.protect(p);
            } catch (UnprotectableException e) {
                refused++;
                if (e.report().passed()) {
                    failures.add("seed " + seed + ": refused although the maximal pattern passes");
                }
                continue;
            }
            long t1 = System.nanoTime();
            AuditReport audit = DisclosureAudit.audit(p, pattern);
            long t2 = System.nanoTime();
            protectNanos += t1 - t0;
            auditNanos += t2 - t1;
            greedy += pattern.provenOptimal() ? 0 : 1;
            withSecondaries += pattern.loss().secondaryCells() > 0 ? 1 : 0;
            if (!audit.passed()) {
                failures.add("seed " + seed + ": audit failed: " + audit.summary() + "\n  " + p + "\n  " + pattern);
            }
        }
        int done = Math.max(1, tries - refused);
        System.out.printf("realistic with bounds: %d reports, %d needing [c] cells, %d by the greedy fallback, %d refused;"
                + " protect mean %.1f ms, audit mean %.1f ms%n", tries, withSecondaries, greedy, refused,
                protectNanos / 1e6 / done, auditNanos / 1e6 / done);
        assertThat(failures).isEmpty();
        assertThat(withSecondaries).isGreaterThan(tries / 5);
    }

    private static boolean cheaper(int[] a, long aSum, int[] b, long bSum) {
        if (a.length != b.length) {
            return a.length < b.length;
        }
        if (aSum != bSum) {
            return aSum < bSum;
        }
        return Arrays.compare(a, b) < 0;
    }
}
