package nl.helpline.warehouse.release;

import java.math.BigDecimal;
import java.sql.Array;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import com.google.ortools.Loader;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.IntVar;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The reader who keeps EVERYTHING that was released: every definition, period and version. Written
 * apart from the engine (nothing of package disclosure or release is used for the model): it reads
 * the register (report.release*) with plain SQL and solves an integer program of its own with
 * Google OR-Tools CP-SAT (the engine uses ojAlgo).
 *
 * <p>The model. Requests fall into the finest partition all releases induce: a <em>piece</em> is the
 * set of requests whose record (request_key + record_sha) is in exactly the same set of releases.
 * That covers periods (H1 and H2 are two pieces of the year), definitions with different
 * populations (chat only in one), and versions (requests added, withdrawn or moved between versions
 * of a period fall into pieces of their own: a moved request's old record is in the old version
 * only, its new record in the new one only). A record says what a request is in the words of the
 * dimensions ({@code requester_type.PROFESSIONAL, phenomenon.LEFT_WING, …}); a release's cell
 * {@code table.CATEGORY} counts the members whose record holds {@code dimension.CATEGORY} and every
 * cell its table requires (its <em>feature</em>, shared by the tables of all definitions that count
 * the same). Variables {@code x[piece][feature] >= 0}; every released cell is the sum over the
 * pieces of its release. Within every piece each table relation
 * of each of its releases holds: single-valued tables add up to their base cell; multi-valued ones
 * (phenomenon, help_question, additional_support unless the release says they add up) have every
 * category at most the base and their sum at least the base. A release's multi-valued table that
 * does not add up says so in the notes ("adds up to more"): its sum is at least base + 1. A
 * published percentage bounds the ratio of the cell to its base (rounded to one decimal).
 *
 * <p>What the reader saw: a published cell is its count; {@code < t} ("primary") is lo..t-1 (lo = 0
 * when the release's zeros are sensitive, else 1); {@code [c]} ("secondary") is at least t.
 *
 * <p>The checks use the true counts (release_cell.true_count, and each piece's counts from its
 * members' records) only to evaluate, never as the reader's knowledge:
 * <ul>
 * <li>every primary cell's exact minimum and maximum are lo and t-1 (otherwise: narrowed, or pinned);</li>
 * <li>no {@code [c]} can be only its true count (pinned);</li>
 * <li>no piece count in 1..t-1 (0..t-1 when zeros are sensitive) can be only its true value;</li>
 * <li>no change of a cell between consecutive versions of a period, of size 1..t-1, can be only its
 *     true value (a revision's change counts requests added, withdrawn or moved).</li>
 * </ul>
 * Before any check, the true counts must satisfy every constraint of the model (else the reader or
 * the register is wrong, and a pass would mean nothing): {@link IllegalStateException}. A solve that
 * ends UNKNOWN (time limit) is a finding, never a pass.
 */
public final class ExactReader {

    /** Dimensions whose tables are single-valued: one category per request. */
    static final Set<String> SINGLE_VALUED = Set.of("total", "requester_type", "first_contact", "work_domain", "follow_up");

    /**
     * @param releases only these releases (null: all), e.g. to see what one release alone gives away
     * @param explain  say for each finding which family of the reader's knowledge it needs
     */
    public record Options(double secondsPerSolve, int workers, boolean pieceRanges, boolean versionChanges, Set<Long> releases,
                          boolean explain) {
        public static final Options DEFAULT = new Options(20, 1, true, true, null, true);

        public Options only(Set<Long> ids) {
            return new Options(secondsPerSolve, workers, pieceRanges, versionChanges, ids, explain);
        }
    }

    /**
     * One thing the reader learns that it must not.
     *
     * @param needs the families of knowledge ({@link #FAMILIES}) without any one of which the reader would not learn it
     */
    public record Finding(String kind, String where, String detail, List<String> needs) {
        Finding(String kind, String where, String detail) {
            this(kind, where, detail, List.of());
        }

        @Override
        public String toString() {
            return kind + ": " + where + " " + detail;
        }

        /** With what it needs, for messages. */
        public String explained() {
            return needs.isEmpty() ? toString() : toString() + " (needs: " + String.join(", ", needs) + ")";
        }
    }

    /**
     * @param findings    what must not be learnt (the tests assert none)
     * @param narrowed    piece counts in 1..t-1 whose range is narrower than lo..t-1 but not one value
     *                    (informational: a piece is never published, so any bound on it is the reader's)
     */
    public record Result(List<Finding> findings, List<String> narrowed, int releases, int pieces, int variables,
                         int constraints, int solves, long millis) {
        public String summary() {
            return String.format("%d releases, %d pieces, %d variables, %d constraints: %d solves in %d ms; %d findings, %d narrowed piece counts",
                    releases, pieces, variables, constraints, solves, millis, findings.size(), narrowed.size());
        }
    }

    // ------------------------------------------------------------------ the register as read

    record Release(long id, String label, int threshold, boolean zerosSensitive) {
        long lo() {
            return zerosSensitive ? 0 : 1;
        }
    }

    /**
     * A release's table. Its cell {@code table.CATEGORY} counts the members whose record holds
     * {@code dimension.CATEGORY} and every cell of {@code requires} (V30): that pair is the cell's
     * <em>feature</em>, the same in every release whose table has the same dimension and requires.
     */
    record Table(long releaseId, String tableId, String dimension, List<String> requires, String baseCell, boolean addsUp,
                 List<String> categories) {
        boolean singleValued() {
            return addsUp || SINGLE_VALUED.contains(dimension);
        }

        String cell(String category) {
            return tableId + "." + category;
        }

        String feature(String category) {
            return feature(category, null);
        }

        /** A recoded row (combines: the categories it counts together) is the feature {@code dimension.{A|B}}. */
        String feature(String category, List<String> combines) {
            String counted = combines == null ? category : "{" + String.join("|", new TreeSet<>(combines)) + "}";
            return requires.isEmpty() ? dimension + "." + counted : dimension + "." + counted + requires;
        }
    }

    record CellRow(long releaseId, String cell, String status, Long published, BigDecimal percent, Long baseCount, long truth) {
    }

    /** A linear constraint lo <= sum coef * var <= hi over the reader's variables, of one family of knowledge. */
    record Linear(Map<Integer, Long> terms, long lo, long hi, String why, String family) {
    }

    /** The families of what the reader knows, to say which one a finding needs ({@link Finding#needs}). */
    static final List<String> FAMILIES = List.of("multi-valued bounds", "adds up to more", "percentages", "base shown");

    private static volatile boolean loaded;

    private final Options options;
    private final Map<Long, Release> releases = new LinkedHashMap<>();
    private final Map<Long, List<Table>> tables = new TreeMap<>();
    private final Map<Long, Map<String, CellRow>> cells = new TreeMap<>();
    private final List<SortedSet<Long>> pieces = new ArrayList<>();
    /** Per piece: its instances' records (the cells) and how many instances have each. */
    private final List<Map<List<String>, Long>> pieceRecords = new ArrayList<>();
    /** release id -> its cell 'table.CATEGORY' -> the feature it counts. */
    private final Map<Long, Map<String, String>> features = new TreeMap<>();
    private final List<String> varNames = new ArrayList<>();
    private final List<Long> varTruth = new ArrayList<>();
    private final Map<String, Integer> varIndex = new LinkedHashMap<>();
    private final List<Linear> constraints = new ArrayList<>();
    private final List<long[]> solutions = new ArrayList<>();
    /** Families of constraints left out while explaining a finding; solutions found then are not kept. */
    private Set<String> skip = Set.of();
    private long cap;
    private int solves;

    private ExactReader(Options options) {
        this.options = options;
    }

    public static Result read(JdbcTemplate jdbc) {
        return read(jdbc, Options.DEFAULT);
    }

    public static Result read(JdbcTemplate jdbc, Options options) {
        if (!loaded) {
            Loader.loadNativeLibraries();
            loaded = true;
        }
        long t0 = System.nanoTime();
        ExactReader reader = new ExactReader(options);
        reader.load(jdbc);
        reader.model();
        reader.checkTruth();
        List<Finding> findings = new ArrayList<>();
        List<String> narrowed = new ArrayList<>();
        reader.check(findings, narrowed);
        return new Result(List.copyOf(findings), List.copyOf(narrowed), reader.releases.size(), reader.pieces.size(),
                reader.varNames.size(), reader.constraints.size(), reader.solves, (System.nanoTime() - t0) / 1_000_000);
    }

    private void load(JdbcTemplate jdbc) {
        jdbc.query("SELECT release_id, definition_name, period_label, version, threshold, zeros_sensitive FROM report.release ORDER BY release_id",
                rs -> {
                    long id = rs.getLong(1);
                    if (!wanted(id)) {
                        return;
                    }
                    releases.put(id, new Release(id, rs.getString(2) + " " + rs.getString(3) + " v" + rs.getInt(4),
                            rs.getInt(5), rs.getBoolean(6)));
                });
        Map<String, List<String>> categories = new LinkedHashMap<>();
        Map<String, List<String>> combines = new LinkedHashMap<>();
        jdbc.query("SELECT release_id, table_id, category, status, published_count, published_percent, base_count, true_count, combines "
                + "FROM report.release_cell ORDER BY release_id, table_id, row_order, category", rs -> {
            long id = rs.getLong(1);
            if (!wanted(id)) {
                return;
            }
            String table = rs.getString(2);
            String cell = table + "." + rs.getString(3);
            long published = rs.getLong(5);
            Long publishedCount = rs.wasNull() ? null : published;
            long base = rs.getLong(7);
            Long baseCount = rs.wasNull() ? null : base;
            cells.computeIfAbsent(id, k -> new LinkedHashMap<>())
                    .put(cell, new CellRow(id, cell, rs.getString(4), publishedCount, rs.getBigDecimal(6), baseCount, rs.getLong(8)));
            categories.computeIfAbsent(id + "/" + table, k -> new ArrayList<>()).add(rs.getString(3));
            Array combined = rs.getArray(9);
            if (combined != null) {
                combines.put(id + "/" + cell, List.of((String[]) combined.getArray()));
            }
        });
        jdbc.query("SELECT release_id, table_id, dimension, requires, base_cell, adds_up FROM report.release_table "
                        + "ORDER BY release_id, table_order, table_id", rs -> {
                    long id = rs.getLong(1);
                    if (!wanted(id)) {
                        return;
                    }
                    String table = rs.getString(2);
                    List<String> requires = new ArrayList<>(new TreeSet<>(List.of((String[]) rs.getArray(4).getArray())));
                    Table t = new Table(id, table, rs.getString(3), List.copyOf(requires), rs.getString(5), rs.getBoolean(6),
                            List.copyOf(categories.getOrDefault(id + "/" + table, List.of())));
                    tables.computeIfAbsent(id, k -> new ArrayList<>()).add(t);
                    for (String category : t.categories()) {
                        features.computeIfAbsent(id, k -> new LinkedHashMap<>())
                                .put(t.cell(category), t.feature(category, combines.get(id + "/" + t.cell(category))));
                    }
                });
        // Instances: one request with one record; its membership is the set of releases that counted it so.
        Map<String, SortedSet<Long>> membership = new LinkedHashMap<>();
        Map<String, List<String>> recordCells = new LinkedHashMap<>();
        jdbc.query("SELECT m.release_id, m.request_key, m.record_sha, r.cells FROM report.release_member m "
                + "JOIN report.release_record r ON r.record_sha = m.record_sha ORDER BY m.request_key, m.release_id", rs -> {
            if (!wanted(rs.getLong(1))) {
                return;
            }
            String sha = HexFormat.of().formatHex(rs.getBytes(3));
            String instance = rs.getLong(2) + "/" + sha;
            membership.computeIfAbsent(instance, k -> new TreeSet<>()).add(rs.getLong(1));
            if (!recordCells.containsKey(sha)) {
                Array array = rs.getArray(4);
                recordCells.put(sha, List.of((String[]) array.getArray()));
            }
        });
        Map<SortedSet<Long>, Integer> pieceOf = new LinkedHashMap<>();
        for (var e : membership.entrySet()) {
            int p = pieceOf.computeIfAbsent(e.getValue(), k -> {
                pieces.add(k);
                pieceRecords.add(new LinkedHashMap<>());
                return pieces.size() - 1;
            });
            String sha = e.getKey().substring(e.getKey().indexOf('/') + 1);
            pieceRecords.get(p).merge(recordCells.get(sha), 1L, Long::sum);
        }
        // A bound the reader knows for every count: no piece is larger than the largest release.
        cap = 1;
        for (var rc : cells.values()) {
            for (CellRow c : rc.values()) {
                cap = Math.max(cap, c.published() != null ? c.published() : 0);
                cap = Math.max(cap, c.truth()); // only a bound on the domain, never tight for a reader
            }
        }
        cap = 2 * cap + 10;
    }

    /** The count of a feature in a piece. */
    private boolean wanted(long releaseId) {
        return options.releases() == null || options.releases().contains(releaseId);
    }

    private int var(int piece, String feature) {
        return varIndex.computeIfAbsent(piece + "|" + feature, k -> {
            varNames.add(pieceName(piece) + " " + feature);
            varTruth.add(truth(piece, feature));
            return varNames.size() - 1;
        });
    }

    /** How many of the piece's instances count in the feature: their record holds dimension.CATEGORY and every required cell. */
    private long truth(int piece, String feature) {
        int bracket = feature.indexOf('[');
        String cell = bracket < 0 ? feature : feature.substring(0, bracket);
        List<String> requires = bracket < 0 ? List.of()
                : List.of(feature.substring(bracket + 1, feature.length() - 1).split(", "));
        List<String> any = components(cell);
        long n = 0;
        for (var e : pieceRecords.get(piece).entrySet()) {
            if (e.getKey().containsAll(requires) && any.stream().anyMatch(e.getKey()::contains)) {
                n += e.getValue();
            }
        }
        return n;
    }

    /** {@code dim.{A|B}} is {@code [dim.A, dim.B]}; {@code dim.A} is itself. */
    private static List<String> components(String cell) {
        int brace = cell.indexOf('{');
        if (brace < 0) {
            return List.of(cell);
        }
        String dimension = cell.substring(0, brace);
        return java.util.Arrays.stream(cell.substring(brace + 1, cell.length() - 1).split("\\|")).map(c -> dimension + c).toList();
    }

    /** The feature a release's cell 'table.CATEGORY' counts. */
    private String feature(long releaseId, String cell) {
        String feature = features.getOrDefault(releaseId, Map.of()).get(cell);
        if (feature == null) {
            throw new IllegalStateException(releases.get(releaseId).label() + " has no cell " + cell);
        }
        return feature;
    }

    String pieceName(int piece) {
        List<String> labels = new ArrayList<>();
        for (long r : pieces.get(piece)) {
            labels.add(releases.get(r).label());
        }
        return "piece{" + String.join(", ", labels) + "}";
    }

    /** The released cell as the sum of its pieces' variables. */
    private Map<Integer, Long> releaseCell(long releaseId, String cell) {
        Map<Integer, Long> terms = new TreeMap<>();
        for (int p = 0; p < pieces.size(); p++) {
            if (pieces.get(p).contains(releaseId)) {
                terms.merge(var(p, feature(releaseId, cell)), 1L, Long::sum);
            }
        }
        return terms;
    }

    private void model() {
        // Every piece's variables exist for every cell of each of its releases.
        for (int p = 0; p < pieces.size(); p++) {
            for (long r : pieces.get(p)) {
                for (String cell : cells.getOrDefault(r, Map.of()).keySet()) {
                    var(p, feature(r, cell));
                }
            }
        }
        // What was shown.
        for (var rc : cells.entrySet()) {
            Release release = releases.get(rc.getKey());
            for (CellRow c : rc.getValue().values()) {
                Map<Integer, Long> x = releaseCell(release.id(), c.cell());
                String where = release.label() + " " + c.cell();
                switch (c.status()) {
                    case "published" -> constraints.add(new Linear(x, c.published(), c.published(), where + " published", "shown"));
                    case "primary" -> constraints.add(new Linear(x, release.lo(), release.threshold() - 1, where + " < t", "shown"));
                    case "secondary" -> constraints.add(new Linear(x, release.threshold(), Long.MAX_VALUE / 4, where + " [c]", "shown"));
                    default -> throw new IllegalStateException("unknown status " + c.status() + " of " + where);
                }
            }
        }
        // Table relations, within every piece, per release table (a release with fewer categories,
        // e.g. one that excludes chat, says its categories alone add up in the pieces it counts).
        Set<String> seen = new LinkedHashSet<>();
        for (int p = 0; p < pieces.size(); p++) {
            for (long r : pieces.get(p)) {
                for (Table table : tables.getOrDefault(r, List.of())) {
                    if (table.baseCell() == null || table.baseCell().startsWith(table.tableId() + ".")
                            || table.categories().isEmpty()) {
                        continue; // the total table: its base is itself
                    }
                    List<String> counted = table.categories().stream().map(c -> feature(r, table.cell(c))).toList();
                    String baseFeature = feature(r, table.baseCell());
                    String key = p + "|" + counted + "|" + baseFeature + "|" + table.singleValued();
                    if (!seen.add(key)) {
                        continue;
                    }
                    int base = var(p, baseFeature);
                    Map<Integer, Long> sum = new TreeMap<>();
                    for (String feature : counted) {
                        sum.merge(var(p, feature), 1L, Long::sum);
                    }
                    String where = pieceName(p) + " table " + table.tableId();
                    sum.merge(base, -1L, Long::sum);
                    if (table.singleValued()) {
                        constraints.add(new Linear(sum, 0, 0, where + " adds up to " + table.baseCell(), "adds up"));
                    } else {
                        constraints.add(new Linear(sum, 0, Long.MAX_VALUE / 4, where + " sums to at least " + table.baseCell(), "multi-valued bounds"));
                        for (String feature : counted) {
                            Map<Integer, Long> le = new TreeMap<>();
                            le.put(var(p, feature), 1L);
                            le.merge(base, -1L, Long::sum);
                            constraints.add(new Linear(le, -Long.MAX_VALUE / 4, 0, where + " " + feature + " at most its base", "multi-valued bounds"));
                        }
                    }
                }
            }
            // No cell counts more requests than the piece has.
            String total = null;
            for (long r : pieces.get(p)) {
                for (Table table : tables.getOrDefault(r, List.of())) {
                    if (table.dimension().equals("total") && table.requires().isEmpty() && table.categories().size() == 1) {
                        total = table.feature(table.categories().get(0));
                    }
                }
            }
            if (total != null) {
                int t = var(p, total);
                for (var e : List.copyOf(varIndex.entrySet())) {
                    if (e.getKey().startsWith(p + "|") && e.getValue() != t) {
                        Map<Integer, Long> le = new TreeMap<>();
                        le.put(e.getValue(), 1L);
                        le.put(t, -1L);
                        constraints.add(new Linear(le, -Long.MAX_VALUE / 4, 0, pieceName(p) + " " + e.getKey() + " at most the total", "at most the total"));
                    }
                }
            }
        }
        // A recoded row ({A|B}) and its categories in the same piece: the sum of them for a
        // single-valued dimension; at least each and at most their sum for a multi-valued one.
        for (var e : List.copyOf(varIndex.entrySet())) {
            String key = e.getKey();
            int bar = key.indexOf('|');
            int p = Integer.parseInt(key.substring(0, bar));
            String feature = key.substring(bar + 1);
            int brace = feature.indexOf('{');
            if (brace < 0) {
                continue;
            }
            int close = feature.indexOf('}');
            String dimension = feature.substring(0, brace - 1);
            String requires = feature.substring(close + 1);
            boolean single = SINGLE_VALUED.contains(dimension);
            Map<Integer, Long> sum = new TreeMap<>();
            sum.put(e.getValue(), -1L);
            for (String c : feature.substring(brace + 1, close).split("\\|")) {
                int part = var(p, dimension + "." + c + requires);
                sum.merge(part, 1L, Long::sum);
                if (!single) {
                    Map<Integer, Long> le = new TreeMap<>();
                    le.put(part, 1L);
                    le.put(e.getValue(), -1L);
                    constraints.add(new Linear(le, -Long.MAX_VALUE / 4, 0, pieceName(p) + " " + feature + " at least " + c, "recoding"));
                }
            }
            constraints.add(single ? new Linear(sum, 0, 0, pieceName(p) + " " + feature + " is its categories", "recoding")
                    : new Linear(sum, 0, Long.MAX_VALUE / 4, pieceName(p) + " " + feature + " at most its categories", "recoding"));
        }

        // Per release: "adds up to more" (the notes), and the published percentages.
        for (long r : releases.keySet()) {
            Release release = releases.get(r);
            for (Table table : tables.getOrDefault(r, List.of())) {
                if (table.baseCell() == null || table.baseCell().startsWith(table.tableId() + ".") || table.categories().isEmpty()) {
                    continue;
                }
                if (!table.singleValued()) {
                    Map<Integer, Long> sum = new TreeMap<>();
                    for (String category : table.categories()) {
                        releaseCell(r, table.cell(category)).forEach((v, c) -> sum.merge(v, c, Long::sum));
                    }
                    releaseCell(r, table.baseCell()).forEach((v, c) -> sum.merge(v, -c, Long::sum));
                    constraints.add(new Linear(sum, 1, Long.MAX_VALUE / 4, release.label() + " table " + table.tableId()
                            + " adds up to more than " + table.baseCell(), "adds up to more"));
                }
                for (String category : table.categories()) {
                    CellRow c = cells.get(r).get(table.cell(category));
                    if (c == null || c.percent() == null) {
                        continue;
                    }
                    // percent = 100 * cell / base rounded to one decimal: 2000 cell in [(2 p10 - 1) base, (2 p10 + 1) base]
                    long p10 = c.percent().movePointRight(1).longValueExact();
                    Map<Integer, Long> low = new TreeMap<>();
                    Map<Integer, Long> high = new TreeMap<>();
                    releaseCell(r, c.cell()).forEach((v, k) -> {
                        low.merge(v, 2000 * k, Long::sum);
                        high.merge(v, 2000 * k, Long::sum);
                    });
                    releaseCell(r, table.baseCell()).forEach((v, k) -> {
                        low.merge(v, -(2 * p10 - 1) * k, Long::sum);
                        high.merge(v, -(2 * p10 + 1) * k, Long::sum);
                    });
                    String where = release.label() + " " + c.cell() + " " + c.percent() + "% of " + table.baseCell();
                    constraints.add(new Linear(low, 0, Long.MAX_VALUE / 4, where, "percentages"));
                    constraints.add(new Linear(high, -Long.MAX_VALUE / 4, 0, where, "percentages"));
                }
                for (String category : table.categories()) {
                    CellRow c = cells.get(r).get(table.cell(category));
                    if (c != null && c.baseCount() != null) {
                        constraints.add(new Linear(releaseCell(r, table.baseCell()), c.baseCount(), c.baseCount(),
                                release.label() + " " + table.tableId() + " base as published", "base shown"));
                        break;
                    }
                }
            }
        }
    }

    /** The true counts must be one of the reader's solutions; otherwise the model (or the register) is wrong. */
    private void checkTruth() {
        List<String> violated = new ArrayList<>();
        for (Linear c : constraints) {
            long value = 0;
            for (var e : c.terms().entrySet()) {
                value += e.getValue() * varTruth.get(e.getKey());
            }
            if (value < c.lo() || value > c.hi()) {
                violated.add(c.why());
            }
        }
        for (var rc : cells.entrySet()) {
            for (CellRow c : rc.getValue().values()) {
                long sum = 0;
                for (var e : releaseCell(rc.getKey(), c.cell()).entrySet()) {
                    sum += e.getValue() * varTruth.get(e.getKey());
                }
                if (sum != c.truth()) {
                    violated.add(releases.get(rc.getKey()).label() + " " + c.cell() + ": the members' records do not give its true count");
                }
            }
        }
        if (!violated.isEmpty()) {
            throw new IllegalStateException("the true counts are not a solution of the reader's model: " + violated);
        }
    }

    // ------------------------------------------------------------------ checks

    private void check(List<Finding> findings, List<String> narrowed) {
        for (var rc : cells.entrySet()) {
            Release release = releases.get(rc.getKey());
            for (CellRow c : rc.getValue().values()) {
                Map<Integer, Long> x = releaseCell(release.id(), c.cell());
                String where = release.label() + " " + c.cell();
                if (c.status().equals("primary")) {
                    long lo = release.lo();
                    long hi = release.threshold() - 1;
                    Boolean canLo = feasible(x, lo, lo);
                    Boolean canHi = feasible(x, hi, hi);
                    if (canLo == null || canHi == null) {
                        findings.add(new Finding("undecided", where, "< " + release.threshold() + ": a solve hit its time limit"));
                    } else if (!canLo || !canHi) {
                        long[] range = range(x);
                        if (range == null) {
                            findings.add(new Finding("undecided", where, "< " + release.threshold() + ": a solve hit its time limit"));
                        } else {
                            findings.add(explained(new Finding(range[0] == range[1] ? "pinned < t" : "narrowed < t", where,
                                    "shown < " + release.threshold() + ", derivable as " + range[0] + ".." + range[1]), () -> {
                                        Boolean a = feasible(x, lo, lo);
                                        Boolean b = feasible(x, hi, hi);
                                        return a == null || b == null ? null : !(a && b);
                                    }));
                        }
                    }
                } else if (c.status().equals("secondary")) {
                    Boolean other = feasibleOtherThan(x, c.truth());
                    if (other == null) {
                        findings.add(new Finding("undecided", where, "[c]: a solve hit its time limit"));
                    } else if (!other) {
                        findings.add(explained(new Finding("pinned [c]", where, "shown [c], derivable as one value"), pinned(x, c.truth())));
                    }
                }
            }
        }
        for (int p = 0; p < pieces.size(); p++) {
            int t = 0;
            long lo = 1;
            for (long r : pieces.get(p)) {
                t = Math.max(t, releases.get(r).threshold());
                if (releases.get(r).zerosSensitive()) {
                    lo = 0;
                }
            }
            for (var e : varIndex.entrySet()) {
                if (!e.getKey().startsWith(p + "|")) {
                    continue;
                }
                long truth = varTruth.get(e.getValue());
                if (truth < lo || truth > t - 1) {
                    continue;
                }
                Map<Integer, Long> x = Map.of(e.getValue(), 1L);
                String where = varNames.get(e.getValue());
                Boolean other = feasibleOtherThan(x, truth);
                if (other == null) {
                    findings.add(new Finding("undecided", where, "never published: a solve hit its time limit"));
                } else if (!other) {
                    findings.add(explained(new Finding("pinned piece count", where, "never published, small, derivable as one value"),
                            pinned(x, truth)));
                } else if (options.pieceRanges()) {
                    // the exact range only when one end of lo..t-1 cannot be reached (most reach both)
                    Boolean canLo = feasible(x, lo, lo);
                    Boolean canHi = feasible(x, t - 1, t - 1);
                    long[] range = canLo == null || canHi == null || !canLo || !canHi ? range(x) : new long[] {lo, t - 1};
                    if (range == null) {
                        findings.add(new Finding("undecided", where, "never published: a solve hit its time limit"));
                    } else if (range[0] > lo || range[1] < t - 1) {
                        narrowed.add(where + " derivable as " + range[0] + ".." + range[1]);
                    }
                }
            }
        }
        if (options.versionChanges()) {
            checkVersionChanges(findings);
        }
    }

    private java.util.function.Supplier<Boolean> pinned(Map<Integer, Long> x, long value) {
        return () -> {
            Boolean other = feasibleOtherThan(x, value);
            return other == null ? null : !other;
        };
    }

    /** The finding with the families of knowledge it needs: those without which it is no longer found. */
    private Finding explained(Finding finding, java.util.function.Supplier<Boolean> stillFound) {
        if (!options.explain()) {
            return finding;
        }
        List<String> needs = new ArrayList<>();
        for (String family : FAMILIES) {
            skip = Set.of(family);
            try {
                if (Boolean.FALSE.equals(stillFound.get())) {
                    needs.add(family);
                }
            } finally {
                skip = Set.of();
            }
        }
        return new Finding(finding.kind(), finding.where(), finding.detail(), List.copyOf(needs));
    }

    /** Consecutive versions of one definition and period: a small change of a cell must not be derivable exactly. */
    private void checkVersionChanges(List<Finding> findings) {
        Map<String, List<Release>> byPeriod = new LinkedHashMap<>();
        for (Release r : releases.values()) {
            byPeriod.computeIfAbsent(r.label().substring(0, r.label().lastIndexOf(" v")), k -> new ArrayList<>()).add(r);
        }
        for (List<Release> versions : byPeriod.values()) {
            for (int i = 1; i < versions.size(); i++) {
                Release before = versions.get(i - 1);
                Release after = versions.get(i);
                int t = Math.max(before.threshold(), after.threshold());
                for (CellRow c : cells.get(after.id()).values()) {
                    CellRow old = cells.get(before.id()).get(c.cell());
                    if (old == null) {
                        continue;
                    }
                    long change = c.truth() - old.truth();
                    if (change == 0 || Math.abs(change) > t - 1) {
                        continue;
                    }
                    Map<Integer, Long> x = new TreeMap<>(releaseCell(after.id(), c.cell()));
                    releaseCell(before.id(), c.cell()).forEach((v, k) -> x.merge(v, -k, Long::sum));
                    x.values().removeIf(k -> k == 0);
                    String where = before.label() + " -> v" + after.label().substring(after.label().lastIndexOf(" v") + 2) + " " + c.cell();
                    Boolean other = feasibleOtherThan(x, change);
                    if (other == null) {
                        findings.add(new Finding("undecided", where, "change: a solve hit its time limit"));
                    } else if (!other) {
                        findings.add(explained(new Finding("pinned version change", where,
                                "a small change between versions, derivable as one value"), pinned(x, change)));
                    }
                }
            }
        }
    }

    // ------------------------------------------------------------------ CP-SAT

    private record Built(CpModel model, IntVar[] vars) {
    }

    private Built build() {
        CpModel model = new CpModel();
        IntVar[] vars = new IntVar[varNames.size()];
        for (int v = 0; v < vars.length; v++) {
            vars[v] = model.newIntVar(0, cap, "x" + v);
        }
        for (Linear c : constraints) {
            if (skip.contains(c.family())) {
                continue;
            }
            model.addLinearConstraint(expr(vars, c.terms()), Math.max(c.lo(), -cap * 4000), Math.min(c.hi(), cap * 4000));
        }
        return new Built(model, vars);
    }

    private static LinearExpr expr(IntVar[] vars, Map<Integer, Long> terms) {
        LinearExprBuilder b = LinearExpr.newBuilder();
        terms.forEach((v, k) -> b.addTerm(vars[v], k));
        return b.build();
    }

    private CpSolver solver() {
        CpSolver solver = new CpSolver();
        solver.getParameters().setMaxTimeInSeconds(options.secondsPerSolve()).setNumWorkers(options.workers());
        // Models of a few hundred small-domain variables: presolve costs more than it saves (measured:
        // 6-8 s instead of 9-20 s for 180 solves of the overlapping-ranges register).
        solver.getParameters().setCpModelPresolve(false);
        return solver;
    }

    /** Whether the expression can take a value in lo..hi; null when the solver could not tell in time. */
    private Boolean feasible(Map<Integer, Long> x, long lo, long hi) {
        for (long[] known : solutions) {
            long v = value(known, x);
            if (v >= lo && v <= hi) {
                return true;
            }
        }
        Built b = build();
        b.model().addLinearConstraint(expr(b.vars(), x), lo, hi);
        return decided(b);
    }

    private Boolean feasibleOtherThan(Map<Integer, Long> x, long value) {
        for (long[] known : solutions) {
            if (value(known, x) != value) {
                return true;
            }
        }
        Built b = build();
        b.model().addDifferent(expr(b.vars(), x), value);
        return decided(b);
    }

    private static long value(long[] solution, Map<Integer, Long> x) {
        long v = 0;
        for (var e : x.entrySet()) {
            v += e.getValue() * solution[e.getKey()];
        }
        return v;
    }

    /**
     * Solves; a solution found is kept, since it answers later questions too (a cell that differs
     * from its true value in any solution is not pinned), which saves most solves.
     */
    private Boolean decided(Built b) {
        CpSolver solver = solver();
        CpSolverStatus status = solver.solve(b.model());
        solves++;
        return switch (status) {
            case FEASIBLE, OPTIMAL -> {
                long[] solution = new long[b.vars().length];
                for (int v = 0; v < solution.length; v++) {
                    solution[v] = solver.value(b.vars()[v]);
                }
                if (skip.isEmpty()) {
                    solutions.add(solution);
                }
                yield true;
            }
            case INFEASIBLE -> false;
            default -> null;
        };
    }

    /** The exact minimum and maximum of the expression; null when a solve was not proven optimal in time. */
    private long[] range(Map<Integer, Long> x) {
        long[] range = new long[2];
        for (int side = 0; side < 2; side++) {
            Built b = build();
            LinearExpr e = expr(b.vars(), x);
            if (side == 0) {
                b.model().minimize(e);
            } else {
                b.model().maximize(e);
            }
            CpSolver solver = solver();
            CpSolverStatus status = solver.solve(b.model());
            solves++;
            if (status != CpSolverStatus.OPTIMAL) {
                return null;
            }
            range[side] = Math.round(solver.objectiveValue());
            long[] solution = new long[b.vars().length];
            for (int v = 0; v < solution.length; v++) {
                solution[v] = solver.value(b.vars()[v]);
            }
            if (skip.isEmpty()) {
                solutions.add(solution);
            }
        }
        return range;
    }
}
