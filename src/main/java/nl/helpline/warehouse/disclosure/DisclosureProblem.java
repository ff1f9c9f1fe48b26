package nl.helpline.warehouse.disclosure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a reader can combine: the cells of the report being protected, the relations between
 * them (within a table, and between linked tables that share margins), the bounds of multi-valued
 * tables ({@link Bound}), and optionally cells of earlier publications and never-published counts
 * linked to them.
 *
 * <p>Immutable. The constructor checks that ids are unique, that relations and bounds name known
 * cells and hold on the given values, and that earlier cells' statuses agree with the threshold.
 *
 * <p>A current cell that is the total of at least one relation between current cells and a part of
 * none is a grand total: it is never chosen for secondary suppression, just like a cell marked
 * must-publish. (Relations to earlier or never-published cells do not count here: a multi-valued
 * year cell linked only to its half-years is no grand total.)
 */
public final class DisclosureProblem {

    /** Where a cell of the problem comes from. */
    enum Kind { CURRENT, PRIOR, HIDDEN }

    private final List<Cell> cells;
    private final List<Relation> relations;
    private final int threshold;
    private final boolean zerosSensitive;
    private final List<PriorCell> priorCells;
    private final List<HiddenCell> hiddenCells;
    private final List<Bound> bounds;

    // The universe: current cells first (in the caller's order), then prior, then hidden cells.
    private final String[] ids;
    private final long[] values;
    private final Kind[] kinds;
    private final CellStatus[] priorStatus;
    private final boolean[] neverSecondary;
    private final int[] relationTotal;
    private final int[][] relationParts;
    private final int[][] boundPlus;
    private final int[][] boundMinus;
    private final long[] boundAtLeast;
    private final Map<String, Integer> indexOf;

    public DisclosureProblem(List<Cell> cells, List<Relation> relations, int threshold, boolean zerosSensitive,
                             List<PriorCell> priorCells, List<HiddenCell> hiddenCells) {
        this(cells, relations, threshold, zerosSensitive, priorCells, hiddenCells, List.of());
    }

    /** A problem with bounds (inequalities a reader knows, see {@link Bound}) as well as relations. */
    public DisclosureProblem(List<Cell> cells, List<Relation> relations, int threshold, boolean zerosSensitive,
                             List<PriorCell> priorCells, List<HiddenCell> hiddenCells, List<Bound> bounds) {
        this.cells = List.copyOf(cells);
        this.bounds = List.copyOf(bounds);
        this.relations = List.copyOf(relations);
        this.priorCells = List.copyOf(priorCells);
        this.hiddenCells = List.copyOf(hiddenCells);
        this.threshold = threshold;
        this.zerosSensitive = zerosSensitive;
        if (threshold < 3) {
            // with t = 2 the marker "< 2" would itself state the count (1)
            throw new IllegalArgumentException("threshold must be at least 3, was " + threshold);
        }
        if (this.cells.isEmpty()) {
            throw new IllegalArgumentException("a problem needs at least one cell");
        }
        int n = this.cells.size() + this.priorCells.size() + this.hiddenCells.size();
        ids = new String[n];
        values = new long[n];
        kinds = new Kind[n];
        priorStatus = new CellStatus[n];
        indexOf = new HashMap<>();
        int u = 0;
        for (Cell c : this.cells) {
            add(u++, c.id(), c.value(), Kind.CURRENT, null);
        }
        for (PriorCell c : this.priorCells) {
            add(u++, c.id(), c.value(), Kind.PRIOR, c.publishedAs());
            long lo = primaryLow();
            if (c.publishedAs() == CellStatus.PRIMARY && (c.value() < lo || c.value() >= threshold)) {
                throw new IllegalArgumentException("earlier cell " + c.id() + " was published as < " + threshold
                        + " but its count " + c.value() + " is not in " + lo + ".." + (threshold - 1));
            }
            if (c.publishedAs() == CellStatus.SECONDARY && c.value() < threshold) {
                throw new IllegalArgumentException("earlier cell " + c.id() + " was published as [c] but its count "
                        + c.value() + " is below " + threshold);
            }
        }
        for (HiddenCell c : this.hiddenCells) {
            add(u++, c.id(), c.value(), Kind.HIDDEN, null);
        }
        relationTotal = new int[this.relations.size()];
        relationParts = new int[this.relations.size()][];
        boolean[] isTotal = new boolean[n];
        boolean[] isPart = new boolean[n];
        for (int r = 0; r < this.relations.size(); r++) {
            Relation rel = this.relations.get(r);
            relationTotal[r] = index(rel.totalCellId(), rel);
            relationParts[r] = new int[rel.partCellIds().size()];
            long sum = 0;
            boolean current = kinds[relationTotal[r]] == Kind.CURRENT;
            for (int k = 0; k < relationParts[r].length; k++) {
                int p = index(rel.partCellIds().get(k), rel);
                relationParts[r][k] = p;
                current &= kinds[p] == Kind.CURRENT;
                sum = Math.addExact(sum, values[p]);
            }
            if (current) {
                isTotal[relationTotal[r]] = true;
                for (int p : relationParts[r]) {
                    isPart[p] = true;
                }
            }
            if (sum != values[relationTotal[r]]) {
                throw new IllegalArgumentException("relation " + rel + " does not hold: the parts sum to " + sum
                        + ", the total is " + values[relationTotal[r]]);
            }
        }
        boundPlus = new int[this.bounds.size()][];
        boundMinus = new int[this.bounds.size()][];
        boundAtLeast = new long[this.bounds.size()];
        for (int b = 0; b < this.bounds.size(); b++) {
            Bound bound = this.bounds.get(b);
            boundPlus[b] = bound.plus().stream().mapToInt(id -> index(id, bound)).toArray();
            boundMinus[b] = bound.minus().stream().mapToInt(id -> index(id, bound)).toArray();
            boundAtLeast[b] = bound.atLeast();
            long sum = 0;
            for (int p : boundPlus[b]) {
                sum = Math.addExact(sum, values[p]);
            }
            for (int p : boundMinus[b]) {
                sum = Math.subtractExact(sum, values[p]);
            }
            if (sum < bound.atLeast()) {
                throw new IllegalArgumentException("bound " + bound + " does not hold on the counts");
            }
        }
        neverSecondary = new boolean[n];
        for (int i = 0; i < this.cells.size(); i++) {
            neverSecondary[i] = this.cells.get(i).mustPublish() || (isTotal[i] && !isPart[i]);
        }
    }

