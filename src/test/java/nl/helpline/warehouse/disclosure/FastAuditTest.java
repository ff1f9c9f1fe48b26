package nl.helpline.warehouse.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.LongFunction;

import org.junit.jupiter.api.Test;

/**
 * {@link DisclosureAudit#audit} (requirements proved on verified points where it can) against
 * {@link DisclosureAudit#exact} (exact optima of every count): on random problems with bounds,
 * earlier and never-published cells and random honest patterns, the two must give the same
 * violations, word for word; a bound marked exact must equal the exact one, any other must lie
 * inside it.
 */
class FastAuditTest {

    static final int CASES = Integer.getInteger("disclosure.fastaudit.cases", 400);

    @Test
    void tinyProblemsWithAndWithoutBounds() {
        compare("tiny", seed -> RandomTables.tiny(seed, 10), CASES);
        compare("tiny with bounds", seed -> RandomTables.tinyWithBounds(seed, 9), CASES);
    }

    @Test
    void largerProblemsWithEarlierAndNeverPublishedCells() {
        compare("realistic year", RandomTables::realisticYear, CASES / 8);
        compare("realistic with bounds", RandomTables::realisticWithBounds, CASES / 8);
    }

    private static void compare(String name, LongFunction<DisclosureProblem> problems, int cases) {
        List<String> mismatches = new ArrayList<>();
        int passed = 0;
        int failed = 0;
        int withHidden = 0;
        int inner = 0;
        for (long seed = 0; seed < cases; seed++) {
            DisclosureProblem p = problems.apply(seed);
            Map<String, CellStatus> statuses = AuditExactnessTest.randomPattern(p, new Random(seed * 31 + 7));
            SuppressionPattern pattern = SuppressionPattern.of(p, statuses, false);
            AuditReport fast = DisclosureAudit.audit(p, pattern);
            AuditReport exact = DisclosureAudit.exact(p, pattern);
            if (!fast.violations().equals(exact.violations())) {
                mismatches.add(name + " seed " + seed + ": fast " + fast.summary() + " / exact " + exact.summary());
            }
            if (fast.bounds().size() != exact.bounds().size()) {
                mismatches.add(name + " seed " + seed + ": bounds differ in number");
                continue;
            }
            for (int i = 0; i < fast.bounds().size(); i++) {
                CellBound f = fast.bounds().get(i);
                CellBound e = exact.bounds().get(i);
                boolean fits = f.exact() ? f.lower() == e.lower() && f.upper() == e.upper()
                        : e.lower() <= f.lower() && f.upper() <= e.upper() && f.lower() <= f.upper();
                if (!f.cellId().equals(e.cellId()) || !fits || f.ok() != e.ok() || !e.exact()) {
                    mismatches.add(name + " seed " + seed + ": " + f.cellId() + " fast " + f.range() + ", exact "
                            + e.range());
                }
                inner += f.exact() ? 0 : 1;
            }
            passed += exact.passed() ? 1 : 0;
            failed += exact.passed() ? 0 : 1;
            withHidden += p.hiddenCells().isEmpty() ? 0 : 1;
        }
        System.out.printf("fast audit, %s: %d cases, %d passed, %d failed, %d with never-published counts, %d bounds "
                + "not optimised%n", name, cases, passed, failed, withHidden, inner);
        assertThat(mismatches).isEmpty();
        assertThat(passed).isGreaterThan(0);
        assertThat(failed).isGreaterThan(0);
        assertThat(inner).isGreaterThan(0);
    }
}
