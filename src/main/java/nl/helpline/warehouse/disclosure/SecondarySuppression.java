package nl.helpline.warehouse.disclosure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Secondary suppression: chooses which cells to show as {@code [c]} so that no small count can be
 * worked out from everything published (see {@link DisclosureAudit} for the criterion).
 *
 * <h2>What is chosen</h2>
 * Only current cells with a count {@code >= t} that are not must-publish and not a grand total are
 * candidates: a {@code [c]} marker tells the reader the count is {@code >= t}, so hiding a zero or
 * a small count as {@code [c]} would be a lie. The result minimises, in this order: the number of
 * secondary cells, the sum of their counts, and then the list of their positions in the problem's
 * cell order (lexicographically). Same input, same pattern.
 *
 * <h2>How (exact on the problems it finishes)</h2>
 * <p>Protection is monotone: suppressing one more cell only adds points a reader cannot rule out,
 * so ranges only widen and fewer sums stay derivable. So if suppressing every candidate does not
 * protect, nothing does ({@link UnprotectableException}; checked once the search has run a few
 * dozen evaluations without success, since that check solves one large system). A best-first (A*)
 * search over sets S of secondary cells finds the cheapest protecting set; if its tree is
 * exhausted without one, no protecting set exists either. The search tree partitions the
 * supersets: a node (S, forbidden) branches on a <em>cut</em> c1..ck, candidates of which every
 * acceptable superset contains one; child i adds ci and forbids c1..c(i-1). Cuts:
 * <ul>
 *   <li>a relation in which exactly one cell is hidden determines that cell. If it is a sensitive
 *       cell, any protecting superset must hide another member of the relation. If it is a
 *       secondary cell of S, then in any superset where it stays alone it is exactly known, hence
 *       useless, and dropping it gives a cheaper protecting set; so an optimal superset hides
 *       another member. Cut: the relation's published candidates.</li>
 *   <li>otherwise the integer check runs. If a sensitive cell fails (a {@code < t} cell cannot reach
 *       both ends of {@code lo..t-1}, a small never-published count has too narrow a range, or a
 *       small sum is derivable), look at K, the cells hidden and linked to it
 *       through relations or bounds. The reader's knowledge of K depends only on K and the
 *       published cells next to it; a superset that hides none of those neighbours leaves K's
 *       system unchanged and fails the same way. Cut: the published candidates sharing a relation
 *       or a bound with K.</li>
 * </ul>
 * <p>Bounds ({@link Bound}) enter the integer check as inequality rows and link their cells into
 * one component like relations do. Every argument above holds with them: bounds only remove
 * points, so a relation with one hidden cell still determines it (and a secondary cell so
 * determined is still useless); the neighbourhood cut holds because the neighbourhood includes the
 * cells sharing a bound; suppressing a cell still only adds points (monotonicity); a cached point
 * satisfies every relation and bound, so it stays valid wherever its values fit the markers; and
 * the shortcut for the derivable-sum criterion rests only on ranges, which are computed with the
 * bounds. No cut is taken from a bound alone (it never determines a cell; the integer check sees
 * what it narrows). So the search stays exact and its pattern passes the audit with bounds without
 * a repair loop; {@code BoundsTest} compares it with exhaustive enumeration.
 * <p>The priority is the cost so far plus an admissible estimate: the singleton cuts of the node
 * that are pairwise disjoint each need a different extra cell, at least the cheapest of its cut.
 * Popped in order of that bound, the first protecting node has the least cost; the search then
 * empties every node of equal bound and keeps the lexicographically first of the equally cheap
 * protecting sets, so the tie-break does not depend on search order.
 *
 * <p>A node budget (node expansions, not time, to stay deterministic) bounds the exact search;
 * past it a greedy pass takes the cheapest cell of each cut until protected (or, if stuck, starts
 * from every candidate) and then drops every cell that is not needed (largest first). Such a
 * pattern says {@code provenOptimal = false}. Measured on random 41-cell reports with 11 small
 * cells on average, 1 in 1000 needed the fallback with the default budget.
 *
 * <h2>The integer check used here</h2>
 * For each {@code < t} cell (current or earlier) the search asks the solver for an integer point of
 * the reader's system with the cell at {@code lo} and one with it at {@code t-1}, on the cell's
 * connected component only; for a small never-published count, for a point {@code t-lo-1} above
 * the least or below the greatest value known, and only when there is none for its exact minimum
 * and maximum.
 * Points found are verified exactly and cached (as full vectors): a point a reader cannot rule out
 * under S stays one under any superset, so most later questions are answered from the cache. The
 * derivable-sum criterion is checked only where it can fail: a derivable sum in 1..t-1 with every
 * range reaching t-1 needs a hidden cell of count at most t-1 that may be 0 (see
 * {@link HiddenSystem#sumCriterionNeeded()}). This check is a different code path from
 * {@link DisclosureAudit}, which re-derives exact bounds for every hidden cell from scratch; the
 * caller must audit the returned pattern before publishing.
 */
public final class SecondarySuppression {

    /** Default bound on node expansions of the exact search (under a second on 50-cell reports). */
    public static final int DEFAULT_NODE_BUDGET = 10_000;

    /**
     * A pattern with the search's figures.
     *
     * @param evaluations nodes whose protection was evaluated
     * @param solverCalls integer programs handed to the solver
     */
    public record Result(SuppressionPattern pattern, int evaluations, int solverCalls, long nanos) {
    }

    private SecondarySuppression() {
    }

    /** The cheapest protecting pattern (see the class comment). */
    public static SuppressionPattern protect(DisclosureProblem problem) {
        return search(problem, DEFAULT_NODE_BUDGET).pattern();
    }

    /**
     * @throws UnprotectableException when even suppressing every candidate leaves a small count
     *                                derivable; it carries the audit of that maximal pattern
     */
    public static Result search(DisclosureProblem problem, int nodeBudget) {
        long start = System.nanoTime();
        Search s = new Search(problem);
        BitSet all = new BitSet();
        for (int c : s.candidates) {
            all.set(c);
        }
        Outcome outcome = s.astar(nodeBudget, all);
        BitSet best = outcome.set();
        if (outcome.kind() == Outcome.Kind.BUDGET_SPENT) {
            best = s.evaluate(all).passed() ? s.greedy(all) : null;
        }
        if (best == null) {
            throw new UnprotectableException(DisclosureAudit.audit(problem, s.pattern(all, false)));
        }
        return new Result(s.pattern(best, outcome.kind() == Outcome.Kind.FOUND), s.evaluations, s.solverCalls,
                System.nanoTime() - start);
    }

    /** How the exact search ended; {@code set} is the optimum when FOUND. */
    private record Outcome(Kind kind, BitSet set) {

        enum Kind { FOUND, UNPROTECTABLE, BUDGET_SPENT }
    }

    /** Evaluations after which the search checks once whether suppressing every candidate would do. */
    private static final int MAXIMAL_CHECK_AFTER = 32;

    /** One node's verdict: protected, or a cut of candidates (before removing forbidden ones). */
    private record Verdict(boolean passed, int[] cut, boolean singleton) {
    }

    private record Node(BitSet set, BitSet forbidden, int count, long sum, int hCount, long hSum, int[] key) {

        int fCount() {
            return count + hCount;
        }

        long fSum() {
            return sum + hSum;
        }
    }

    private static final Comparator<int[]> LEXICOGRAPHIC = Arrays::compare;

    private static final Comparator<Node> PRIORITY = Comparator.comparingInt(Node::fCount)
            .thenComparingLong(Node::fSum)
            .thenComparing(Comparator.comparingInt(Node::count).reversed())
            .thenComparing(Node::key, LEXICOGRAPHIC);

    private static final class Search {
        final DisclosureProblem problem;
        final int[] candidates;
        final CellStatus[] base;
        final int[][] relationMembers;
        /** Members of each relation, then of each bound: what links a cell to its neighbours. */
        final int[][] linkMembers;
        final List<List<Integer>> linksOf;
        final List<long[]> witnesses = new ArrayList<>();
        final Map<BitSet, Verdict> memo = new HashMap<>();
        int evaluations;
        int solverCalls;

        Search(DisclosureProblem problem) {
            this.problem = problem;
            this.base = problem.primaryPattern();
            List<Integer> c = new ArrayList<>();
            for (int u = 0; u < problem.currentCount(); u++) {
                if (problem.isCandidate(u)) {
                    c.add(u);
                }
            }
            candidates = c.stream().mapToInt(Integer::intValue).toArray();
            relationMembers = new int[problem.relationCount()][];
            linkMembers = new int[problem.relationCount() + problem.boundCount()][];
            linksOf = new ArrayList<>();
            for (int u = 0; u < problem.size(); u++) {
                linksOf.add(new ArrayList<>());
            }
            for (int r = 0; r < problem.relationCount(); r++) {
                int[] parts = problem.relationParts(r);
                int[] m = new int[parts.length + 1];
                m[0] = problem.relationTotal(r);
                System.arraycopy(parts, 0, m, 1, parts.length);
                relationMembers[r] = m;
                linkMembers[r] = m;
            }
            for (int b = 0; b < problem.boundCount(); b++) {
                linkMembers[problem.relationCount() + b] = java.util.stream.IntStream
                        .concat(Arrays.stream(problem.boundPlus(b)), Arrays.stream(problem.boundMinus(b))).toArray();
            }
            for (int l = 0; l < linkMembers.length; l++) {
                for (int u : linkMembers[l]) {
                    linksOf.get(u).add(l);
                }
            }
        }

        CellStatus[] statuses(BitSet set) {
            CellStatus[] s = base.clone();
            set.stream().forEach(u -> s[u] = CellStatus.SECONDARY);
            return s;
        }

        SuppressionPattern pattern(BitSet set, boolean optimal) {
            CellStatus[] s = statuses(set);
            Map<String, CellStatus> map = new LinkedHashMap<>();
            for (int u = 0; u < s.length; u++) {
                map.put(problem.id(u), s[u]);
            }
            return SuppressionPattern.of(problem, map, optimal);
        }

        boolean hidden(int u, BitSet set) {
            return switch (problem.kind(u)) {
                case CURRENT -> base[u] == CellStatus.PRIMARY || set.get(u);
                case PRIOR -> problem.priorStatus(u).suppressed();
                case HIDDEN -> true;
            };
        }

        boolean sensitive(int u, BitSet set) {
            return switch (problem.kind(u)) {
                case CURRENT -> base[u] == CellStatus.PRIMARY;
                case PRIOR -> problem.priorStatus(u) == CellStatus.PRIMARY;
                case HIDDEN -> problem.isSmall(problem.value(u));
            };
        }

        /**
         * Cuts from relations with a single hidden cell: a sensitive one (any protecting superset
         * hides another member) and, when {@code dominance}, a secondary one of the set (any
         * optimal superset hides another member).
         */
        List<int[]> singletonCuts(BitSet set, boolean dominance) {
            List<int[]> cuts = new ArrayList<>();
            for (int[] members : relationMembers) {
                int alone = -1;
                int count = 0;
                for (int u : members) {
                    if (hidden(u, set)) {
                        count++;
                        alone = u;
                    }
                }
                if (count == 1 && (sensitive(alone, set) || (dominance && set.get(alone)))) {
                    cuts.add(Arrays.stream(members).filter(problem::isCandidate).toArray());
                }
            }
            return cuts;
        }

        /** The smallest dominance-or-sensitive singleton cut, or null. */
        int[] smallestSingletonCut(BitSet set) {
            return singletonCuts(set, true).stream().min(Comparator.comparingInt(a -> a.length)).orElse(null);
        }

        Verdict evaluate(BitSet set) {
            Verdict memoised = memo.get(set);
            if (memoised != null) {
                return memoised;
            }
            evaluations++;
            Verdict v = evaluateFresh(set);
            memo.put((BitSet) set.clone(), v);
            return v;
        }

        private Verdict evaluateFresh(BitSet set) {
            List<int[]> singles = singletonCuts(set, false);
            if (!singles.isEmpty()) {
                int[] smallest = singles.stream().min(Comparator.comparingInt(a -> a.length)).orElseThrow();
                return new Verdict(false, smallest, true);
            }
            HiddenSystem sys = HiddenSystem.of(problem, statuses(set));
            long lo = problem.primaryLow();
            long hi = problem.threshold() - 1L;
            Map<Integer, IntegerProgram> programs = new HashMap<>();
            for (int v = 0; v < sys.variables(); v++) {
                if (!sys.sensitive[v]) {
                    continue;
                }
                boolean marked = sys.markedSmall[v]; // shown as < t: both ends of lo..t-1 must be reachable
                int comp = sys.component[v];
                int[] vars = sys.variablesOf(comp);
                int local = Arrays.binarySearch(vars, v);
                long[] c = new long[vars.length];
                c[local] = 1;
                if (marked) {
                    for (int side = 0; side < 2; side++) {
                        if (cachedWithin(sys, v, side == 0 ? null : hi, side == 0 ? lo : null)) {
                            continue;
                        }
                        IntegerProgram ip = programs.computeIfAbsent(comp, k -> sys.program(vars));
                        solverCalls++;
                        IntegerProgram.Search found = side == 0 ? ip.find(c, null, lo) : ip.find(c, hi, null);
                        if (!found.found()) {
                            return new Verdict(false, neighbours(sys, comp, set), false);
                        }
                        remember(sys, vars, found.point());
                    }
                } else { // never published: at least t - lo values
                    long need = hi - lo; // max - min >= need
                    long[] seen = cachedRange(sys, v);
                    if (seen[1] - seen[0] >= need) {
                        continue;
                    }
                    IntegerProgram ip = programs.computeIfAbsent(comp, k -> sys.program(vars));
                    // a point need beyond a known value proves the range without an objective
                    if (seen[0] + need <= sys.upper[v]) {
                        solverCalls++;
                        IntegerProgram.Search up = ip.find(c, seen[0] + need, null);
                        if (up.found()) {
                            remember(sys, vars, up.point());
                            continue;
                        }
                    }
                    IntegerProgram.Search down = seen[1] - need >= sys.lower[v] ? ip.find(c, null, seen[1] - need)
                            : new IntegerProgram.Search(IntegerProgram.Outcome.INFEASIBLE, null);
                    solverCalls += seen[1] - need >= sys.lower[v] ? 1 : 0;
                    if (down.found()) {
                        remember(sys, vars, down.point());
                        continue;
                    }
                    solverCalls += 2;
                    IntegerProgram.Optimum min = ip.optimise(c, false);
                    IntegerProgram.Optimum max = ip.optimise(c, true);
                    if (min.witness() != null) {
                        remember(sys, vars, min.witness());
                    }
                    if (max.witness() != null) {
                        remember(sys, vars, max.witness());
                    }
                    if (min.outcome() != IntegerProgram.Outcome.FOUND || max.outcome() != IntegerProgram.Outcome.FOUND
                            || max.value() - min.value() < need) {
                        return new Verdict(false, neighbours(sys, comp, set), false);
                    }
                }
            }
            if (sys.sumCriterionNeeded()) {
                for (int comp = 0; comp < sys.components; comp++) {
                    int[] vars = sys.variablesOf(comp);
                    if (!mayHoldSmallSum(sys, vars)) {
                        continue;
                    }
                    IntegerProgram ip = programs.computeIfAbsent(comp, k -> sys.program(vars));
                    long[] truth = new long[vars.length];
                    for (int k = 0; k < vars.length; k++) {
                        truth[k] = sys.truth[vars[k]];
                    }
                    List<long[]> known = new ArrayList<>();
                    for (long[] w : witnesses) {
                        long[] local = new long[vars.length];
                        for (int k = 0; k < vars.length; k++) {
                            local[k] = w[sys.cellOf[vars[k]]];
                        }
                        known.add(local);
                    }
                    DerivableSums.Hull hull = DerivableSums.hull(ip, truth, known);
                    solverCalls += hull.solverCalls();
                    for (long[] p : hull.newPoints()) {
                        remember(sys, vars, p);
                    }
                    DerivableSums.SmallSum small = DerivableSums.smallSum(hull.directions(), truth, problem.threshold());
                    if (small.verdict() != DerivableSums.Verdict.NONE) {
                        return new Verdict(false, neighbours(sys, comp, set), false);
                    }
                }
            }
            return new Verdict(true, new int[0], false);
        }

        private boolean mayHoldSmallSum(HiddenSystem sys, int[] vars) {
            for (int v : vars) {
                if (sys.lower[v] == 0 && sys.truth[v] <= problem.threshold() - 1L) {
                    return true;
                }
            }
            return false;
        }

        /** Whether a cached point, valid under this system, puts variable v within [atLeast, atMost]. */
        private boolean cachedWithin(HiddenSystem sys, int v, Long atLeast, Long atMost) {
            int cell = sys.cellOf[v];
            for (long[] w : witnesses) {
                long x = w[cell];
                if ((atLeast != null && x < atLeast) || (atMost != null && x > atMost)) {
                    continue;
                }
                if (valid(sys, w)) {
                    return true;
                }
            }
            return false;
        }

        /** The smallest and largest value of variable v over the cached points valid under this system. */
        private long[] cachedRange(HiddenSystem sys, int v) {
            int cell = sys.cellOf[v];
            long[] range = {problem.value(cell), problem.value(cell)};
            for (long[] w : witnesses) {
                long x = w[cell];
                if ((x < range[0] || x > range[1]) && valid(sys, w)) {
                    range[0] = Math.min(range[0], x);
                    range[1] = Math.max(range[1], x);
                }
            }
            return range;
        }

        private boolean valid(HiddenSystem sys, long[] w) {
            for (int u = 0; u < w.length; u++) {
                int v = sys.varOf[u];
                if (v < 0) {
                    if (w[u] != problem.value(u)) {
                        return false;
                    }
                } else if (w[u] < sys.lower[v] || w[u] > sys.upper[v]) {
                    return false;
                }
            }
            return true;
        }

        private void remember(HiddenSystem sys, int[] vars, long[] point) {
            long[] w = new long[problem.size()];
            for (int u = 0; u < w.length; u++) {
                w[u] = problem.value(u);
            }
            for (int k = 0; k < vars.length; k++) {
                w[sys.cellOf[vars[k]]] = point[k];
            }
            witnesses.add(w);
        }

        /**
         * Published candidates sharing a relation or a bound with a cell of the component: the
         * component's system is built from exactly those rows, so a superset hiding none of them
         * leaves it unchanged.
         */
        private int[] neighbours(HiddenSystem sys, int comp, BitSet set) {
            BitSet out = new BitSet();
            for (int v : sys.variablesOf(comp)) {
                for (int r : linksOf.get(sys.cellOf[v])) {
                    for (int u : linkMembers[r]) {
                        if (problem.isCandidate(u) && !set.get(u)) {
                            out.set(u);
                        }
                    }
                }
            }
            return out.stream().toArray();
        }

        /**
         * The exact search. UNPROTECTABLE when the tree is exhausted without a protecting set (the
         * tree holds every optimal set, so none exists), or when a slow search finds that even
         * suppressing every candidate does not protect (by monotonicity, then nothing does).
         */
        Outcome astar(int budget, BitSet all) {
            PriorityQueue<Node> queue = new PriorityQueue<>(PRIORITY);
            Node root = node(new BitSet(), new BitSet(), 0, 0);
            if (root == null) { // a sensitive cell alone in a relation with no candidate beside it
                return new Outcome(Outcome.Kind.UNPROTECTABLE, null);
            }
            queue.add(root);
            Node bestGoal = null;
            int expanded = 0;
            while (!queue.isEmpty()) {
                ProtectionInterrupted.check();
                Node n = queue.poll();
                if (bestGoal != null && (n.fCount() > bestGoal.count()
                        || (n.fCount() == bestGoal.count() && n.fSum() > bestGoal.sum()))) {
                    break;
                }
                if (++expanded > budget) {
                    return new Outcome(Outcome.Kind.BUDGET_SPENT, null);
                }
                if (expanded == MAXIMAL_CHECK_AFTER && bestGoal == null && !evaluate(all).passed()) {
                    return new Outcome(Outcome.Kind.UNPROTECTABLE, null);
                }
                int[] single = smallestSingletonCut(n.set());
                Verdict v = single != null ? new Verdict(false, single, true) : evaluate(n.set());
                if (v.passed()) {
                    if (bestGoal == null || LEXICOGRAPHIC.compare(n.key(), bestGoal.key()) < 0) {
                        bestGoal = n;
                    }
                    continue;
                }
                int[] cut = Arrays.stream(v.cut())
                        .filter(u -> !n.forbidden().get(u) && !n.set().get(u))
                        .boxed()
                        .sorted(Comparator.<Integer>comparingLong(problem::value).thenComparingInt(u -> u))
                        .mapToInt(Integer::intValue)
                        .toArray();
                BitSet forbidden = (BitSet) n.forbidden().clone();
                for (int c : cut) {
                    BitSet child = (BitSet) n.set().clone();
                    child.set(c);
                    Node next = node(child, (BitSet) forbidden.clone(), n.count() + 1, n.sum() + problem.value(c));
                    if (next != null) {
                        queue.add(next);
                    }
                    forbidden.set(c);
                }
            }
            return bestGoal == null ? new Outcome(Outcome.Kind.UNPROTECTABLE, null)
                    : new Outcome(Outcome.Kind.FOUND, bestGoal.set());
        }

        /** A node with its admissible estimate, or null when a singleton cut is already empty. */
        private Node node(BitSet set, BitSet forbidden, int count, long sum) {
            List<int[]> cuts = new ArrayList<>();
            for (int[] cut : singletonCuts(set, true)) {
                int[] live = Arrays.stream(cut).filter(u -> !forbidden.get(u) && !set.get(u)).toArray();
                if (live.length == 0) {
                    return null;
                }
                cuts.add(live);
            }
            cuts.sort(Comparator.<int[]>comparingInt(a -> a.length).thenComparing(LEXICOGRAPHIC));
            BitSet used = new BitSet();
            int hCount = 0;
            long hSum = 0;
            for (int[] cut : cuts) {
                if (Arrays.stream(cut).noneMatch(used::get)) {
                    hCount++;
                    hSum += Arrays.stream(cut).mapToLong(problem::value).min().orElseThrow();
                    Arrays.stream(cut).forEach(used::set);
                }
            }
            return new Node(set, forbidden, count, sum, hCount, hSum, set.stream().toArray());
        }

        /** Cheapest cell of each cut until protected, then drop what is not needed. */
        BitSet greedy(BitSet all) {
            BitSet set = new BitSet();
            while (true) {
                ProtectionInterrupted.check();
                Verdict v = evaluate(set);
                if (v.passed()) {
                    break;
                }
                int pick = Arrays.stream(v.cut()).filter(u -> !set.get(u)).boxed()
                        .min(Comparator.<Integer>comparingLong(problem::value).thenComparingInt(u -> u))
                        .orElse(-1);
                if (pick < 0) {
                    set.clear();
                    set.or(all);
                    break;
                }
                set.set(pick);
            }
            List<Integer> members = set.stream().boxed()
                    .sorted(Comparator.<Integer>comparingLong(problem::value).reversed().thenComparingInt(u -> u))
                    .toList();
            for (int u : members) {
                set.clear(u);
                if (!evaluate(set).passed()) {
                    set.set(u);
                }
            }
            return set;
        }
    }
}
