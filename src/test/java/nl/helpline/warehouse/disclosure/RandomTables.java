package nl.helpline.warehouse.disclosure;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random linked tables for the property tests: a grand total, two or three tables summing to it
 * (requester, first contact, follow-up), a sub-table summing to one category of the first
 * (work domain of PROFESSIONAL), sometimes an unlinked multi-valued table, sometimes an earlier
 * half-year with the second half never published.
 */
final class RandomTables {

    private RandomTables() {
    }

    /** Realistic sizes: totals 15..200, 2..6 categories, skewed so small counts are common. */
    static DisclosureProblem realistic(long seed) {
        Random rnd = new Random(seed);
        int t = rnd.nextInt(4) == 0 ? 3 : 5;
        boolean zeros = rnd.nextInt(4) == 0;
        long total = 15 + rnd.nextInt(186);
        List<Cell> cells = new ArrayList<>();
        List<Relation> relations = new ArrayList<>();
        cells.add(Cell.of("T", total));
        int tables = 2 + rnd.nextInt(2);
        String firstCategory = null;
        long firstValue = 0;
        for (int k = 0; k < tables; k++) {
            long[] parts = split(rnd, total, 2 + rnd.nextInt(4));
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < parts.length; i++) {
                String id = "t" + k + "." + i;
                boolean must = rnd.nextInt(25) == 0;
                cells.add(new Cell(id, parts[i], must));
                ids.add(id);
            }
            relations.add(new Relation("T", ids));
            if (k == 0) {
                firstCategory = ids.get(0);
                firstValue = parts[0];
            }
        }
        if (firstValue > 0 && rnd.nextInt(3) > 0) {
            long[] parts = split(rnd, firstValue, 2 + rnd.nextInt(4));
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < parts.length; i++) {
                String id = "sub." + i;
                cells.add(Cell.of(id, parts[i]));
                ids.add(id);
            }
            relations.add(new Relation(firstCategory, ids));
        }
        if (rnd.nextInt(3) == 0) { // a multi-valued table: no relation
            for (int i = 0; i < 3; i++) {
                cells.add(Cell.of("multi." + i, rnd.nextInt(3) == 0 ? rnd.nextInt(t) : rnd.nextInt((int) total + 1)));
            }
        }
        return DisclosureProblem.of(cells, relations, t, zeros);
    }

    /**
     * A larger report for the stress benchmark: a total of 20..120 over 6..8 linked tables of 3..7
     * categories (two of them sub-tables of a category), about 45..60 cells and many small counts.
     */
    static DisclosureProblem stress(long seed) {
        Random rnd = new Random(seed);
        long total = 20 + rnd.nextInt(101);
        List<Cell> cells = new ArrayList<>();
        List<Relation> relations = new ArrayList<>();
        cells.add(Cell.of("T", total));
        int tables = 5 + rnd.nextInt(3);
        List<String> firsts = new ArrayList<>();
        List<Long> firstValues = new ArrayList<>();
        for (int k = 0; k < tables; k++) {
            long[] parts = split(rnd, total, 4 + rnd.nextInt(5));
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < parts.length; i++) {
                ids.add("t" + k + "." + i);
                cells.add(Cell.of("t" + k + "." + i, parts[i]));
            }
            relations.add(new Relation("T", ids));
            firsts.add(ids.get(0));
            firstValues.add(parts[0]);
        }
        for (int k = 0; k < 2; k++) {
            long v = firstValues.get(k);
            if (v < 10) {
                continue;
            }
            long[] parts = split(rnd, v, 3 + rnd.nextInt(5));
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < parts.length; i++) {
                ids.add("s" + k + "." + i);
                cells.add(Cell.of("s" + k + "." + i, parts[i]));
            }
            relations.add(new Relation(firsts.get(k), ids));
        }
        return DisclosureProblem.of(cells, relations, 5, false);
    }

    /**
     * Tiny problems for the brute-force comparisons: a total up to {@code maxTotal}, one or two
     * tables of 2..3 cells, an optional sub-table, an optional earlier half (prior + never published).
     */
    static DisclosureProblem tiny(long seed, int maxTotal) {
        Random rnd = new Random(seed);
        int t = rnd.nextBoolean() ? 3 : 4;
        boolean zeros = rnd.nextInt(3) == 0;
        long total = 3 + rnd.nextInt(maxTotal - 2);
        List<Cell> cells = new ArrayList<>();
        List<Relation> relations = new ArrayList<>();
        cells.add(Cell.of("T", total));
        int tables = 1 + rnd.nextInt(2);
        String first = null;
        long firstValue = 0;
        for (int k = 0; k < tables; k++) {
            long[] parts = split(rnd, total, 2 + rnd.nextInt(2));
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < parts.length; i++) {
                ids.add("t" + k + "." + i);
                cells.add(Cell.of("t" + k + "." + i, parts[i]));
            }
            relations.add(new Relation("T", ids));
            if (k == 0) {
                first = ids.get(0);
                firstValue = parts[0];
            }
        }
        if (firstValue > 0 && rnd.nextBoolean()) {
            long[] parts = split(rnd, firstValue, 2);
            cells.add(Cell.of("s.0", parts[0]));
            cells.add(Cell.of("s.1", parts[1]));
            relations.add(Relation.of(first, "s.0", "s.1"));
        }
        DisclosureProblem p = DisclosureProblem.of(cells, relations, t, zeros);
        if (rnd.nextInt(3) == 0) { // the current table is a year; its first half was published before
            long h1Total = rnd.nextInt((int) total + 1);
            long[] h1 = new long[2];
            long[] year = {cells.get(1).value(), cells.get(2).value()};
            // split each of the first two year cells (the first table's) into H1 + H2
            h1[0] = Math.min(year[0], rnd.nextInt((int) h1Total + 1));
            h1[1] = Math.min(year[1], h1Total - h1[0]);
            h1Total = h1[0] + h1[1];
            if (relations.get(0).partCellIds().size() != 2) {
                return p;
            }
            List<PriorCell> prior = new ArrayList<>();
            prior.add(new PriorCell("H1.T", h1Total, status(rnd, h1Total, t, zeros)));
            prior.add(new PriorCell("H1.0", h1[0], status(rnd, h1[0], t, zeros)));
            prior.add(new PriorCell("H1.1", h1[1], status(rnd, h1[1], t, zeros)));
            List<HiddenCell> hidden = List.of(new HiddenCell("H2.T", total - h1Total),
                    new HiddenCell("H2.0", year[0] - h1[0]), new HiddenCell("H2.1", year[1] - h1[1]));
            List<Relation> links = List.of(Relation.of("H1.T", "H1.0", "H1.1"), Relation.of("H2.T", "H2.0", "H2.1"),
                    Relation.of("T", "H1.T", "H2.T"), Relation.of("t0.0", "H1.0", "H2.0"), Relation.of("t0.1", "H1.1", "H2.1"));
            return p.withEarlier(prior, hidden, links);
        }
        return p;
    }

    /**
     * A year report whose first half-year was published before (protected by the engine itself),
     * the second half never published: {@code year.x = H1.x + H2.x} for every cell.
     */
    static DisclosureProblem realisticYear(long seed) {
        Random rnd = new Random(seed);
        int t = 5;
        boolean zeros = rnd.nextInt(4) == 0;
        int tables = 2 + rnd.nextInt(2);
        int[] sizes = new int[tables];
        for (int k = 0; k < tables; k++) {
            sizes[k] = 2 + rnd.nextInt(4);
        }
        int sub = rnd.nextBoolean() ? 2 + rnd.nextInt(3) : 0;
        List<String> ids = new ArrayList<>();
        List<Relation> relations = new ArrayList<>();
        ids.add("T");
        for (int k = 0; k < tables; k++) {
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < sizes[k]; i++) {
                parts.add("t" + k + "." + i);
            }
            ids.addAll(parts);
            relations.add(new Relation("T", parts));
        }
        if (sub > 0) {
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < sub; i++) {
                parts.add("sub." + i);
            }
            ids.addAll(parts);
            relations.add(new Relation("t0.0", parts));
        }
        long[] h1 = half(rnd, 10 + rnd.nextInt(90), tables, sizes, sub);
        long[] h2 = half(rnd, 10 + rnd.nextInt(90), tables, sizes, sub);
        List<Cell> h1Cells = new ArrayList<>();
        List<Cell> yearCells = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            h1Cells.add(Cell.of(ids.get(i), h1[i]));
            yearCells.add(Cell.of(ids.get(i), h1[i] + h2[i]));
        }
        DisclosureProblem year = DisclosureProblem.of(yearCells, relations, t, zeros);
        SuppressionPattern h1Pattern;
        try {
            h1Pattern = SecondarySuppression.protect(DisclosureProblem.of(h1Cells, relations, t, zeros));
        } catch (UnprotectableException e) {
            return year; // H1 could not have been published as such
        }
        List<PriorCell> prior = new ArrayList<>();
        List<HiddenCell> hidden = new ArrayList<>();
        List<Relation> links = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            prior.add(new PriorCell("H1/" + id, h1[i], h1Pattern.status(id)));
            hidden.add(new HiddenCell("H2/" + id, h2[i]));
            links.add(Relation.of(id, "H1/" + id, "H2/" + id));
        }
        for (Relation r : relations) {
            for (String half : List.of("H1/", "H2/")) {
                links.add(new Relation(half + r.totalCellId(), r.partCellIds().stream().map(x -> half + x).toList()));
            }
        }
        return year.withEarlier(prior, hidden, links);
    }

    /**
     * Counts of a multi-valued table: each of {@code base} requests picks a non-empty set of the
     * {@code k} categories (mostly one), as phenomena or help questions do.
     */
    static long[] multiValued(Random rnd, long base, int k) {
        long[] counts = new long[k];
        for (long r = 0; r < base; r++) {
            int first = (int) Math.min(k - 1, (long) (k * Math.pow(rnd.nextDouble(), 1.8)));
            counts[first]++;
            for (int c = 0; c < k; c++) {
                if (c != first && rnd.nextInt(6) == 0) {
                    counts[c]++;
                }
            }
        }
        return counts;
    }

    /**
     * {@link #tiny} plus a multi-valued table of 2..3 categories over the total or the first
     * category, with its bounds (each category at most the base, together at least the base, or
     * the base + 1 when they add up to more and the notes say so). When the tiny problem has an
     * earlier half and the base is the total, the table's halves are linked too: H1 published
     * before (with its bounds over H1.T), H2 never published (bounds over H2.T).
     */
    static DisclosureProblem tinyWithBounds(long seed, int maxTotal) {
        DisclosureProblem p = tiny(seed, maxTotal);
        Random rnd = new Random(seed * 7919 + 13);
        List<Cell> cells = new ArrayList<>(p.cells());
        List<Relation> relations = new ArrayList<>(p.relations());
        List<PriorCell> prior = new ArrayList<>(p.priorCells());
        List<HiddenCell> hidden = new ArrayList<>(p.hiddenCells());
        List<Bound> bounds = new ArrayList<>();
        boolean earlier = !p.priorCells().isEmpty();
        Cell base = earlier || rnd.nextInt(3) > 0 ? cells.get(0) : cells.get(1);
        int k = earlier ? 2 : 2 + rnd.nextInt(2);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            ids.add("m." + i);
        }
        long[] counts;
        if (earlier) {
            long h1Total = prior.get(0).value();
            long h2Total = hidden.get(0).value();
            long[] h1 = multiValued(rnd, h1Total, k);
            long[] h2 = multiValued(rnd, h2Total, k);
            counts = new long[k];
            List<String> h1Ids = new ArrayList<>();
            List<String> h2Ids = new ArrayList<>();
            for (int i = 0; i < k; i++) {
                counts[i] = h1[i] + h2[i];
                prior.add(new PriorCell("H1.m." + i, h1[i], status(rnd, h1[i], p.threshold(), p.zerosSensitive())));
                hidden.add(new HiddenCell("H2.m." + i, h2[i]));
                relations.add(Relation.of(ids.get(i), "H1.m." + i, "H2.m." + i));
                h1Ids.add("H1.m." + i);
                h2Ids.add("H2.m." + i);
            }
            bounds.addAll(Bound.multiValued("H1.T", h1Ids, extra(rnd, h1, h1Total)));
            bounds.addAll(Bound.multiValued("H2.T", h2Ids, extra(rnd, h2, h2Total)));
        } else {
            counts = multiValued(rnd, base.value(), k);
        }
        for (int i = 0; i < k; i++) {
            cells.add(Cell.of(ids.get(i), counts[i]));
        }
        bounds.addAll(Bound.multiValued(base.id(), ids, extra(rnd, counts, base.value())));
        return new DisclosureProblem(cells, relations, p.threshold(), p.zerosSensitive(), prior, hidden, bounds);
    }

    /** 1 (the notes say "adds up to more") when the counts exceed the base, mostly; else 0. */
    private static long extra(Random rnd, long[] counts, long base) {
        long sum = 0;
        for (long c : counts) {
            sum += c;
        }
        return sum > base && rnd.nextInt(4) > 0 ? 1 : 0;
    }

    /**
     * {@link #realistic} with up to three multi-valued tables (phenomena-like, over the total or
     * over the first category) and their bounds instead of an unlinked one.
     */
    static DisclosureProblem realisticWithBounds(long seed) {
        DisclosureProblem p = realistic(seed);
        Random rnd = new Random(seed * 104_729 + 5);
        List<Cell> cells = new ArrayList<>();
        for (Cell c : p.cells()) {
            if (!c.id().startsWith("multi.")) {
                cells.add(c);
            }
        }
        List<Bound> bounds = new ArrayList<>();
        int tables = 1 + rnd.nextInt(3);
        for (int m = 0; m < tables; m++) {
            Cell base = m == 1 ? cells.get(1) : cells.get(0);
            int k = 2 + rnd.nextInt(5);
            long[] counts = multiValued(rnd, base.value(), k);
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < k; i++) {
                ids.add("mv" + m + "." + i);
                cells.add(Cell.of("mv" + m + "." + i, counts[i]));
            }
            bounds.addAll(Bound.multiValued(base.id(), ids, extra(rnd, counts, base.value())));
        }
        return new DisclosureProblem(cells, p.relations(), p.threshold(), p.zerosSensitive(), List.of(), List.of(), bounds);
    }

    /** Values for T, the tables' cells and the sub-table, in id order. */
    private static long[] half(Random rnd, long total, int tables, int[] sizes, int sub) {
        List<Long> v = new ArrayList<>();
        v.add(total);
        long first = 0;
        for (int k = 0; k < tables; k++) {
            long[] parts = split(rnd, total, sizes[k]);
            if (k == 0) {
                first = parts[0];
            }
            for (long x : parts) {
                v.add(x);
            }
        }
        if (sub > 0) {
            for (long x : split(rnd, first, sub)) {
                v.add(x);
            }
        }
        return v.stream().mapToLong(Long::longValue).toArray();
    }

    /** A status an earlier publication could have given: small is < t, else published or [c]. */
    private static CellStatus status(Random rnd, long value, int t, boolean zeros) {
        long lo = zeros ? 0 : 1;
        if (value >= lo && value < t) {
            return CellStatus.PRIMARY;
        }
        return value >= t && rnd.nextInt(3) == 0 ? CellStatus.SECONDARY : CellStatus.PUBLISHED;
    }

    /** A random composition of {@code total} into {@code k} parts, skewed (small parts common). */
    static long[] split(Random rnd, long total, int k) {
        double[] w = new double[k];
        double sum = 0;
        for (int i = 0; i < k; i++) {
            w[i] = Math.pow(rnd.nextDouble(), 2.5) + 1e-9;
            sum += w[i];
        }
        long[] parts = new long[k];
        long used = 0;
        for (int i = 0; i < k - 1; i++) {
            parts[i] = Math.min(total - used, Math.round(total * w[i] / sum));
            used += parts[i];
        }
        parts[k - 1] = total - used;
        return parts;
    }
}
