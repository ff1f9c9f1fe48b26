package nl.helpline.warehouse.disclosure;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Which sums of hidden counts a reader can work out exactly, decided exactly.
 *
 * <p>Let F be the integer points of a {@link HiddenSystem} (everything a reader cannot rule out).
 * A sum over a set U of hidden cells is derivable exactly iff it is constant on F, iff it is
 * constant on the affine hull aff(F), iff the 0/1 vector of U is orthogonal to the direction space
 * L of aff(F). {@link #hull} computes L: it starts from known points of F (each verified exactly),
 * and while the span of their differences is smaller than what the equality rows allow, it takes a
 * linear functional phi that vanishes on the span but not on the rows' null space and asks the
 * solver for a point of F with phi above or below its value at the true point. A point found
 * (verified) enlarges the span; none found makes {@code phi . x = phi . truth} an implied equality.
 * Each round raises the span's or the equalities' rank, so at most (number of variables) rounds.
 * An implied equality is the only thing taken on the solver's word, and it can only make more sums
 * look derivable: the check stays on the safe side.
 *
 * <p>{@link #smallSum} then looks for a non-empty U, among hidden cells whose count is at most
 * {@code t-1} (a set containing a larger count sums to {@code >= t}), with {@code 1_U} orthogonal to
 * L and a count in {@code 1..t-1}. The 0/1 solutions of {@code D u = 0} (D = a basis of L on those
 * cells) are parametrised by the free columns of D's echelon form; those are enumerated exactly,
 * depth first with pruning: a pivot's value must come out 0 or 1, so a branch whose partial row
 * sums can no longer reach either is cut, and so is one whose counts already exceed {@code t-1}.
 * Beyond {@value #MAX_NODES} branches the answer is "undecided", read as a failure. (A plain
 * enumeration of all 2^free assignments gave up at 20 free columns, which a year after two
 * earlier releases with never-published increments already exceeds.)
 */
final class DerivableSums {

    static final int MAX_NODES = 2_000_000;

    private DerivableSums() {
    }

    /**
     * The direction space of the affine hull.
     *
     * @param newPoints the verified points found by the solver (the known points are not repeated)
     * @param exact     false when a solver failure was read as an implied equality (still safe)
     */
    record Hull(ExactLinearAlgebra.Echelon directions, List<long[]> newPoints, boolean exact, int solverCalls) {
    }

    enum Verdict { NONE, FOUND, UNDECIDED }

    /** A small derivable sum: the variables of U and their (constant) sum. */
    record SmallSum(Verdict verdict, int[] variables, long sum) {
    }

    static Hull hull(IntegerProgram ip, long[] truth, List<long[]> knownPoints) {
        int n = ip.variables();
        List<long[]> points = new ArrayList<>();
        List<BigInteger[]> differences = new ArrayList<>();
        for (long[] q : knownPoints) {
            if (ip.isFeasible(q)) {
                differences.add(difference(q, truth));
            }
        }
        List<BigInteger[]> equalities = new ArrayList<>();
        for (long[] row : ip.rows()) {
            equalities.add(ExactLinearAlgebra.vector(row));
        }
        boolean exact = true;
        int calls = 0;
        ExactLinearAlgebra.Echelon span = ExactLinearAlgebra.reduce(differences, n);
        while (true) {
            ProtectionInterrupted.check();
            List<BigInteger[]> allowed = ExactLinearAlgebra.nullSpace(equalities, n);
            if (allowed.size() == span.rank()) {
                return new Hull(span, points, exact, calls);
            }
            List<BigInteger[]> vanishing = ExactLinearAlgebra.nullSpace(span);
            BigInteger[] phi = null;
            for (BigInteger[] f : vanishing) {
                for (BigInteger[] d : allowed) {
                    if (ExactLinearAlgebra.dot(f, d).signum() != 0) {
                        phi = f;
                        break;
                    }
                }
                if (phi != null) {
                    break;
                }
            }
            if (phi == null) { // cannot happen: span is inside allowed and smaller
                throw new IllegalStateException("affine hull computation lost its invariant");
            }
            long[] c = toLong(phi);
            long[] point = null;
            boolean provedConstant = false;
            if (c != null) {
                long at = IntegerProgram.dot(c, truth);
                calls++;
                IntegerProgram.Search up = ip.find(c, at + 1, null);
                if (up.found()) {
                    point = up.point();
                } else {
                    calls++;
                    IntegerProgram.Search down = ip.find(c, null, at - 1);
                    if (down.found()) {
                        point = down.point();
                    } else {
                        provedConstant = up.outcome() == IntegerProgram.Outcome.INFEASIBLE
                                && down.outcome() == IntegerProgram.Outcome.INFEASIBLE;
                    }
                }
            }
            if (point != null) {
                points.add(point);
                differences.add(difference(point, truth));
                span = ExactLinearAlgebra.reduce(differences, n);
            } else {
                exact &= provedConstant;
                equalities.add(phi);
            }
        }
    }

    static SmallSum smallSum(ExactLinearAlgebra.Echelon directions, long[] truth, long threshold) {
        List<Integer> q = new ArrayList<>();
        for (int v = 0; v < truth.length; v++) {
            if (truth[v] <= threshold - 1) {
                q.add(v);
            }
        }
        if (q.isEmpty()) {
            return new SmallSum(Verdict.NONE, new int[0], 0);
        }
        List<BigInteger[]> restricted = new ArrayList<>();
        for (BigInteger[] d : directions.rows()) {
            BigInteger[] r = new BigInteger[q.size()];
            for (int k = 0; k < q.size(); k++) {
                r[k] = d[q.get(k)];
            }
            restricted.add(r);
        }
        ExactLinearAlgebra.Echelon e = ExactLinearAlgebra.reduce(restricted, q.size());
        boolean[] pivot = new boolean[q.size()];
        for (int p : e.pivots()) {
            pivot[p] = true;
        }
        List<Integer> free = new ArrayList<>();
        for (int k = 0; k < q.size(); k++) {
            if (!pivot[k]) {
                free.add(k);
            }
        }
        if (free.isEmpty()) {
            return new SmallSum(Verdict.NONE, new int[0], 0);
        }
        return new FreeColumnSearch(e, free, q, truth, threshold).run();
    }

    /**
     * Depth-first search over the free columns of the echelon form for a 0/1 vector u with
     * {@code E u = 0} and a count in {@code 1..t-1}. In reduced echelon form a row holds its pivot
     * and free columns only, so {@code u[pivot] = -(sum of row[f] u[f]) / row[pivot]} must be 0 or
     * 1: the partial sum must still be able to reach 0 or {@code -row[pivot]} with the free columns
     * not yet set (their negative and positive entries bound what they can add).
     */
    private static final class FreeColumnSearch {
        private final ExactLinearAlgebra.Echelon e;
        private final int[] order; // free columns, in the order they are set
        private final List<Integer> q;
        private final long[] truth;
        private final long limit;
        private final int rank;
        private final BigInteger[][] coef; // coef[k][d]: row k's entry at free column order[d]
        private final BigInteger[][] negAfter; // sum of negative entries of row k at depths >= d
        private final BigInteger[][] posAfter;
        private final int[] lastDepth; // the depth after which row k is complete (-1: no free entry)
        private final BigInteger[] partial;
        private final int[] u;
        private long nodes;

        FreeColumnSearch(ExactLinearAlgebra.Echelon e, List<Integer> free, List<Integer> q, long[] truth, long threshold) {
            this.e = e;
            this.q = q;
            this.truth = truth;
            this.limit = threshold - 1;
            this.rank = e.rank();
            // columns with a count first: the count limit prunes them soonest
            this.order = free.stream().sorted(java.util.Comparator.<Integer>comparingLong(k -> -truth[q.get(k)])
                    .thenComparingInt(k -> k)).mapToInt(Integer::intValue).toArray();
            int n = order.length;
            coef = new BigInteger[rank][n];
            negAfter = new BigInteger[rank][n + 1];
            posAfter = new BigInteger[rank][n + 1];
            lastDepth = new int[rank];
            for (int k = 0; k < rank; k++) {
                BigInteger[] row = e.rows().get(k);
                lastDepth[k] = -1;
                negAfter[k][n] = BigInteger.ZERO;
                posAfter[k][n] = BigInteger.ZERO;
                for (int d = n - 1; d >= 0; d--) {
                    coef[k][d] = row[order[d]];
                    negAfter[k][d] = negAfter[k][d + 1].add(coef[k][d].min(BigInteger.ZERO));
                    posAfter[k][d] = posAfter[k][d + 1].add(coef[k][d].max(BigInteger.ZERO));
                    if (coef[k][d].signum() != 0 && lastDepth[k] < 0) {
                        lastDepth[k] = d;
                    }
                }
            }
            partial = new BigInteger[rank];
            java.util.Arrays.fill(partial, BigInteger.ZERO);
            u = new int[q.size()];
        }

        SmallSum run() {
            Verdict v = search(0, 0);
            if (v == Verdict.FOUND) {
                long sum = 0;
                List<Integer> members = new ArrayList<>();
                for (int k = 0; k < q.size(); k++) {
                    if (u[k] == 1) {
                        sum += truth[q.get(k)];
                        members.add(q.get(k));
                    }
                }
                return new SmallSum(Verdict.FOUND, members.stream().mapToInt(Integer::intValue).toArray(), sum);
            }
            return new SmallSum(v, new int[0], 0);
        }

        /**
         * Sets the free columns from depth d on. {@code count}: the count of the cells set to 1 so
         * far, free columns and the pivots of rows already complete.
         */
        private Verdict search(int d, long count) {
            if ((nodes & 0x3FF) == 0) {
                ProtectionInterrupted.check();
            }
            if (++nodes > MAX_NODES) {
                return Verdict.UNDECIDED;
            }
            if (d == order.length) {
                for (int k = 0; k < rank; k++) {
                    u[e.pivots()[k]] = partial[k].signum() == 0 ? 0 : 1; // complete rows reach only 0 or -row[p]
                }
                return count >= 1 ? Verdict.FOUND : Verdict.NONE;
            }
            int col = order[d];
            for (int bit = 0; bit <= 1; bit++) {
                long c = count + bit * truth[q.get(col)];
                if (c > limit) {
                    continue;
                }
                if (bit == 1) {
                    shift(d, true);
                }
                boolean reachable = true;
                for (int k = 0; k < rank && reachable; k++) {
                    BigInteger lo = partial[k].add(negAfter[k][d + 1]);
                    BigInteger hi = partial[k].add(posAfter[k][d + 1]);
                    BigInteger one = e.rows().get(k)[e.pivots()[k]].negate();
                    boolean zero = lo.signum() <= 0 && hi.signum() >= 0;
                    boolean unit = lo.compareTo(one) <= 0 && hi.compareTo(one) >= 0;
                    reachable = zero || unit;
                    if (reachable && lastDepth[k] == d && partial[k].signum() != 0) {
                        c += truth[q.get(e.pivots()[k])]; // the row is complete and its pivot is 1
                    }
                }
                Verdict v = reachable && c <= limit ? search(d + 1, c) : Verdict.NONE;
                if (bit == 1) {
                    shift(d, false);
                }
                if (v == Verdict.FOUND) {
                    u[col] = bit;
                    return v;
                }
                if (v == Verdict.UNDECIDED) {
                    return v;
                }
            }
            return Verdict.NONE;
        }

        /** Adds (or takes back) the free column at depth d, set to 1, to every row's partial sum. */
        private void shift(int d, boolean add) {
            for (int k = 0; k < rank; k++) {
                if (coef[k][d].signum() != 0) {
                    partial[k] = add ? partial[k].add(coef[k][d]) : partial[k].subtract(coef[k][d]);
                }
            }
        }
    }

    private static BigInteger[] difference(long[] a, long[] b) {
        BigInteger[] d = new BigInteger[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = BigInteger.valueOf(a[i] - b[i]);
        }
        return d;
    }

    /** The functional as longs, or null if an entry is too large to hand to the solver safely. */
    private static long[] toLong(BigInteger[] phi) {
        long[] c = new long[phi.length];
        BigInteger limit = BigInteger.valueOf(1_000_000);
        for (int i = 0; i < phi.length; i++) {
            if (phi[i].abs().compareTo(limit) > 0) {
                return null;
            }
            c[i] = phi[i].longValue();
        }
        return c;
    }
}