    /** A problem of one report, without earlier publications. */
    public static DisclosureProblem of(List<Cell> cells, List<Relation> relations, int threshold, boolean zerosSensitive) {
        return new DisclosureProblem(cells, relations, threshold, zerosSensitive, List.of(), List.of());
    }

    /** The same report with earlier publications and the never-published counts that link them. */
    public DisclosureProblem withEarlier(List<PriorCell> prior, List<HiddenCell> hidden, List<Relation> links) {
        List<Relation> all = new ArrayList<>(relations);
        all.addAll(links);
        List<PriorCell> p = new ArrayList<>(priorCells);
        p.addAll(prior);
        List<HiddenCell> h = new ArrayList<>(hiddenCells);
        h.addAll(hidden);
        return new DisclosureProblem(cells, all, threshold, zerosSensitive, p, h, bounds);
    }

    /**
     * The same problem with more bounds (e.g. of its multi-valued tables, now and in earlier
     * publications). Bounds may name current, earlier and never-published cells, so add them after
     * {@link #withEarlier} when they name earlier ones.
     */
    public DisclosureProblem withBounds(List<Bound> more) {
        List<Bound> all = new ArrayList<>(bounds);
        all.addAll(more);
        return new DisclosureProblem(cells, relations, threshold, zerosSensitive, priorCells, hiddenCells, all);
    }

    private void add(int u, String id, long value, Kind kind, CellStatus status) {
        if (indexOf.putIfAbsent(id, u) != null) {
            throw new IllegalArgumentException("cell id " + id + " is used twice");
        }
        ids[u] = id;
        values[u] = value;
        kinds[u] = kind;
        priorStatus[u] = status;
    }

    private int index(String id, Relation rel) {
        Integer i = indexOf.get(id);
        if (i == null) {
            throw new IllegalArgumentException("relation " + rel + " names an unknown cell " + id);
        }
        return i;
    }

    private int index(String id, Bound bound) {
        Integer i = indexOf.get(id);
        if (i == null) {
            throw new IllegalArgumentException("bound " + bound + " names an unknown cell " + id);
        }
        return i;
    }

