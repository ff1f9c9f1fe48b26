package nl.helpline.warehouse.disclosure;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Exact linear algebra over the rationals, on integer vectors (BigInteger, fraction-free
 * elimination with gcd normalisation). Used to compute spans, null spaces and the affine hull of
 * the integer points a reader cannot tell apart. No floating point anywhere.
 */
final class ExactLinearAlgebra {

    private ExactLinearAlgebra() {
    }

    /**
     * Reduced row echelon form of a set of integer rows: every row has a pivot column (its first
     * non-zero entry, positive), pivot columns are distinct and zero in every other row, and each
     * row is divided by the gcd of its entries. Rows are sorted by pivot column.
     */
    record Echelon(List<BigInteger[]> rows, int[] pivots, int columns) {

        int rank() {
            return rows.size();
        }
    }

    static BigInteger[] vector(long[] v) {
        BigInteger[] b = new BigInteger[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = BigInteger.valueOf(v[i]);
        }
        return b;
    }

    static BigInteger dot(BigInteger[] a, BigInteger[] b) {
        BigInteger s = BigInteger.ZERO;
        for (int i = 0; i < a.length; i++) {
            if (a[i].signum() != 0 && b[i].signum() != 0) {
                s = s.add(a[i].multiply(b[i]));
            }
        }
        return s;
    }

    static boolean isZero(BigInteger[] v) {
        for (BigInteger x : v) {
            if (x.signum() != 0) {
                return false;
            }
        }
        return true;
    }

    static Echelon reduce(List<BigInteger[]> input, int columns) {
        List<BigInteger[]> rows = new ArrayList<>();
        List<Integer> pivots = new ArrayList<>();
        for (BigInteger[] in : input) {
            if (in.length != columns) {
                throw new IllegalArgumentException("row of length " + in.length + ", expected " + columns);
            }
            BigInteger[] r = in.clone();
            for (int k = 0; k < rows.size(); k++) {
                r = eliminate(r, rows.get(k), pivots.get(k));
            }
            int c = firstNonZero(r);
            if (c < 0) {
                continue;
            }
            r = normalise(r, c);
            for (int k = 0; k < rows.size(); k++) {
                rows.set(k, normalise(eliminate(rows.get(k), r, c), pivots.get(k)));
            }
            rows.add(r);
            pivots.add(c);
        }
        List<Integer> order = new ArrayList<>();
        for (int k = 0; k < rows.size(); k++) {
            order.add(k);
        }
        order.sort(Comparator.comparingInt(pivots::get));
        List<BigInteger[]> sorted = new ArrayList<>();
        int[] piv = new int[rows.size()];
        for (int k = 0; k < order.size(); k++) {
            sorted.add(rows.get(order.get(k)));
            piv[k] = pivots.get(order.get(k));
        }
        return new Echelon(sorted, piv, columns);
    }

    /** A basis of {@code { x : row . x = 0 for every row }}, as integer vectors. */
    static List<BigInteger[]> nullSpace(List<BigInteger[]> rows, int columns) {
        return nullSpace(reduce(rows, columns));
    }

    static List<BigInteger[]> nullSpace(Echelon e) {
        int n = e.columns();
        boolean[] isPivot = new boolean[n];
        BigInteger lcm = BigInteger.ONE;
        for (int k = 0; k < e.rank(); k++) {
            isPivot[e.pivots()[k]] = true;
            BigInteger p = e.rows().get(k)[e.pivots()[k]];
            lcm = lcm.divide(lcm.gcd(p)).multiply(p);
        }
        List<BigInteger[]> basis = new ArrayList<>();
        for (int f = 0; f < n; f++) {
            if (isPivot[f]) {
                continue;
            }
            BigInteger[] v = zeros(n);
            v[f] = lcm;
            for (int k = 0; k < e.rank(); k++) {
                BigInteger[] row = e.rows().get(k);
                int p = e.pivots()[k];
                v[p] = row[f].negate().multiply(lcm).divide(row[p]);
            }
            basis.add(normalise(v, f));
        }
        return basis;
    }

    /** Whether {@code v} lies in the span of the echelon rows. */
    static boolean inSpan(Echelon e, BigInteger[] v) {
        BigInteger[] r = v.clone();
        for (int k = 0; k < e.rank(); k++) {
            r = eliminate(r, e.rows().get(k), e.pivots()[k]);
        }
        return isZero(r);
    }

    static BigInteger[] zeros(int n) {
        BigInteger[] v = new BigInteger[n];
        java.util.Arrays.fill(v, BigInteger.ZERO);
        return v;
    }

    /** {@code r} with column {@code c} eliminated using {@code pivotRow} (pivot at {@code c}). */
    private static BigInteger[] eliminate(BigInteger[] r, BigInteger[] pivotRow, int c) {
        if (r[c].signum() == 0) {
            return r;
        }
        BigInteger a = pivotRow[c];
        BigInteger b = r[c];
        BigInteger g = a.gcd(b);
        BigInteger fa = a.divide(g);
        BigInteger fb = b.divide(g);
        BigInteger[] out = new BigInteger[r.length];
        for (int i = 0; i < r.length; i++) {
            out[i] = r[i].multiply(fa).subtract(pivotRow[i].multiply(fb));
        }
        return out;
    }

    private static int firstNonZero(BigInteger[] r) {
        for (int i = 0; i < r.length; i++) {
            if (r[i].signum() != 0) {
                return i;
            }
        }
        return -1;
    }

    /** Divides by the gcd and makes entry {@code signColumn} positive (if non-zero). */
    private static BigInteger[] normalise(BigInteger[] r, int signColumn) {
        BigInteger g = BigInteger.ZERO;
        for (BigInteger x : r) {
            g = g.gcd(x);
        }
        if (g.signum() == 0) {
            return r;
        }
        if (r[signColumn].signum() < 0) {
            g = g.negate();
        }
        if (g.equals(BigInteger.ONE)) {
            return r;
        }
        BigInteger[] out = new BigInteger[r.length];
        for (int i = 0; i < r.length; i++) {
            out[i] = r[i].divide(g);
        }
        return out;
    }
}
