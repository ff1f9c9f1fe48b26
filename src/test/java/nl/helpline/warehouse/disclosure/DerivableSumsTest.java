package nl.helpline.warehouse.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The small-sum search against enumeration of every 0/1 vector: on random direction spaces (as
 * differences of relation-like vectors with 0/±1 entries, and some with larger entries) and random
 * small counts, it finds a derivable sum in 1..t-1 exactly when one exists, and what it names is
 * one. Also: it decides systems with more free columns than plain enumeration could (2^20).
 */
class DerivableSumsTest {

    @Test
    void smallSumEqualsEnumeration() {
        Random rnd = new Random(20261130);
        int cases = Integer.getInteger("disclosure.smallsum.cases", 1500);
        List<String> mismatches = new ArrayList<>();
        int found = 0;
        for (int c = 0; c < cases; c++) {
            int n = 2 + rnd.nextInt(11);
            int dirs = rnd.nextInt(n + 1);
            int maxCoef = rnd.nextInt(3) == 0 ? 3 : 1;
            List<BigInteger[]> rows = new ArrayList<>();
            for (int r = 0; r < dirs; r++) {
                BigInteger[] d = new BigInteger[n];
                for (int j = 0; j < n; j++) {
                    d[j] = BigInteger.valueOf(rnd.nextInt(3) == 0 ? rnd.nextInt(2 * maxCoef + 1) - maxCoef : 0);
                }
                rows.add(d);
            }
            ExactLinearAlgebra.Echelon e = ExactLinearAlgebra.reduce(rows, n);
            long t = 3 + rnd.nextInt(3);
            long[] truth = new long[n];
            for (int j = 0; j < n; j++) {
                truth[j] = rnd.nextInt(3) == 0 ? t + rnd.nextInt(10) : rnd.nextInt((int) t);
            }
            boolean exists = false;
            for (int mask = 1; mask < (1 << n) && !exists; mask++) {
                long sum = 0;
                BigInteger[] u = new BigInteger[n];
                for (int j = 0; j < n; j++) {
                    u[j] = BigInteger.valueOf(mask >> j & 1);
                    sum += (mask >> j & 1) * truth[j];
                }
                if (sum < 1 || sum > t - 1) {
                    continue;
                }
                boolean orthogonal = true;
                for (BigInteger[] d : e.rows()) {
                    orthogonal &= ExactLinearAlgebra.dot(d, u).signum() == 0;
                }
                exists = orthogonal;
            }
            DerivableSums.SmallSum small = DerivableSums.smallSum(e, truth, t);
            if ((small.verdict() == DerivableSums.Verdict.FOUND) != exists
                    || small.verdict() == DerivableSums.Verdict.UNDECIDED) {
                mismatches.add("case " + c + ": enumeration " + exists + ", search " + small.verdict());
            }
            if (small.verdict() == DerivableSums.Verdict.FOUND) {
                found++;
                BigInteger[] u = ExactLinearAlgebra.zeros(n);
                long sum = 0;
                for (int v : small.variables()) {
                    u[v] = BigInteger.ONE;
                    sum += truth[v];
                }
                for (BigInteger[] d : e.rows()) {
                    if (ExactLinearAlgebra.dot(d, u).signum() != 0) {
                        mismatches.add("case " + c + ": the named sum is not derivable");
                    }
                }
                if (sum != small.sum() || sum < 1 || sum > t - 1) {
                    mismatches.add("case " + c + ": the named sum is " + sum + ", reported " + small.sum());
                }
            }
        }
        assertThat(mismatches).isEmpty();
        assertThat(found).isBetween(cases / 10, cases - cases / 10);
    }

    /*
     * 25 blocks of three counts, each block moving as x(i) = x(i+1) = x(i+2) (directions
     * e(i) - e(i+1) and e(i+1) - e(i+2)): a sum is derivable iff it takes whole blocks. 25 free
     * columns: beyond the 2^20 assignments plain enumeration tried. Blocks sum to 5 or 6 (threshold
     * 5): nothing small is derivable, until the last block sums to 4.
     */
    @Test
    void decidesBeyondTwentyFreeColumns() {
        int n = 75;
        List<BigInteger[]> rows = new ArrayList<>();
        for (int i = 0; i < n; i += 3) { // directions e(i) - e(i+1) and e(i+1) - e(i+2): a block's sum is constant
            BigInteger[] a = ExactLinearAlgebra.zeros(n);
            a[i] = BigInteger.ONE;
            a[i + 1] = BigInteger.ONE.negate();
            rows.add(a);
            BigInteger[] b = ExactLinearAlgebra.zeros(n);
            b[i + 1] = BigInteger.ONE;
            b[i + 2] = BigInteger.ONE.negate();
            rows.add(b);
        }
        ExactLinearAlgebra.Echelon e = ExactLinearAlgebra.reduce(rows, n);
        long[] truth = new long[n];
        for (int i = 0; i < n; i += 3) { // each block sums to 5 or 6: at least t, fine
            truth[i] = 2;
            truth[i + 1] = 2;
            truth[i + 2] = 1 + (i / 3) % 2;
        }
        assertThat(n - e.rank()).isEqualTo(25);
        assertThat(DerivableSums.smallSum(e, truth, 5).verdict()).isEqualTo(DerivableSums.Verdict.NONE);
        truth[n - 1] = 0; // the last block sums to 4: derivable and small
        DerivableSums.SmallSum small = DerivableSums.smallSum(e, truth, 5);
        assertThat(small.verdict()).isEqualTo(DerivableSums.Verdict.FOUND);
        assertThat(small.variables()).containsExactly(n - 3, n - 2, n - 1);
        assertThat(small.sum()).isEqualTo(4);
    }
}
