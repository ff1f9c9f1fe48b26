package nl.helpline.warehouse.disclosure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The audit: may this pattern be published? A separate code path from {@link SecondarySuppression}:
 * it builds its own model of the reader's knowledge from the problem and the pattern and trusts
 * nothing the search found.
 *
 * <h2>The reader</h2>
 * A reader sees every published count of this report and of the earlier publications, knows every
 * relation ({@code total = sum of parts}) and every bound of a multi-valued table ({@link Bound}: a
 * category is at most its base, the categories together at least the base, or more), knows that
 * counts are non-negative integers, that a
 * {@code < t} cell lies in {@code lo..t-1} ({@code lo} = 1, or 0 when zeros are sensitive) and that a
 * {@code [c]} cell is at least {@code t}. The integer points consistent with all that are the
 * reader's candidates for the truth (the truth is one of them).
 *
 * <h2>The criterion</h2>
 * <ol>
 *   <li>Every cell shown as {@code < t} (now or earlier) must keep its whole range: the exact integer
 *       minimum over the reader's points is {@code lo} and the maximum {@code t-1}. A small
 *       never-published count must keep a range of at least as many values as such a marker
 *       ({@code t - lo}): for a {@code < t} cell, bounded by its marker, the two rules coincide.</li>
 *   <li>No sum of hidden counts that is derivable exactly lies in {@code 1..t-1} (a derivable sum must
 *       be 0 or at least {@code t}). Derivable sums are found exactly through the affine hull of the
 *       reader's points, see {@link DerivableSums}.</li>
 *   <li>The markers tell the truth: a small count is shown as {@code < t} and nothing else is; a
 *       {@code [c]} cell is {@code >= t}; must-publish cells and grand totals are not {@code [c]}.</li>
 * </ol>
 *
 * <h2>Exactness</h2>
 * Bounds are integer optima (branch and bound), not LP bounds: an LP relaxation is only an outer
 * bound and can both hide and invent disclosures. Each optimum comes with an integer point that is
 * verified exactly, and is confirmed by asking for a strictly better point until there is none.
 * Because a {@code < t} cell is bounded by its marker, a pass of criterion 1 is <em>proved</em> by
 * the verified points at {@code lo} and {@code t-1}; a pass of criterion 2 is proved because the
 * hull's directions come from verified points (an equality taken on the solver's word can only
 * add derivable sums). Only a failure can rest on the solver's "no such point" alone. Counts are
 * capped at {@code 2 * (sum of all counts) + 2t} for the solver (capping only removes points, so it
 * cannot make anything look safer); a maximum that reaches half the cap is reported as "no upper
 * bound" when an integer direction to infinity is found and verified, and noted otherwise.
 */
public final class DisclosureAudit {

    /** Largest entry tried in a direction to infinity (sum relations need only 0/1 entries). */
    private static final long RAY_ENTRY_MAX = 16;

    private DisclosureAudit() {
    }

