package nl.helpline.warehouse.disclosure;

import java.math.BigDecimal;
import java.util.Optional;

import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;
import org.ojalgo.optimisation.integer.IntegerStrategy;

/**
 * A pure integer feasibility system {@code rows . x = rhs, atLeastRows . x >= atLeast,
 * lower <= x <= upper, x integer} (the inequalities come from {@link Bound}s), solved
 * with ojAlgo's branch and bound, with every answer the caller relies on checked exactly.
 *
 * <p>Trust model: a point the solver returns is rounded and verified in exact integer arithmetic;
 * a point that fails verification is never used ({@link Outcome#SOLVER_FAILED}). So "a point
 * exists" is always proved. Only "no point exists" ({@link Outcome#INFEASIBLE}) rests on the
 * solver; both the search and the audit read that answer in the safe direction (more
 * suppression, or a failed audit), never as proof that a cell is protected.
 */
final class IntegerProgram {

    enum Outcome { FOUND, INFEASIBLE, SOLVER_FAILED }

    /** A solver answer: a verified point, or why there is none. */
    record Search(Outcome outcome, long[] point) {

        boolean found() {
            return outcome == Outcome.FOUND;
        }
    }

    /** An exact optimum of a linear objective with a verified witness, or why there is none. */
    record Optimum(Outcome outcome, long value, long[] witness) {
    }

    /**
     * Serial branch and bound, without Gomory mixed-integer cuts: with ojAlgo 56.1.0's default GMI
     * cuts the solver answered "infeasible" for feasible systems (3 in 1500 random small systems with
     * coefficients beyond 0/±1, see IntegerProgramTest); without them it agreed with enumeration on
     * every case tried. A fractionality threshold of 0.5 (the largest ojAlgo accepts) leaves no
     * variable fractional enough to cut on.
     */
    private static final IntegerStrategy SERIAL = IntegerStrategy.DEFAULT.withParallelism(() -> 1)
            .withGMICutConfiguration(new IntegerStrategy.GMICutConfiguration().withFractionality(0.5));
    private static final int MAX_IMPROVEMENTS = 64;

    private static final long[][] NO_ROWS = new long[0][];

    private final long[][] rows;
    private final long[] rhs;
    private final long[][] atLeastRows;
    private final long[] atLeast;
    private final long[] lower;
    private final long[] upper;

    IntegerProgram(long[][] rows, long[] rhs, long[] lower, long[] upper) {
        this(rows, rhs, NO_ROWS, new long[0], lower, upper);
    }

    IntegerProgram(long[][] rows, long[] rhs, long[][] atLeastRows, long[] atLeast, long[] lower, long[] upper) {
        if (rows.length != rhs.length || atLeastRows.length != atLeast.length) {
            throw new IllegalArgumentException("rows and right-hand sides differ in number");
        }
        this.rows = rows;
        this.rhs = rhs;
        this.atLeastRows = atLeastRows;
        this.atLeast = atLeast;
        this.lower = lower;
        this.upper = upper;
        for (int j = 0; j < lower.length; j++) {
            if (lower[j] > upper[j]) {
                throw new IllegalArgumentException("empty domain for variable " + j);
            }
        }
    }

    int variables() {
        return lower.length;
    }

    long[][] rows() {
        return rows;
    }

    long[] rhs() {
        return rhs;
    }

    /** The inequality rows: {@code atLeastRows()[r] . x >= atLeast()[r]}. */
    long[][] atLeastRows() {
        return atLeastRows;
    }

    long[] atLeast() {
        return atLeast;
    }

    long lower(int j) {
        return lower[j];
    }

    long upper(int j) {
        return upper[j];
    }

    /** Exact check of a point against every row, inequality and bound. */
    boolean isFeasible(long[] x) {
        if (x.length != lower.length) {
            return false;
        }
        for (int j = 0; j < x.length; j++) {
            if (x[j] < lower[j] || x[j] > upper[j]) {
                return false;
            }
        }
        for (int r = 0; r < rows.length; r++) {
            long s = 0;
            for (int j = 0; j < x.length; j++) {
                s = Math.addExact(s, Math.multiplyExact(rows[r][j], x[j]));
            }
            if (s != rhs[r]) {
                return false;
            }
        }
        for (int r = 0; r < atLeastRows.length; r++) {
            if (dot(atLeastRows[r], x) < atLeast[r]) {
                return false;
            }
        }
        return true;
    }