    public List<Cell> cells() {
        return cells;
    }

    public List<Relation> relations() {
        return relations;
    }

    public List<Bound> bounds() {
        return bounds;
    }

    public int threshold() {
        return threshold;
    }

    public boolean zerosSensitive() {
        return zerosSensitive;
    }

    public List<PriorCell> priorCells() {
        return priorCells;
    }

    public List<HiddenCell> hiddenCells() {
        return hiddenCells;
    }

    /** The primary rule: {@code PRIMARY} for a small count, else {@code PUBLISHED}. */
    public CellStatus primaryStatus(long value) {
        return isSmall(value) ? CellStatus.PRIMARY : CellStatus.PUBLISHED;
    }

    /** Whether a count is sensitive: {@code 1..t-1}, or {@code 0..t-1} when zeros are sensitive. */
    public boolean isSmall(long value) {
        return value >= primaryLow() && value < threshold;
    }

    /** The lowest count a {@code < t} marker stands for: 0 when zeros are sensitive, else 1. */
    public long primaryLow() {
        return zerosSensitive ? 0 : 1;
    }

    /** Whether the engine may suppress this current cell as {@code [c]}. */
    public boolean isSecondaryCandidate(String cellId) {
        Integer u = indexOf.get(cellId);
        return u != null && u < cells.size() && isCandidate(u);
    }

    /** What a reader sees for a current cell under a status: the count, {@code < t} or {@code [c]}. */
    public String shown(CellStatus status, long value) {
        return switch (status) {
            case PUBLISHED -> Long.toString(value);
            case PRIMARY -> "< " + threshold;
            case SECONDARY -> "[c]";
        };
    }

    // ---- package-private index, used by the search and the audit ----

    int size() {
        return ids.length;
    }

    int currentCount() {
        return cells.size();
    }

    String id(int u) {
        return ids[u];
    }

    long value(int u) {
        return values[u];
    }

    Kind kind(int u) {
        return kinds[u];
    }

    CellStatus priorStatus(int u) {
        return priorStatus[u];
    }

    Integer indexOf(String id) {
        return indexOf.get(id);
    }

    int relationCount() {
        return relationTotal.length;
    }

    int relationTotal(int r) {
        return relationTotal[r];
    }

    int[] relationParts(int r) {
        return relationParts[r];
    }

    int boundCount() {
        return boundAtLeast.length;
    }

    /** Universe indices counted positively by bound b. */
    int[] boundPlus(int b) {
        return boundPlus[b];
    }

    /** Universe indices counted negatively by bound b. */
    int[] boundMinus(int b) {
        return boundMinus[b];
    }

    long boundAtLeast(int b) {
        return boundAtLeast[b];
    }

    boolean neverSecondary(int u) {
        return neverSecondary[u];
    }

    /** A current cell that may be shown as {@code [c]}: not small, not zero, not must-publish. */
    boolean isCandidate(int u) {
        return kinds[u] == Kind.CURRENT && values[u] >= threshold && !neverSecondary[u];
    }

    /** The statuses of the current cells by the primary rule alone. */
    CellStatus[] primaryPattern() {
        CellStatus[] s = new CellStatus[cells.size()];
        for (int i = 0; i < s.length; i++) {
            s[i] = primaryStatus(values[i]);
        }
        return s;
    }

    /** Sum of all counts: every true value lies below it, so it serves as the solver's upper bound. */
    long valueSum() {
        return Arrays.stream(values).reduce(0L, Math::addExact);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DisclosureProblem p && threshold == p.threshold && zerosSensitive == p.zerosSensitive
                && cells.equals(p.cells) && relations.equals(p.relations) && priorCells.equals(p.priorCells)
                && hiddenCells.equals(p.hiddenCells) && bounds.equals(p.bounds);
    }

    @Override
    public int hashCode() {
        return Objects.hash(cells, relations, threshold, zerosSensitive, priorCells, hiddenCells, bounds);
    }

    @Override
    public String toString() {
        return "DisclosureProblem[t=" + threshold + ", zerosSensitive=" + zerosSensitive + ", cells=" + cells
                + ", relations=" + relations + ", bounds=" + bounds + ", prior=" + priorCells + ", hidden=" + hiddenCells + "]";
    }
}
