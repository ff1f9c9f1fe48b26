package nl.helpline.warehouse.report;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;

import nl.helpline.warehouse.disclosure.Bound;
import nl.helpline.warehouse.disclosure.CellStatus;
import nl.helpline.warehouse.disclosure.DisclosureProblem;
import nl.helpline.warehouse.disclosure.HiddenCell;
import nl.helpline.warehouse.disclosure.PriorCell;
import nl.helpline.warehouse.disclosure.Relation;
import nl.helpline.warehouse.warehouse.SqlFiles;

/**
 * One joint model of everything released, as a reader who keeps every release sees it, around a
 * new report (a draft or a release to be).
 *
 * <p>Its unknowns are <em>pieces</em>: the finest partition of requests that all released
 * populations and the new report induce. Two requests are in the same piece when they were
 * counted, with the same record, by exactly the same releases. Pieces cover every way a reader
 * can combine releases: periods (Q1 + Q2 = H1; Jan–Mar + Mar–May − Jan–May = March), definitions
 * (one with chat minus one without is the chat population), and versions (a revision's added,
 * withdrawn and moved requests are pieces of their own). Every released cell is the sum of its
 * cell key over the pieces its release holds; within every piece every single-valued table adds
 * up. Each piece's counts are never published: small ones are protected like any never-published
 * count (the engine's hidden cells), so no difference between releases gives one away.
 *
 * <p>Only releases that share a request with the new report, directly or through other releases,
 * are part of it: a release that shares none adds no equation about its requests. The model's
 * size is pieces × cell keys; pieces grow with the releases of overlapping periods, not with
 * the warehouse's history.
 */
public final class ReleasedModel {

    /** An earlier release: what its cells showed, what they counted, and which cell keys they are. */
    public record Release(long id, String definition, Period period, int version, int threshold, boolean zerosSensitive,
                          Map<String, Members.CellKey> keys, Map<String, ReportProtection.EarlierCell> cells,
                          Map<String, ReleasedTable> tables, Map<String, String> baseCells) {
        public String label() {
            return definition + " " + period.label() + " v" + version;
        }
    }

    /** A table of an earlier release: its dimension, population and categories. */
    public record ReleasedTable(String id, String dimension, List<String> requires, List<Members.CellKey> rows, boolean multiValued) {
    }

    /** A piece: the releases that hold it (0 is the new report), and its requests by record. */
    public record Piece(List<Long> releases, Map<Members.Record, Long> records) {
        public Piece {
            releases = List.copyOf(releases);
            records = Map.copyOf(records);
        }

        /** How many of the piece's requests count in a key. */
        public long count(Members.CellKey key) {
            long n = 0;
            for (Map.Entry<Members.Record, Long> r : records.entrySet()) {
                if (r.getKey().holds(key)) {
                    n += r.getValue();
                }
            }
            return n;
        }

        public long requests() {
            return records.values().stream().mapToLong(Long::longValue).sum();
        }

        /** The categories of a dimension its requests hold among those that have every required cell. */
        Set<String> categories(String dimension, List<String> requires) {
            Set<String> categories = new TreeSet<>();
            for (Members.Record r : records.keySet()) {
                if (r.cells().containsAll(requires)) {
                    for (String cell : r.cells()) {
                        if (cell.startsWith(dimension + ".")) {
                            categories.add(cell.substring(dimension.length() + 1));
                        }
                    }
                }
            }
            return categories;
        }
    }

    /** The id the new report has in piece signatures. */
    static final long CANDIDATE = 0;

    private final List<Release> releases;
    private final List<Piece> pieces;

    ReleasedModel(List<Release> releases, List<Piece> pieces) {
        this.releases = List.copyOf(releases);
        this.pieces = List.copyOf(pieces);
    }

    public List<Release> releases() {
        return releases;
    }

    public List<Piece> pieces() {
        return pieces;
    }

    public boolean isEmpty() {
        return releases.isEmpty();
    }

    public boolean zerosSensitive() {
        return releases.stream().anyMatch(Release::zerosSensitive);
    }