    /**
     * An integer point with {@code lo <= c . x <= hi} ({@code c} null: any point; {@code lo} or
     * {@code hi} null: unbounded on that side).
     */
    Search find(long[] c, Long lo, Long hi) {
        ExpressionsBasedModel model = model();
        if (c != null) {
            Expression e = model.addExpression("extra");
            for (int j = 0; j < c.length; j++) {
                if (c[j] != 0) {
                    e.set(j, c[j]);
                }
            }
            if (lo != null) {
                e.lower(lo);
            }
            if (hi != null) {
                e.upper(hi);
            }
        }
        return interpret(model.minimise(), c, lo, hi);
    }

    /**
     * The exact integer optimum of {@code c . x}. The solver's optimum is confirmed by asking for a
     * strictly better point; if one is found (verified), the search goes on from it.
     */
    Optimum optimise(long[] c, boolean maximise) {
        ExpressionsBasedModel model = model();
        Expression objective = model.addExpression("objective").weight(1);
        for (int j = 0; j < c.length; j++) {
            if (c[j] != 0) {
                objective.set(j, c[j]);
            }
        }
        Search first = interpret(maximise ? model.maximise() : model.minimise(), null, null, null);
        if (!first.found()) {
            return new Optimum(first.outcome(), 0, null);
        }
        long[] best = first.point();
        long value = dot(c, best);
        for (int i = 0; i < MAX_IMPROVEMENTS; i++) {
            Search better = maximise ? find(c, value + 1, null) : find(c, null, value - 1);
            if (better.outcome() == Outcome.INFEASIBLE) {
                return new Optimum(Outcome.FOUND, value, best);
            }
            if (!better.found()) {
                return new Optimum(better.outcome(), 0, null);
            }
            best = better.point();
            value = dot(c, best);
        }
        return new Optimum(Outcome.SOLVER_FAILED, 0, null);
    }

    static long dot(long[] c, long[] x) {
        long s = 0;
        for (int j = 0; j < c.length; j++) {
            s = Math.addExact(s, Math.multiplyExact(c[j], x[j]));
        }
        return s;
    }

    private ExpressionsBasedModel model() {
        ProtectionInterrupted.check();
        ExpressionsBasedModel model = new ExpressionsBasedModel();
        model.options.integer(SERIAL);
        for (int j = 0; j < lower.length; j++) {
            Variable v = model.addVariable("x" + j).integer(true);
            v.lower(BigDecimal.valueOf(lower[j]));
            v.upper(BigDecimal.valueOf(upper[j]));
        }
        for (int r = 0; r < rows.length; r++) {
            Expression e = model.addExpression("r" + r).level(BigDecimal.valueOf(rhs[r]));
            for (int j = 0; j < rows[r].length; j++) {
                if (rows[r][j] != 0) {
                    e.set(j, rows[r][j]);
                }
            }
        }
        for (int r = 0; r < atLeastRows.length; r++) {
            Expression e = model.addExpression("g" + r).lower(BigDecimal.valueOf(atLeast[r]));
            for (int j = 0; j < atLeastRows[r].length; j++) {
                if (atLeastRows[r][j] != 0) {
                    e.set(j, atLeastRows[r][j]);
                }
            }
        }
        return model;
    }

    private Search interpret(Optimisation.Result result, long[] c, Long lo, Long hi) {
        Optimisation.State state = result.getState();
        if (state == Optimisation.State.INFEASIBLE) {
            return new Search(Outcome.INFEASIBLE, null);
        }
        if (!state.isFeasible()) {
            return new Search(Outcome.SOLVER_FAILED, null);
        }
        Optional<long[]> point = round(result);
        if (point.isEmpty() || !isFeasible(point.get())) {
            return new Search(Outcome.SOLVER_FAILED, null);
        }
        if (c != null) {
            long v = dot(c, point.get());
            if ((lo != null && v < lo) || (hi != null && v > hi)) {
                return new Search(Outcome.SOLVER_FAILED, null);
            }
        }
        return new Search(Outcome.FOUND, point.get());
    }

    private Optional<long[]> round(Optimisation.Result result) {
        if (result.size() < lower.length) {
            return Optional.empty();
        }
        long[] x = new long[lower.length];
        for (int j = 0; j < x.length; j++) {
            double d = result.doubleValue(j);
            if (!Double.isFinite(d)) {
                return Optional.empty();
            }
            x[j] = Math.round(d);
        }
        return Optional.of(x);
    }
}
