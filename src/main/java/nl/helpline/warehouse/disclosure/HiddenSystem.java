package nl.helpline.warehouse.disclosure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What a reader knows under one pattern, as an integer system over the counts the reader does not
 * see: the variables are the suppressed current cells, the suppressed earlier cells and the
 * never-published cells; published counts are constants. Relations become equality rows, bounds of
 * multi-valued tables ({@link Bound}) inequality rows; markers become bounds of the variables:
 *
 * <ul>
 *   <li>{@code < t} (current or earlier): {@code lo <= x <= t-1}, {@code lo} = 1, or 0 when zeros are sensitive;</li>
 *   <li>{@code [c]} (current or earlier): {@code t <= x <= cap};</li>
 *   <li>never published: {@code 0 <= x <= cap}.</li>
 * </ul>
 *
 * <p>{@code cap} = 2 * (sum of all counts) + 2t stands in for "no upper bound". Capping only
 * removes points, so it can never make a cell look better protected than it is.
 */
final class HiddenSystem {

    final DisclosureProblem problem;
    /** Universe index to variable index, -1 for a published cell. */
    final int[] varOf;
    /** Variable index to universe index. */
    final int[] cellOf;
    final long[][] rows;
    final long[] rhs;
    /** Inequality rows from the problem's bounds: {@code atLeastRows[r] . x >= atLeast[r]}. */
    final long[][] atLeastRows;
    final long[] atLeast;
    final long[] lower;
    final long[] upper;
    /** The true counts: always a point of the system. */
    final long[] truth;
    /**
     * Variables whose derivable range must hold at least {@code t - lo} values: cells shown as
     * {@code < t} (for which that means all of {@code lo..t-1}) and small never-published counts.
     */
    final boolean[] sensitive;
    /** Variables shown as {@code < t} (now or earlier), bounded by the marker's range. */
    final boolean[] markedSmall;
    final long cap;
    /**
     * Component of each variable (variables linked by an equality or inequality row share one),
     * numbered by first variable.
     */
    final int[] component;
    final int components;

    private HiddenSystem(DisclosureProblem problem, boolean[] hidden, CellStatus[] status) {
        this.problem = problem;
        int n = problem.size();
        long t = problem.threshold();
        cap = Math.addExact(Math.multiplyExact(2, problem.valueSum()), 2 * t);
        varOf = new int[n];
        Arrays.fill(varOf, -1);
        int count = 0;
        for (int u = 0; u < n; u++) {
            if (hidden[u]) {
                varOf[u] = count++;
            }
        }
        cellOf = new int[count];
        lower = new long[count];
        upper = new long[count];
        truth = new long[count];
        sensitive = new boolean[count];
        markedSmall = new boolean[count];
        for (int u = 0; u < n; u++) {
            int v = varOf[u];
            if (v < 0) {
                continue;
            }
            cellOf[v] = u;
            truth[v] = problem.value(u);
            CellStatus s = status[u];
            if (s == CellStatus.PRIMARY) {
                lower[v] = problem.primaryLow();
                upper[v] = t - 1;
                sensitive[v] = true;
                markedSmall[v] = true;
            } else if (s == CellStatus.SECONDARY) {
                lower[v] = t;
                upper[v] = cap;
            } else { // never published
                lower[v] = 0;
                upper[v] = cap;
                sensitive[v] = problem.isSmall(problem.value(u));
            }
        }
        List<long[]> rowList = new ArrayList<>();
        List<Long> rhsList = new ArrayList<>();
        for (int r = 0; r < problem.relationCount(); r++) {
            long[] row = new long[count];
            long constant = 0; // published parts minus published total
            boolean any = false;
            int total = problem.relationTotal(r);
            if (varOf[total] >= 0) {
                row[varOf[total]] -= 1;
                any = true;
            } else {
                constant -= problem.value(total);
            }
            for (int p : problem.relationParts(r)) {
                if (varOf[p] >= 0) {
                    row[varOf[p]] += 1;
                    any = true;
                } else {
                    constant += problem.value(p);
                }
            }
            if (any) {
                rowList.add(row);
                rhsList.add(-constant);
            }
        }
        rows = rowList.toArray(new long[0][]);
        rhs = rhsList.stream().mapToLong(Long::longValue).toArray();
        List<long[]> geList = new ArrayList<>();
        List<Long> geRhs = new ArrayList<>();
        for (int b = 0; b < problem.boundCount(); b++) {
            long[] row = new long[count];
            long constant = 0; // published plus cells minus published minus cells
            boolean any = false;
            for (int p : problem.boundPlus(b)) {
                if (varOf[p] >= 0) {
                    row[varOf[p]] += 1;
                    any = true;
                } else {
                    constant += problem.value(p);
                }
            }
            for (int p : problem.boundMinus(b)) {
                if (varOf[p] >= 0) {
                    row[varOf[p]] -= 1;
                    any = true;
                } else {
                    constant -= problem.value(p);
                }
            }
            if (any) { // a bound over published counts only tells the reader nothing new
                geList.add(row);
                geRhs.add(problem.boundAtLeast(b) - constant);
            }
        }
        atLeastRows = geList.toArray(new long[0][]);
        atLeast = geRhs.stream().mapToLong(Long::longValue).toArray();
        // components by union-find: an inequality links its counts as much as an equality does
        int[] parent = new int[count];
        for (int v = 0; v < count; v++) {
            parent[v] = v;
        }
        List<long[]> linking = new ArrayList<>(List.of(rows));
        linking.addAll(geList);
        for (long[] row : linking) {
            int first = -1;
            for (int v = 0; v < count; v++) {
                if (row[v] != 0) {
                    if (first < 0) {
                        first = v;
                    } else {
                        union(parent, first, v);
                    }
                }
            }
        }
        component = new int[count];
        int[] label = new int[count];
        Arrays.fill(label, -1);
        int c = 0;
        for (int v = 0; v < count; v++) {
            int root = find(parent, v);
            if (label[root] < 0) {
                label[root] = c++;
            }
            component[v] = label[root];
        }
        components = c;
    }