    /** No release at all: a report protected on its own. */
    public static ReleasedModel none() {
        return new ReleasedModel(List.of(), List.of());
    }

    /**
     * The releases that share a request with the candidate's members (directly or through one
     * another), and the pieces they and the candidate form. Runs in the caller's transaction: its
     * temporary tables are dropped at commit.
     */
    public static ReleasedModel around(DataSource dataSource, Members candidate) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        if (Boolean.FALSE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM report.release)", Boolean.class))) {
            return none();
        }
        for (String statement : SqlFiles.loadStatements("release/candidate_tables.sql")) {
            jdbc.execute(statement);
        }
        copyCandidate(dataSource, candidate);
        // The component: releases that share a request with what is known so far, until none is added.
        Set<Long> component = new LinkedHashSet<>();
        while (true) {
            List<Long> found = jdbc.queryForList(SqlFiles.load("release/component_step.sql"), Long.class,
                    (Object) component.toArray(Long[]::new));
            if (found.isEmpty()) {
                break;
            }
            component.addAll(found);
            jdbc.update(SqlFiles.load("release/component_grow.sql"), (Object) found.toArray(Long[]::new));
        }
        if (component.isEmpty()) {
            return none();
        }
        Long[] ids = component.toArray(Long[]::new);
        List<Release> releases = loadReleases(jdbc, ids);

        Map<String, Members.Record> records = new HashMap<>();
        candidate.records().values().forEach(r -> records.put(r.shaKey(), r));
        jdbc.query(SqlFiles.load("release/component_records.sql"), rs -> {
            String sha = java.util.HexFormat.of().formatHex(rs.getBytes("record_sha"));
            records.computeIfAbsent(sha, k -> {
                try {
                    return new Members.Record(Arrays.asList((String[]) rs.getArray("cells").getArray()), rs.getBytes("record_sha"));
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
        }, (Object) ids);

        // Pieces: requests grouped by the releases that hold them with the same record.
        Map<List<Long>, Map<Members.Record, Long>> bySignature = new TreeMap<>(ReleasedModel::compareSignatures);
        jdbc.query(SqlFiles.load("release/pieces.sql"), rs -> {
            List<Long> signature = Arrays.asList((Long[]) rs.getArray("signature").getArray());
            Members.Record record = records.get(java.util.HexFormat.of().formatHex(rs.getBytes("record_sha")));
            bySignature.computeIfAbsent(signature, k -> new HashMap<>()).merge(record, rs.getLong("requests"), Long::sum);
        }, (Object) ids);

        List<Piece> pieces = new ArrayList<>();
        bySignature.forEach((signature, byRecord) -> pieces.add(new Piece(signature, byRecord)));
        return new ReleasedModel(releases, pieces);
    }

    private static int compareSignatures(List<Long> a, List<Long> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = Long.compare(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    private static void copyCandidate(DataSource dataSource, Members candidate) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            StringBuilder copy = new StringBuilder();
            candidate.records().forEach((key, record) ->
                    copy.append(key).append('\t').append("\\\\x").append(record.shaKey()).append('\n'));
            connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY pg_temp.candidate_member (request_key, record_sha) FROM STDIN", new java.io.StringReader(copy.toString()));
        } catch (SQLException | java.io.IOException e) {
            throw new IllegalStateException("could not stage the report's members", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private static List<Release> loadReleases(JdbcTemplate jdbc, Long[] ids) {
        Map<Long, Release> releases = new LinkedHashMap<>();
        jdbc.query(SqlFiles.load("release/component_releases.sql"), rs -> {
            long id = rs.getLong("release_id");
            releases.put(id, new Release(id, rs.getString("definition_name"),
                    new Period(rs.getString("period_label"), rs.getDate("period_start").toLocalDate(), rs.getDate("period_end").toLocalDate()),
                    rs.getInt("version"), rs.getInt("threshold"), rs.getBoolean("zeros_sensitive"),
                    new LinkedHashMap<>(), new LinkedHashMap<>(), new LinkedHashMap<>(), new LinkedHashMap<>()));
        }, (Object) ids);
        Map<String, ReleasedTable> tableInfo = new HashMap<>();
        jdbc.query(SqlFiles.load("release/component_tables.sql"), rs -> {
            Release r = releases.get(rs.getLong("release_id"));
            String dimension = rs.getString("dimension");
            ReleasedTable t = new ReleasedTable(rs.getString("table_id"), dimension,
                    Arrays.asList((String[]) rs.getArray("requires").getArray()), new ArrayList<>(),
                    ReportDefinition.MULTI_VALUED.contains(dimension));
            r.tables().put(t.id(), t);
            r.baseCells().put(t.id(), rs.getString("base_cell"));
        }, (Object) ids);
        jdbc.query(SqlFiles.load("release/component_cells.sql"), rs -> {
            Release r = releases.get(rs.getLong("release_id"));
            ReleasedTable t = r.tables().get(rs.getString("table_id"));
            String category = rs.getString("category");
            String id = ReportProtection.cellId(t.id(), category);
            java.sql.Array combines = rs.getArray("combines");
            Members.CellKey key = new Members.CellKey(t.dimension(), category, t.requires(),
                    combines == null ? null : Arrays.asList((String[]) combines.getArray()));
            r.keys().put(id, key);
            t.rows().add(key);
            r.cells().put(id, new ReportProtection.EarlierCell(rs.getLong("true_count"),
                    CellStatus.valueOf(rs.getString("status").toUpperCase(Locale.ROOT))));
        }, (Object) ids);
        return new ArrayList<>(releases.values());
    }

    /**
     * The reader's system: the new report's cells and relations, every earlier release's cells as
     * published, every piece's counts as never-published counts, each released cell the sum of its
     * pieces, and within each piece every single-valued table adding up to its base.
     *
     * @param currentKeys the new report's cell ids ({@code table.CATEGORY}) and their keys
     * @param currentTables the new report's tables: id to (requires, categories, multi-valued)
     */
    DisclosureProblem extend(DisclosureProblem problem, Map<String, Members.CellKey> currentKeys,
                             List<ReleasedTable> currentTables, List<String> linked) {
        return extend(problem, currentKeys, currentTables, linked, null, null, Map.of());
    }

    /**
     * @param definition    the new report's definition name, and
     * @param period        its period: versions of the same definition and period are linked by their changes
     * @param currentValues the new report's true counts by cell id
     */
    DisclosureProblem extend(DisclosureProblem problem, Map<String, Members.CellKey> currentKeys,
                             List<ReleasedTable> currentTables, List<String> linked, String definition, Period period,
                             Map<String, Long> currentValues) {
        if (isEmpty()) {
            return problem;
        }
        List<PriorCell> prior = new ArrayList<>();
        for (Release r : releases) {
            r.cells().forEach((id, c) -> prior.add(new PriorCell(priorId(r, id), c.trueCount(), c.status())));
            linked.add(r.period().label() + " (" + r.definition() + " version " + r.version() + ")");
        }
        List<HiddenCell> hidden = new ArrayList<>();
        List<Relation> links = new ArrayList<>();
        List<Bound> bounds = new ArrayList<>();
        Map<Long, Release> byId = new HashMap<>();
        releases.forEach(r -> byId.put(r.id(), r));
        for (int k = 0; k < pieces.size(); k++) {
            Piece piece = pieces.get(k);
            // The keys this piece needs: every key of every release (or the new report) holding it, and the bases.
            Set<Members.CellKey> keys = new LinkedHashSet<>();
            List<ReleasedTable> tables = new ArrayList<>();
            for (long id : piece.releases()) {
                if (id == CANDIDATE) {
                    keys.addAll(currentKeys.values());
                    tables.addAll(currentTables);
                } else {
                    keys.addAll(byId.get(id).keys().values());
                    tables.addAll(byId.get(id).tables().values());
                }
            }
            // Within the piece, a single-valued table adds up to its base: one relation per distinct
            // set of rows (a recoded table's rows are another partition of the same requests).
            // Categories a release left out (UNKNOWN when it did not occur) count 0 in it; any the
            // piece holds that no row covers are added so the sum holds on the true counts.
            Map<Set<Members.CellKey>, Members.CellKey> sums = new LinkedHashMap<>();
            Map<Set<Members.CellKey>, Members.CellKey> multi = new LinkedHashMap<>();
            for (ReleasedTable t : tables) {
                Members.CellKey base = Members.CellKey.baseOf(t.requires());
                keys.add(base);
                if (t.dimension().equals("total")) {
                    continue;
                }
                if (t.multiValued()) {
                    // Every request of the piece has at least one value: its rows (with any value
                    // no row shows) reach its base, and none exceeds it.
                    multi.putIfAbsent(partsIn(piece, t), base);
                    continue;
                }
                Set<Members.CellKey> parts = partsIn(piece, t);
                parts.remove(base);
                if (!parts.isEmpty()) {
                    sums.putIfAbsent(parts, base);
                }
            }
            sums.keySet().forEach(keys::addAll);
            multi.keySet().forEach(keys::addAll);
            for (Members.CellKey key : keys) {
                hidden.add(new HiddenCell(pieceId(k, key), piece.count(key)));
            }
            for (Map.Entry<Set<Members.CellKey>, Members.CellKey> e : sums.entrySet()) {
                int index = k;
                links.add(new Relation(pieceId(k, e.getValue()), e.getKey().stream().map(part -> pieceId(index, part)).toList()));
            }
            for (Map.Entry<Set<Members.CellKey>, Members.CellKey> e : multi.entrySet()) {
                int index = k;
                List<String> parts = e.getKey().stream().map(part -> pieceId(index, part)).toList();
                if (piece.count(e.getValue()) <= e.getKey().stream().mapToLong(piece::count).sum()) {
                    bounds.addAll(Bound.multiValued(pieceId(k, e.getValue()), parts, 0));
                }
            }
        }
        // Every released cell, and every cell of the new report, is the sum of its key over the pieces it holds.
        for (Release r : releases) {
            r.keys().forEach((id, key) -> links.add(new Relation(priorId(r, id), piecesOf(r.id(), key))));
            // An earlier release's multi-valued table that added up to more said so in its notes.
            for (ReleasedTable t : r.tables().values()) {
                if (!t.multiValued()) {
                    continue;
                }
                String base = r.baseCells().get(t.id());
                List<String> parts = t.rows().stream().map(row -> priorId(r, t.id() + "." + row.category())).toList();
                long sum = t.rows().stream().mapToLong(row -> r.cells().get(t.id() + "." + row.category()).trueCount()).sum();
                if (base != null && r.cells().containsKey(base) && sum > r.cells().get(base).trueCount()) {
                    bounds.add(Bound.sumAtLeast(parts, priorId(r, base), 1));
                }
            }
        }
        currentKeys.forEach((id, key) -> links.add(new Relation(id, piecesOf(CANDIDATE, key))));
        changes(definition, period, currentValues, hidden, links);
        return problem.withEarlier(prior, hidden, links).withBounds(bounds);
    }

    /**
     * The change of each cell between consecutive versions of a period counts requests added,
     * withdrawn or moved, and is protected like any never-published count: a hidden count for
     * its size, with the relation a reader who also knew its sign would use (later = earlier +
     * change, or earlier = later + change). Knowing the sign makes this reader stronger than a real
     * one, which errs on the safe side. Unchanged cells add nothing.
     */
    private void changes(String definition, Period period, Map<String, Long> currentValues,
                         List<HiddenCell> hidden, List<Relation> links) {
        Map<String, List<Release>> versions = new LinkedHashMap<>();
        for (Release r : releases) {
            versions.computeIfAbsent(r.definition() + "/" + r.period().start() + "/" + r.period().end(), k -> new ArrayList<>()).add(r);
        }
        for (List<Release> series : versions.values()) {
            series.sort(java.util.Comparator.comparingInt(Release::version));
            for (int i = 1; i < series.size(); i++) {
                Release before = series.get(i - 1);
                Release after = series.get(i);
                for (Map.Entry<String, ReportProtection.EarlierCell> c : after.cells().entrySet()) {
                    ReportProtection.EarlierCell was = before.cells().get(c.getKey());
                    if (was != null) {
                        change(priorId(before, c.getKey()), was.trueCount(), priorId(after, c.getKey()), c.getValue().trueCount(),
                                "d" + after.id() + ":" + c.getKey(), hidden, links);
                    }
                }
            }
            Release last = series.get(series.size() - 1);
            if (definition != null && last.definition().equals(definition) && last.period().start().equals(period.start())
                    && last.period().end().equals(period.end())) {
                for (Map.Entry<String, Long> c : currentValues.entrySet()) {
                    ReportProtection.EarlierCell was = last.cells().get(c.getKey());
                    if (was != null) {
                        change(priorId(last, c.getKey()), was.trueCount(), c.getKey(), c.getValue(), "d0:" + c.getKey(), hidden, links);
                    }
                }
            }
        }
    }

    private static void change(String beforeId, long before, String afterId, long after, String changeId,
                               List<HiddenCell> hidden, List<Relation> links) {
        if (before == after) {
            return;
        }
        hidden.add(new HiddenCell(changeId, Math.abs(after - before)));
        links.add(after > before ? Relation.of(afterId, beforeId, changeId) : Relation.of(beforeId, afterId, changeId));
    }

    /**
     * A table's rows as keys of a piece: its own rows, and any category the piece's requests hold
     * that no row covers (a release leaves out UNKNOWN when it did not occur), so the piece's
     * relations hold on the true counts.
     */
    private static Set<Members.CellKey> partsIn(Piece piece, ReleasedTable t) {
        Set<Members.CellKey> parts = new LinkedHashSet<>(t.rows());
        Set<String> covered = new java.util.HashSet<>();
        t.rows().forEach(row -> covered.addAll(row.combines()));
        for (String c : piece.categories(t.dimension(), t.requires())) {
            if (!covered.contains(c)) {
                parts.add(new Members.CellKey(t.dimension(), c, t.requires()));
            }
        }
        return parts;
    }

    private List<String> piecesOf(long release, Members.CellKey key) {
        List<String> parts = new ArrayList<>();
        for (int k = 0; k < pieces.size(); k++) {
            if (pieces.get(k).releases().contains(release)) {
                parts.add(pieceId(k, key));
            }
        }
        return parts;
    }

    /**
     * A cell of the reader's system in words, without its count: the new report's own cells by
     * their id, an earlier release's by its label, a piece by the releases that hold it.
     */
    public String describe(String cellId, String candidateLabel) {
        int colon = cellId.indexOf(':');
        if (colon < 0) {
            return cellId + " of " + candidateLabel;
        }
        String cell = cellId.substring(colon + 1);
        long n = Long.parseLong(cellId.substring(1, colon));
        if (cellId.charAt(0) == 'r') {
            return releases.stream().filter(r -> r.id() == n).findFirst().map(r -> cell + " of " + r.label()).orElse(cellId);
        }
        if (cellId.charAt(0) == 'd') {
            return "the change of " + cell + " from the previous version to " + (n == CANDIDATE ? candidateLabel
                    : releases.stream().filter(r -> r.id() == n).findFirst().map(Release::label).orElse("release " + n));
        }
        Piece piece = pieces.get((int) n);
        List<String> holders = new ArrayList<>();
        for (long id : piece.releases()) {
            holders.add(id == CANDIDATE ? candidateLabel : releases.stream().filter(r -> r.id() == id)
                    .findFirst().map(Release::label).orElse("release " + id));
        }
        List<String> outside = new ArrayList<>();
        for (Release r : releases) {
            if (!piece.releases().contains(r.id()) && r.cells().size() > 0) {
                outside.add(r.label());
            }
        }
        if (!piece.releases().contains(CANDIDATE)) {
            outside.add(candidateLabel);
        }
        return cell + " among the requests counted in " + String.join(", ", holders)
                + (outside.isEmpty() ? "" : " but not in " + String.join(", ", outside));
    }

    static String priorId(Release r, String cellId) {
        return "r" + r.id() + ":" + cellId;
    }

    static String pieceId(int piece, Members.CellKey key) {
        return "k" + piece + ":" + key;
    }

}
