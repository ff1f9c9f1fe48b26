package nl.helpline.warehouse.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The search against exhaustive enumeration of every set of secondary cells, judged by the
 * enumerating reader (not by the production audit): on tiny problems protect() must return the
 * cheapest protecting set by (count, sum, positions), or refuse exactly when no set protects.
 */
class SearchOptimalityTest {

    @Test
    void protectFindsTheCheapestProtectingSetOrRefusesExactlyWhenNoneExists() {
        int cases = Integer.getInteger("disclosure.optimality.cases", 300);
        List<String> mismatches = new ArrayList<>();
        int needingSecondaries = 0;
        int unprotectable = 0;
        for (long seed = 0; seed < cases; seed++) {
            DisclosureProblem p = RandomTables.tiny(1_000_000 + seed, 12);
            List<Integer> candidates = new ArrayList<>();
            for (int i = 0; i < p.cells().size(); i++) {
                if (p.isSecondaryCandidate(p.cells().get(i).id())) {
                    candidates.add(i);
                }
            }
            int[] best = null;
            long bestSum = 0;
            for (int mask = 0; mask < (1 << candidates.size()); mask++) {
                Map<String, CellStatus> statuses = new HashMap<>();
                for (Cell c : p.cells()) {
                    statuses.put(c.id(), p.primaryStatus(c.value()));
                }
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
                if (BruteForceReader.analyse(p, statuses, AuditExactnessTest.bound(p)).passed()) {
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
                assertThat(pattern.provenOptimal()).isTrue();
            } catch (UnprotectableException e) {
                found = "unprotectable";
            }
            String expected = best == null ? "unprotectable" : Arrays.toString(best);
            if (!expected.equals(found)) {
                mismatches.add("seed " + (1_000_000 + seed) + ": enumeration " + expected + ", search " + found + "\n  " + p);
            }
            if (best == null) {
                unprotectable++;
            } else if (best.length > 0) {
                needingSecondaries++;
            }
        }
        assertThat(mismatches).isEmpty();
        assertThat(needingSecondaries).isGreaterThan(cases / 10);
        assertThat(unprotectable).isGreaterThan(0);
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