    /**
     * The system for a pattern of the current cells ({@code current[i]} for current cell i);
     * earlier cells keep their published status, never-published cells are always variables.
     */
    static HiddenSystem of(DisclosureProblem problem, CellStatus[] current) {
        int n = problem.size();
        boolean[] hidden = new boolean[n];
        CellStatus[] status = new CellStatus[n];
        for (int u = 0; u < n; u++) {
            status[u] = switch (problem.kind(u)) {
                case CURRENT -> current[u];
                case PRIOR -> problem.priorStatus(u);
                case HIDDEN -> null;
            };
            hidden[u] = status[u] == null || status[u].suppressed();
        }
        return new HiddenSystem(problem, hidden, status);
    }

    int variables() {
        return cellOf.length;
    }

    String id(int v) {
        return problem.id(cellOf[v]);
    }

    IntegerProgram program() {
        return new IntegerProgram(rows, rhs, atLeastRows, atLeast, lower, upper);
    }

    /** The variables of one component, in order. */
    int[] variablesOf(int comp) {
        return java.util.stream.IntStream.range(0, variables()).filter(v -> component[v] == comp).toArray();
    }

    /** The system restricted to some components' variables (rows of other components dropped). */
    IntegerProgram program(int[] vars) {
        int[] local = new int[variables()];
        Arrays.fill(local, -1);
        for (int k = 0; k < vars.length; k++) {
            local[vars[k]] = k;
        }
        List<long[]> rs = new ArrayList<>();
        List<Long> bs = new ArrayList<>();
        restrict(rows, rhs, local, vars.length, rs, bs);
        List<long[]> gs = new ArrayList<>();
        List<Long> gb = new ArrayList<>();
        restrict(atLeastRows, atLeast, local, vars.length, gs, gb);
        long[] lo = new long[vars.length];
        long[] hi = new long[vars.length];
        for (int k = 0; k < vars.length; k++) {
            lo[k] = lower[vars[k]];
            hi[k] = upper[vars[k]];
        }
        return new IntegerProgram(rs.toArray(new long[0][]), bs.stream().mapToLong(Long::longValue).toArray(),
                gs.toArray(new long[0][]), gb.stream().mapToLong(Long::longValue).toArray(), lo, hi);
    }

    /** The rows touching the chosen variables, in their local numbering. */
    private void restrict(long[][] all, long[] right, int[] local, int size, List<long[]> out, List<Long> outRight) {
        for (int r = 0; r < all.length; r++) {
            long[] row = new long[size];
            boolean inside = false;
            for (int v = 0; v < variables(); v++) {
                if (all[r][v] != 0 && local[v] >= 0) {
                    row[local[v]] = all[r][v];
                    inside = true;
                }
            }
            if (inside) {
                out.add(row);
                outRight.add(right[r]);
            }
        }
    }

    /**
     * Whether the derivable-sum criterion can fail once every sensitive range is wide enough. A
     * derivable sum {@code s} in {@code 1..t-1} over hidden cells contains only cells of count at
     * most {@code s}. If none of those may be 0 (zeros not sensitive, no never-published count of
     * at most {@code t-1}), they are all {@code < t} cells with range {@code 1..t-1}: one of them
     * alone would be constant (its range is wider), and two or more reach {@code t-1 + 1 >= t} at
     * some point of the reader's, so {@code s} is not constant. So the criterion is implied.
     */
    boolean sumCriterionNeeded() {
        long t = problem.threshold();
        for (int v = 0; v < variables(); v++) {
            if (lower[v] == 0 && truth[v] <= t - 1) {
                return true;
            }
        }
        return false;
    }

    private static int find(int[] parent, int v) {
        while (parent[v] != v) {
            parent[v] = parent[parent[v]];
            v = parent[v];
        }
        return v;
    }

    private static void union(int[] parent, int a, int b) {
        int ra = find(parent, a);
        int rb = find(parent, b);
        if (ra != rb) {
            parent[Math.max(ra, rb)] = Math.min(ra, rb);
        }
    }
}
