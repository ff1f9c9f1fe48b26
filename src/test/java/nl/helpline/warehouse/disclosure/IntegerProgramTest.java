package nl.helpline.warehouse.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The ojAlgo wrapper against enumeration on random small integer systems, including coefficients
 * other than 0/±1 (where an LP optimum is fractional and branch and bound must do the work).
 */
class IntegerProgramTest {

    @Test
    void optimaAndFeasibilityEqualEnumeration() {
        check(20240701, Integer.getInteger("disclosure.ip.cases", 1500), 4, 7, 2);
    }

    @Test
    void widerSystemsEqualEnumeration() {
        check(7, Integer.getInteger("disclosure.ip.wide.cases", 300), 6, 6, 4);
    }

    /** With inequality rows as bounds of multi-valued tables give (0/±1 coefficients there). */
    @Test
    void systemsWithInequalitiesEqualEnumeration() {
        check(11, Integer.getInteger("disclosure.ip.ge.cases", 300), 5, 6, 2, true);
    }

    private static void check(long seed, int cases, int maxVars, int maxRange, int maxCoef) {
        check(seed, cases, maxVars, maxRange, maxCoef, false);
    }

    /**
     * Random systems of 2..maxVars variables, domains up to maxRange wide, coefficients up to
     * maxCoef; with {@code inequalities}, one or two rows {@code g . x >= b} with 0/±1 entries too.
     */
    private static void check(long seed, int cases, int maxVars, int maxRange, int maxCoef, boolean inequalities) {
        Random rnd = new Random(seed);
        List<String> mismatches = new ArrayList<>();
        int infeasible = 0;
        for (int c = 0; c < cases; c++) {
            int n = 2 + rnd.nextInt(maxVars - 1);
            int m = 1 + rnd.nextInt(Math.min(3, n - 1));
            long[][] rows = new long[m][n];
            long[] lower = new long[n];
            long[] upper = new long[n];
            for (int j = 0; j < n; j++) {
                lower[j] = rnd.nextInt(3);
                upper[j] = lower[j] + rnd.nextInt(maxRange);
            }
            long[] rhs = new long[m];
            long[] x0 = new long[n];
            for (int j = 0; j < n; j++) {
                x0[j] = lower[j] + rnd.nextInt((int) (upper[j] - lower[j] + 1));
            }
            for (int r = 0; r < m; r++) {
                for (int j = 0; j < n; j++) {
                    rows[r][j] = rnd.nextInt(2 * maxCoef + 1) - maxCoef + (rnd.nextInt(4) == 0 ? 1 : 0);
                }
                rhs[r] = IntegerProgram.dot(rows[r], x0) + (rnd.nextInt(4) == 0 ? 1 : 0);
            }
            int g = inequalities ? 1 + rnd.nextInt(2) : 0;
            long[][] geRows = new long[g][n];
            long[] geRhs = new long[g];
            for (int r = 0; r < g; r++) {
                for (int j = 0; j < n; j++) {
                    geRows[r][j] = rnd.nextInt(3) - 1;
                }
                geRhs[r] = IntegerProgram.dot(geRows[r], x0) + rnd.nextInt(4) - 2;
            }
            IntegerProgram ip = new IntegerProgram(rows, rhs, geRows, geRhs, lower, upper);
            List<long[]> points = enumerate(ip, n, lower, upper);
            IntegerProgram.Search any = ip.find(null, null, null);
            if (points.isEmpty()) {
                infeasible++;
                if (any.outcome() != IntegerProgram.Outcome.INFEASIBLE) {
                    mismatches.add("case " + c + ": enumeration infeasible, solver " + any.outcome());
                }
                continue;
            }
            if (!any.found()) {
                mismatches.add("case " + c + ": enumeration has " + points.size() + " points, solver " + any.outcome());
                continue;
            }
            long[] obj = new long[n];
            for (int j = 0; j < n; j++) {
                obj[j] = rnd.nextInt(5) - 2;
            }
            long min = Long.MAX_VALUE;
            long max = Long.MIN_VALUE;
            for (long[] p : points) {
                min = Math.min(min, IntegerProgram.dot(obj, p));
                max = Math.max(max, IntegerProgram.dot(obj, p));
            }
            IntegerProgram.Optimum lo = ip.optimise(obj, false);
            IntegerProgram.Optimum hi = ip.optimise(obj, true);
            if (lo.outcome() != IntegerProgram.Outcome.FOUND || lo.value() != min
                    || hi.outcome() != IntegerProgram.Outcome.FOUND || hi.value() != max) {
                mismatches.add("case " + c + ": enumeration " + min + ".." + max + ", solver " + lo.outcome() + " "
                        + lo.value() + ".." + hi.outcome() + " " + hi.value());
            }
            // a feasibility question with an extra window
            long mid = (min + max) / 2;
            boolean exists = points.stream().anyMatch(p -> IntegerProgram.dot(obj, p) == mid);
            IntegerProgram.Search window = ip.find(obj, mid, mid);
            if (exists != window.found() || (!exists && window.outcome() != IntegerProgram.Outcome.INFEASIBLE)) {
                mismatches.add("case " + c + ": value " + mid + " exists " + exists + ", solver " + window.outcome());
            }
        }
        assertThat(mismatches).isEmpty();
        assertThat(infeasible).isBetween(cases / 50, cases - cases / 5);
    }

    private static List<long[]> enumerate(IntegerProgram ip, int n, long[] lower, long[] upper) {
        List<long[]> out = new ArrayList<>();
        long[] x = lower.clone();
        while (true) {
            if (ip.isFeasible(x)) {
                out.add(x.clone());
            }
            int j = 0;
            while (j < n && x[j] == upper[j]) {
                x[j] = lower[j];
                j++;
            }
            if (j == n) {
                return out;
            }
            x[j]++;
        }
    }
}
