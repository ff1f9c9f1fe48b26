package nl.helpline.warehouse.disclosure;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A linear inequality a reader knows: {@code sum(plus) - sum(minus) >= atLeast}. Multi-valued
 * tables (phenomena, help questions, additional support: one request may count in several
 * categories) are not additive, but a reader still knows that no category exceeds the table's base
 * ({@link #atMost}) and that the categories together reach the base, since every request has at
 * least one value (a blank counts as UNKNOWN), and exceed it when the report says so
 * ({@link #sumAtLeast}). Such knowledge narrows a {@code < t} marker just as a relation can
 * (base 20, published categories 8 + 5 + 6 and "adds up to more": the fourth is at least 2), so
 * the engine must be told. The problem checks that every bound holds on the values it is given.
 *
 * @param plus    cells counted positively; no repeats
 * @param minus   cells counted negatively; no repeats, none also in {@code plus}
 * @param atLeast the lower bound of {@code sum(plus) - sum(minus)}
 */
public record Bound(List<String> plus, List<String> minus, long atLeast) {

    public Bound {
        plus = List.copyOf(plus);
        minus = List.copyOf(minus);
        if (plus.isEmpty() && minus.isEmpty()) {
            throw new IllegalArgumentException("bound names no cell");
        }
        Set<String> seen = new HashSet<>();
        for (String id : plus) {
            Objects.requireNonNull(id, "cell id");
            if (!seen.add(id)) {
                throw new IllegalArgumentException("bound repeats a cell " + id + ": " + plus);
            }
        }
        Set<String> minusSeen = new HashSet<>();
        for (String id : minus) {
            Objects.requireNonNull(id, "cell id");
            if (!minusSeen.add(id)) {
                throw new IllegalArgumentException("bound repeats a cell " + id + ": " + minus);
            }
            if (seen.contains(id)) {
                throw new IllegalArgumentException("bound counts " + id + " both with plus and minus");
            }
        }
    }

    /** A category of a multi-valued table is at most its base: {@code base - part >= 0}. */
    public static Bound atMost(String part, String base) {
        return new Bound(List.of(base), List.of(part), 0);
    }

    /**
     * The categories of a multi-valued table reach the base plus {@code extra}:
     * {@code sum(parts) - base >= extra}. {@code extra} is 0 when every request has at least one
     * value, 1 when the report's notes say the table adds up to more than its base.
     */
    public static Bound sumAtLeast(List<String> parts, String base, long extra) {
        return new Bound(parts, List.of(base), extra);
    }

    /**
     * Every bound a reader knows of a multi-valued table: each category at most the base, and the
     * categories together at least the base plus {@code extra}.
     */
    public static List<Bound> multiValued(String base, List<String> parts, long extra) {
        List<Bound> out = new ArrayList<>();
        for (String part : parts) {
            out.add(atMost(part, base));
        }
        out.add(sumAtLeast(parts, base, extra));
        return List.copyOf(out);
    }

    /** The cells it names, plus before minus. */
    public List<String> cellIds() {
        List<String> all = new ArrayList<>(plus);
        all.addAll(minus);
        return all;
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(String.join(" + ", plus));
        for (String m : minus) {
            s.append(s.isEmpty() ? "-" : " - ").append(m);
        }
        return s + " >= " + atLeast;
    }
}
