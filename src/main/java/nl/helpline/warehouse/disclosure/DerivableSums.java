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
 * cells) are parametrised by the free columns of D's echelon form; those are enumerated exactly
 * (at most 2^20 assignments; beyond that the answer is "undecided", read as a failure).
 */
final class DerivableSums {

    private static final int MAX_FREE = 20;

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
        if (free.size() > MAX_FREE) {
            return new SmallSum(Verdict.UNDECIDED, new int[0], 0);
        }
        int[] u = new int[q.size()];
        for (long mask = 1; mask < (1L << free.size()); mask++) {
            java.util.Arrays.fill(u, 0);
            for (int b = 0; b < free.size(); b++) {
                if ((mask >> b & 1) == 1) {
                    u[free.get(b)] = 1;
                }
            }
            boolean binary = true;
            for (int k = 0; k < e.rank() && binary; k++) {
                BigInteger[] row = e.rows().get(k);
                int p = e.pivots()[k];
                BigInteger s = BigInteger.ZERO;
                for (int f : free) {
                    if (u[f] == 1) {
                        s = s.add(row[f]);
                    }
                }
                // row[p] * u[p] + s = 0
                BigInteger[] qr = s.negate().divideAndRemainder(row[p]);
                if (qr[1].signum() != 0 || qr[0].signum() < 0 || qr[0].compareTo(BigInteger.ONE) > 0) {
                    binary = false;
                } else {
                    u[p] = qr[0].intValue();
                }
            }
            if (!binary) {
                continue;
            }
            long sum = 0;
            List<Integer> members = new ArrayList<>();
            for (int k = 0; k < q.size(); k++) {
                if (u[k] == 1) {
                    sum += truth[q.get(k)];
                    members.add(q.get(k));
                }
            }
            if (sum >= 1 && sum <= threshold - 1) {
                return new SmallSum(Verdict.FOUND, members.stream().mapToInt(Integer::intValue).toArray(), sum);
            }
        }
        return new SmallSum(Verdict.NONE, new int[0], 0);
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