    public static AuditReport audit(DisclosureProblem problem, SuppressionPattern pattern) {
        List<AuditReport.Violation> violations = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        int n = problem.size();
        long t = problem.threshold();
        long lo = problem.primaryLow();
        long cap = 2 * problem.valueSum() + 2 * t;

        // 1. markers and must-publish
        CellStatus[] status = new CellStatus[n];
        for (int u = 0; u < n; u++) {
            String id = problem.id(u);
            long value = problem.value(u);
            switch (problem.kind(u)) {
                case CURRENT -> {
                    CellStatus s = pattern.status(id);
                    status[u] = s;
                    boolean small = problem.isSmall(value);
                    if (small && s != CellStatus.PRIMARY) {
                        violations.add(new AuditReport.Violation(List.of(id), "cell " + id + " has the small count "
                                + value + " but is shown as " + problem.shown(s, value)));
                    } else if (!small && s == CellStatus.PRIMARY) {
                        violations.add(new AuditReport.Violation(List.of(id), "cell " + id + " is shown as < " + t
                                + " but its count " + value + " is not in " + lo + ".." + (t - 1)));
                    } else if (s == CellStatus.SECONDARY && value < t) {
                        violations.add(new AuditReport.Violation(List.of(id), "cell " + id + " is shown as [c] (at least "
                                + t + ") but its count is " + value));
                    }
                    if (s == CellStatus.SECONDARY && problem.neverSecondary(u)) {
                        violations.add(new AuditReport.Violation(List.of(id), "cell " + id
                                + " must be published (must-publish or grand total) but is shown as [c]"));
                    }
                }
                case PRIOR -> status[u] = problem.priorStatus(u);
                case HIDDEN -> status[u] = null;
            }
        }
        if (!violations.isEmpty()) {
            return new AuditReport(List.of(), violations, List.of("bounds not computed: the markers contradict the counts"));
        }

        // 2. the reader's system over the counts not shown
        int[] var = new int[n];
        Arrays.fill(var, -1);
        List<Integer> cellOfList = new ArrayList<>();
        for (int u = 0; u < n; u++) {
            if (status[u] == null || status[u].suppressed()) {
                var[u] = cellOfList.size();
                cellOfList.add(u);
            }
        }
        int m = cellOfList.size();
        long[] lower = new long[m];
        long[] upper = new long[m];
        long[] truth = new long[m];
        boolean[] sensitive = new boolean[m];
        for (int v = 0; v < m; v++) {
            int u = cellOfList.get(v);
            truth[v] = problem.value(u);
            if (status[u] == CellStatus.PRIMARY) {
                lower[v] = lo;
                upper[v] = t - 1;
                sensitive[v] = true;
            } else if (status[u] == CellStatus.SECONDARY) {
                lower[v] = t;
                upper[v] = cap;
            } else {
                lower[v] = 0;
                upper[v] = cap;
                sensitive[v] = problem.isSmall(truth[v]);
            }
        }
        List<long[]> rows = new ArrayList<>();
        List<Long> rhs = new ArrayList<>();
        for (int r = 0; r < problem.relationCount(); r++) {
            long[] row = new long[m];
            long right = 0;
            int total = problem.relationTotal(r);
            boolean any = false;
            if (var[total] >= 0) {
                row[var[total]] = -1;
                any = true;
            } else {
                right += problem.value(total);
            }
            for (int p : problem.relationParts(r)) {
                if (var[p] >= 0) {
                    row[var[p]] = 1;
                    any = true;
                } else {
                    right -= problem.value(p);
                }
            }
            if (any) {
                rows.add(row);
                rhs.add(right);
            }
        }
        long[][] rowArray = rows.toArray(new long[0][]);
        long[] rhsArray = rhs.stream().mapToLong(Long::longValue).toArray();
        // bounds: sum(plus) - sum(minus) >= atLeast, published counts moved to the right
        List<long[]> geRows = new ArrayList<>();
        List<Long> geRhs = new ArrayList<>();
        for (int b = 0; b < problem.boundCount(); b++) {
            long[] row = new long[m];
            long right = problem.boundAtLeast(b);
            boolean any = false;
            for (int p : problem.boundPlus(b)) {
                if (var[p] >= 0) {
                    row[var[p]] = 1;
                    any = true;
                } else {
                    right -= problem.value(p);
                }
            }
            for (int p : problem.boundMinus(b)) {
                if (var[p] >= 0) {
                    row[var[p]] = -1;
                    any = true;
                } else {
                    right += problem.value(p);
                }
            }
            if (any) {
                geRows.add(row);
                geRhs.add(right);
            }
        }
        long[][] geArray = geRows.toArray(new long[0][]);
        long[] geRhsArray = geRhs.stream().mapToLong(Long::longValue).toArray();
        if (m > 0 && !new IntegerProgram(rowArray, rhsArray, geArray, geRhsArray, lower, upper).isFeasible(truth)) {
            throw new IllegalStateException("the true counts do not satisfy the reader's system: model error");
        }

        // The reader's points are the product of the points of each connected component (counts
        // linked by relations or bounds), so bounds, affine hull and derivable sums are computed per
        // component.
        List<Component> components = components(rowArray, rhsArray, geArray, geRhsArray, lower, upper, truth);
        int[] componentOf = new int[m];
        int[] localOf = new int[m];
        for (int c = 0; c < components.size(); c++) {
            int[] vars = components.get(c).vars();
            for (int k = 0; k < vars.length; k++) {
                componentOf[vars[k]] = c;
                localOf[vars[k]] = k;
            }
        }
        List<List<long[]>> points = new ArrayList<>();
        for (Component c : components) {
            points.add(new ArrayList<>(List.of(c.truth())));
        }

        // 3. exact bounds per hidden count, and criterion 1
        List<CellBound> bounds = new ArrayList<>();
        for (int v = 0; v < m; v++) {
            int u = cellOfList.get(v);
            String id = problem.id(u);
            Component comp = components.get(componentOf[v]);
            long[] e = new long[comp.vars().length];
            e[localOf[v]] = 1;
            IntegerProgram.Optimum min = comp.ip().optimise(e, false);
            IntegerProgram.Optimum max = comp.ip().optimise(e, true);
            boolean determined = min.outcome() == IntegerProgram.Outcome.FOUND
                    && max.outcome() == IntegerProgram.Outcome.FOUND;
            if (min.witness() != null) {
                points.get(componentOf[v]).add(min.witness());
            }
            if (max.witness() != null) {
                points.get(componentOf[v]).add(max.witness());
            }
            long low = determined ? min.value() : 0;
            long high = determined ? max.value() : 0;
            if (determined && high >= cap / 2) {
                if (unbounded(comp, localOf[v], cap)) {
                    high = Long.MAX_VALUE;
                } else {
                    notes.add("the maximum of " + id + " reached half the solver's cap " + cap
                            + " without a ray to infinity: it may be an artefact of the cap");
                }
            }
            CellBound.Origin origin = switch (problem.kind(u)) {
                case CURRENT -> CellBound.Origin.CURRENT;
                case PRIOR -> CellBound.Origin.PRIOR;
                case HIDDEN -> CellBound.Origin.NEVER_PUBLISHED;
            };
            long statedLow = status[u] == CellStatus.PRIMARY ? lo : status[u] == CellStatus.SECONDARY ? t : 0;
            long statedHigh = status[u] == CellStatus.PRIMARY ? t - 1 : Long.MAX_VALUE;
            String what = describe(origin, id, status[u], problem, u);
            boolean ok;
            String message;
            if (!determined) {
                ok = false;
                message = what + ": the solver could not determine its bounds";
            } else if (sensitive[v] && status[u] == CellStatus.PRIMARY) {
                ok = low <= lo && high >= t - 1;
                String range = low + ".." + high;
                message = ok ? what + ": a reader can derive only " + range + ", the whole of " + lo + ".." + (t - 1)
                        : what + ": a reader can derive " + range + ", narrower than " + lo + ".." + (t - 1)
                        + " (the count is " + truth[v] + ")";
            } else if (sensitive[v]) {
                ok = high == Long.MAX_VALUE || high - low + 1 >= t - lo;
                String range = low + ".." + (high == Long.MAX_VALUE ? "" : high);
                message = ok ? what + ": a reader can derive " + range + ", at least " + (t - lo) + " values like a < "
                        + t + " marker"
                        : what + ": a reader can derive " + range + ", fewer than the " + (t - lo) + " values of a < " + t
                        + " marker (the count is " + truth[v] + ")";
            } else {
                ok = true;
                message = what + ": a reader can derive " + low + ".." + (high == Long.MAX_VALUE ? "" : high);
            }
            bounds.add(new CellBound(id, origin, status[u], statedLow, statedHigh, low, high, determined, ok, message));
            if (!ok) {
                violations.add(new AuditReport.Violation(List.of(id), message));
            }
        }

        // 4. criterion 2: derivable sums of hidden counts, per component
        int dimension = 0;
        for (int c = 0; c < components.size(); c++) {
            Component comp = components.get(c);
            DerivableSums.Hull hull = DerivableSums.hull(comp.ip(), comp.truth(), points.get(c));
            dimension += hull.directions().rank();
            if (!hull.exact()) {
                notes.add("the solver failed on some affine-hull question; the answer was read as an implied "
                        + "equality (this can only report more derivable sums, never fewer)");
            }
            DerivableSums.SmallSum small = DerivableSums.smallSum(hull.directions(), comp.truth(), t);
            if (small.verdict() == DerivableSums.Verdict.FOUND) {
                List<String> ids = Arrays.stream(small.variables())
                        .mapToObj(k -> problem.id(cellOfList.get(comp.vars()[k]))).toList();
                violations.add(new AuditReport.Violation(ids, "the sum " + String.join(" + ", ids)
                        + " can be derived exactly: it is " + small.sum() + ", between 1 and " + (t - 1)));
            } else if (small.verdict() == DerivableSums.Verdict.UNDECIDED) {
                List<String> ids = Arrays.stream(comp.vars()).mapToObj(k -> problem.id(cellOfList.get(k))).toList();
                violations.add(new AuditReport.Violation(ids, "too many derivable combinations of hidden counts "
                        + "to rule out a small derivable sum exhaustively"));
            }
        }
        if (m > 0) {
            notes.add("affine hull of the reader's points: dimension " + dimension + " of " + m + " hidden counts, "
                    + components.size() + " independent groups");
        }
        return new AuditReport(bounds, violations, notes);
    }

