package nl.helpline.warehouse.disclosure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The reader by enumeration, for tiny problems: lists every integer assignment of the counts not
 * shown (within 0..bound) that satisfies all relations, bounds and markers, then reads off exact
 * ranges and constant subset sums. Independent of the production code: it uses only the public
 * problem model.
 */
final class BruteForceReader {

    record Analysis(Map<String, long[]> ranges, boolean passed, List<String> reasons, int points) {
    }

    private BruteForceReader() {
    }

    /**
     * @param bound an upper bound every count satisfies in every consistent assignment (e.g. the
     *              published grand total)
     */
    static Analysis analyse(DisclosureProblem p, Map<String, CellStatus> pattern, long bound) {
        long t = p.threshold();
        long lo = p.zerosSensitive() ? 0 : 1;
        Map<String, Long> value = new HashMap<>();
        Map<String, CellStatus> shown = new HashMap<>(); // null status: never published
        List<String> order = new ArrayList<>();
        for (Cell c : p.cells()) {
            value.put(c.id(), c.value());
            shown.put(c.id(), pattern.get(c.id()));
        }
        for (PriorCell c : p.priorCells()) {
            value.put(c.id(), c.value());
            shown.put(c.id(), c.publishedAs());
        }
        for (HiddenCell c : p.hiddenCells()) {
            value.put(c.id(), c.value());
            shown.put(c.id(), null);
        }
        List<String> vars = new ArrayList<>();
        for (String id : value.keySet().stream().sorted().toList()) {
            CellStatus s = shown.get(id);
            if (s == null || s != CellStatus.PUBLISHED) {
                vars.add(id);
            }
        }
        int k = vars.size();
        long[] min = new long[k];
        long[] max = new long[k];
        for (int i = 0; i < k; i++) {
            CellStatus s = shown.get(vars.get(i));
            min[i] = s == CellStatus.PRIMARY ? lo : s == CellStatus.SECONDARY ? t : 0;
            max[i] = s == CellStatus.PRIMARY ? t - 1 : bound;
        }
        // rows: sum coef * x = rhs over vars
        List<long[]> rows = new ArrayList<>();
        List<Long> rhs = new ArrayList<>();
        for (Relation r : p.relations()) {
            long[] row = new long[k];
            long right = 0;
            right -= term(r.totalCellId(), -1, vars, shown, value, row);
            for (String part : r.partCellIds()) {
                right -= term(part, 1, vars, shown, value, row);
            }
            rows.add(row);
            rhs.add(right);
        }
        // inequalities: sum coef * x >= rhs over vars
        List<long[]> geRows = new ArrayList<>();
        List<Long> geRhs = new ArrayList<>();
        for (Bound b : p.bounds()) {
            long[] row = new long[k];
            long right = b.atLeast();
            for (String id : b.plus()) {
                right -= term(id, 1, vars, shown, value, row);
            }
            for (String id : b.minus()) {
                right -= term(id, -1, vars, shown, value, row);
            }
            geRows.add(row);
            geRhs.add(right);
        }
        List<long[]> points = new ArrayList<>();
        enumerate(0, new long[k], min, max, rows, rhs, geRows, geRhs, points);

        Map<String, long[]> ranges = new HashMap<>();
        List<String> reasons = new ArrayList<>();
        if (points.isEmpty()) {
            reasons.add("no consistent assignment");
            return new Analysis(ranges, false, reasons, 0);
        }
        for (int i = 0; i < k; i++) {
            long a = Long.MAX_VALUE;
            long b = Long.MIN_VALUE;
            for (long[] pt : points) {
                a = Math.min(a, pt[i]);
                b = Math.max(b, pt[i]);
            }
            ranges.put(vars.get(i), new long[] {a, b});
            long v = value.get(vars.get(i));
            if (shown.get(vars.get(i)) == CellStatus.PRIMARY && (a > lo || b < t - 1)) {
                reasons.add(vars.get(i) + " range " + a + ".." + b);
            }
            if (shown.get(vars.get(i)) == null && v >= lo && v < t && b - a + 1 < t - lo) {
                reasons.add(vars.get(i) + " (never published) range " + a + ".." + b);
            }
        }
        for (long mask = 1; mask < (1L << k); mask++) {
            long first = sum(points.get(0), mask);
            boolean constant = true;
            for (long[] pt : points) {
                if (sum(pt, mask) != first) {
                    constant = false;
                    break;
                }
            }
            if (constant && first >= 1 && first <= t - 1) {
                List<String> ids = new ArrayList<>();
                for (int i = 0; i < k; i++) {
                    if ((mask >> i & 1) == 1) {
                        ids.add(vars.get(i));
                    }
                }
                reasons.add("sum " + ids + " = " + first);
            }
        }
        return new Analysis(ranges, reasons.isEmpty(), reasons, points.size());
    }

    private static long term(String id, long sign, List<String> vars, Map<String, CellStatus> shown,
                             Map<String, Long> value, long[] row) {
        int i = vars.indexOf(id);
        if (i >= 0) {
            row[i] += sign;
            return 0;
        }
        return sign * value.get(id);
    }

    private static long sum(long[] pt, long mask) {
        long s = 0;
        for (int i = 0; i < pt.length; i++) {
            if ((mask >> i & 1) == 1) {
                s += pt[i];
            }
        }
        return s;
    }

    private static void enumerate(int i, long[] x, long[] min, long[] max, List<long[]> rows, List<Long> rhs,
                                  List<long[]> geRows, List<Long> geRhs, List<long[]> out) {
        // prune: every row must still be reachable with the unassigned variables in their boxes
        for (int r = 0; r < rows.size() + geRows.size(); r++) {
            boolean equality = r < rows.size();
            long[] row = equality ? rows.get(r) : geRows.get(r - rows.size());
            long s = 0;
            long reachLo = 0;
            long reachHi = 0;
            for (int j = 0; j < x.length; j++) {
                if (row[j] == 0) {
                    continue;
                }
                if (j < i) {
                    s += row[j] * x[j];
                } else if (row[j] > 0) {
                    reachLo += row[j] * min[j];
                    reachHi += row[j] * max[j];
                } else {
                    reachLo += row[j] * max[j];
                    reachHi += row[j] * min[j];
                }
            }
            long need = (equality ? rhs.get(r) : geRhs.get(r - rows.size())) - s;
            if ((equality && need < reachLo) || need > reachHi) {
                return;
            }
        }
        if (i == x.length) {
            out.add(x.clone());
            return;
        }
        for (long v = min[i]; v <= max[i]; v++) {
            x[i] = v;
            enumerate(i + 1, x, min, max, rows, rhs, geRows, geRhs, out);
        }
    }
}