    /**
     * Whether a count has no upper bound: there is an integer direction {@code r >= 0} with
     * {@code rows . r = 0}, {@code inequalities . r >= 0}, {@code r = 0} on counts bounded by a
     * marker, and {@code r > 0} on this one. The truth plus any multiple of {@code r} is then a
     * point of the reader's (uncapped) system.
     * The direction is verified exactly; none found leaves the capped bound in place.
     */
    private static boolean unbounded(Component comp, int local, long cap) {
        IntegerProgram ip = comp.ip();
        int k = comp.vars().length;
        long[] lo = new long[k];
        long[] hi = new long[k];
        for (int j = 0; j < k; j++) {
            hi[j] = ip.upper(j) < cap ? 0 : RAY_ENTRY_MAX; // a marker bounds it: it cannot grow
        }
        long[] zero = new long[ip.rows().length];
        IntegerProgram cone = new IntegerProgram(ip.rows(), zero, ip.atLeastRows(), new long[ip.atLeastRows().length],
                lo, hi);
        long[] e = new long[k];
        e[local] = 1;
        return cone.find(e, 1L, null).found();
    }

    /** Variables linked by rows, with their part of the system. */
    private record Component(int[] vars, IntegerProgram ip, long[] truth) {
    }

    private static List<Component> components(long[][] rows, long[] rhs, long[][] geRows, long[] geRhs, long[] lower,
                                              long[] upper, long[] truth) {
        int m = lower.length;
        int[] parent = new int[m];
        for (int v = 0; v < m; v++) {
            parent[v] = v;
        }
        List<long[]> linking = new ArrayList<>(List.of(rows));
        linking.addAll(List.of(geRows));
        for (long[] row : linking) {
            int first = -1;
            for (int v = 0; v < m; v++) {
                if (row[v] != 0) {
                    if (first < 0) {
                        first = v;
                    } else {
                        int a = root(parent, first);
                        int b = root(parent, v);
                        parent[Math.max(a, b)] = Math.min(a, b);
                    }
                }
            }
        }
        List<Component> out = new ArrayList<>();
        for (int r = 0; r < m; r++) {
            if (root(parent, r) != r) {
                continue;
            }
            final int rootVar = r;
            int[] vars = java.util.stream.IntStream.range(0, m).filter(v -> root(parent, v) == rootVar).toArray();
            List<long[]> rs = new ArrayList<>();
            List<Long> bs = new ArrayList<>();
            restrict(rows, rhs, vars, rs, bs);
            List<long[]> gs = new ArrayList<>();
            List<Long> gb = new ArrayList<>();
            restrict(geRows, geRhs, vars, gs, gb);
            long[] lo = new long[vars.length];
            long[] hi = new long[vars.length];
            long[] tr = new long[vars.length];
            for (int k = 0; k < vars.length; k++) {
                lo[k] = lower[vars[k]];
                hi[k] = upper[vars[k]];
                tr[k] = truth[vars[k]];
            }
            out.add(new Component(vars, new IntegerProgram(rs.toArray(new long[0][]),
                    bs.stream().mapToLong(Long::longValue).toArray(), gs.toArray(new long[0][]),
                    gb.stream().mapToLong(Long::longValue).toArray(), lo, hi), tr));
        }
        return out;
    }

    /** The rows touching a component, in its local numbering. */
    private static void restrict(long[][] rows, long[] rhs, int[] vars, List<long[]> out, List<Long> outRhs) {
        for (int i = 0; i < rows.length; i++) {
            long[] row = rows[i];
            if (Arrays.stream(vars).anyMatch(v -> row[v] != 0)) {
                long[] local = new long[vars.length];
                for (int k = 0; k < vars.length; k++) {
                    local[k] = row[vars[k]];
                }
                out.add(local);
                outRhs.add(rhs[i]);
            }
        }
    }

    private static int root(int[] parent, int v) {
        while (parent[v] != v) {
            v = parent[v];
        }
        return v;
    }

    private static String describe(CellBound.Origin origin, String id, CellStatus status, DisclosureProblem p, int u) {
        return switch (origin) {
            case CURRENT -> "cell " + id + " (shown as " + p.shown(status, p.value(u)) + ")";
            case PRIOR -> "earlier cell " + id + " (shown as " + p.shown(status, p.value(u)) + ")";
            case NEVER_PUBLISHED -> "unpublished count " + id;
        };
    }
}
