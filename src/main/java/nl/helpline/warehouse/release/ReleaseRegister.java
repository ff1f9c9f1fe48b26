package nl.helpline.warehouse.release;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;

import nl.helpline.warehouse.disclosure.CellStatus;
import nl.helpline.warehouse.report.Members;
import nl.helpline.warehouse.report.Period;
import nl.helpline.warehouse.report.ProtectedReport;
import nl.helpline.warehouse.report.PublicationRegister;
import nl.helpline.warehouse.report.ReportDefinition;
import nl.helpline.warehouse.report.ReportService;
import nl.helpline.warehouse.warehouse.SqlFiles;

/**
 * The release register (report.release and its tables, V30__releases.sql): what was released,
 * when, by whom, from which data, with which cells and members. Rows are only ever inserted; the
 * database refuses updates and deletes.
 */
public final class ReleaseRegister {

    private final DataSource dataSource;
    private final NamedParameterJdbcTemplate jdbc;

    public ReleaseRegister(DataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbc = new NamedParameterJdbcTemplate(dataSource);
    }

    /** The number the next release of a period gets, and the release it revises (null for the first). */
    record Version(int number, Long previous) {
    }

    /** A release as status shows it. */
    public record Entry(long releaseId, String definition, String period, int version, boolean current, OffsetDateTime releasedAt,
                        String releasedBy, int members, String files) {
    }

    Version nextVersion(String definition, Period period) {
        return jdbc.queryForObject(SqlFiles.load("release/next_version.sql"), params(definition, period),
                (rs, i) -> new Version(rs.getInt("version"), (Long) rs.getObject("previous", Long.class)));
    }

    /** What a reader of the previous version sees differently now: the cells marked [r]. */
    List<PublicationRegister.ChangedCell> changes(long previousRelease, ProtectedReport report, int threshold) {
        Map<String, String> before = new HashMap<>();
        jdbc.query(SqlFiles.load("release/release_cells.sql"), new MapSqlParameterSource("release", previousRelease), rs -> {
            before.put(rs.getString("table_id") + "." + rs.getString("category"), PublicationRegister.shown(
                    CellStatus.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)), (Long) rs.getObject("published_count", Long.class),
                    threshold));
        });
        return PublicationRegister.changes(before, report, threshold);
    }

    /** Registers the release, its tables, cells, records and members; the files follow (recordFile). */
    long record(ReportService.Prepared prepared, int version, String releasedBy, Set<String> revised) {
        ProtectedReport report = prepared.report();
        ReportDefinition definition = prepared.definition();
        ReportService.DataAsOf asOf = prepared.asOf();
        MapSqlParameterSource p = params(definition.name(), prepared.period())
                .addValue("label", prepared.period().label())
                .addValue("version", version)
                .addValue("threshold", definition.threshold())
                .addValue("zeros_sensitive", definition.zerosSensitive() || report.zerosHidden())
                .addValue("released_by", releasedBy)
                .addValue("data_as_of", asOf.newestVersion())
                .addValue("data_state", asOf.filesLoaded() + " files loaded, the last at " + asOf.lastLoad())
                .addValue("members", prepared.members().size());
        long id = jdbc.queryForObject(SqlFiles.load("release/insert_release.sql"), p, Long.class);

        List<MapSqlParameterSource> tables = new ArrayList<>();
        List<MapSqlParameterSource> cells = new ArrayList<>();
        int tableOrder = 0;
        for (ProtectedReport.Table t : report.tables()) {
            ReportDefinition.TableDefinition def = t.definition();
            String baseCell = baseCell(definition, t, report);
            boolean baseShown = t.percentagesShown();
            tables.add(new MapSqlParameterSource("release", id)
                    .addValue("table", def.id())
                    .addValue("dimension", def.dimension())
                    .addValue("requires", String.join(",", Members.CellKey.of(def, "TOTAL").requires()))
                    .addValue("table_order", ++tableOrder)
                    .addValue("title_nl", def.title("nl"))
                    .addValue("title_en", def.title("en"))
                    .addValue("base_cell", baseCell)
                    .addValue("adds_up", t.additive()));
            int rowOrder = 0;
            for (ProtectedReport.Row r : t.rows()) {
                cells.add(new MapSqlParameterSource("release", id)
                        .addValue("table", def.id())
                        .addValue("category", r.category())
                        .addValue("status", r.status().name().toLowerCase(Locale.ROOT))
                        .addValue("published_count", r.publishedCount())
                        .addValue("published_percent", r.publishedPercent())
                        .addValue("base_count", baseShown ? t.base() : null)
                        .addValue("true_count", r.trueCount())
                        .addValue("revised", revised.contains(def.id() + "." + r.category()))
                        .addValue("combines", combines(def, r.category()))
                        .addValue("label_nl", r.labelNl())
                        .addValue("label_en", r.labelEn())
                        .addValue("row_order", ++rowOrder));
            }
        }
        jdbc.batchUpdate(SqlFiles.load("release/insert_release_table.sql"), tables.toArray(MapSqlParameterSource[]::new));
        jdbc.batchUpdate(SqlFiles.load("release/insert_release_cell.sql"), cells.toArray(MapSqlParameterSource[]::new));

        Map<String, Members.Record> records = new LinkedHashMap<>();
        prepared.members().records().values().forEach(r -> records.putIfAbsent(r.shaKey(), r));
        jdbc.batchUpdate(SqlFiles.load("release/insert_release_record.sql"), records.values().stream()
                .map(r -> new MapSqlParameterSource("sha", r.sha()).addValue("cells", String.join(",", r.cells())))
                .toArray(MapSqlParameterSource[]::new));
        copyMembers(id, prepared.members());
        return id;
    }

    void recordFile(long releaseId, String language, String file, String sha256, String cellsName, String cellsSha256) {
        jdbc.update(SqlFiles.load("release/insert_release_file.sql"), new MapSqlParameterSource("release", releaseId)
                .addValue("language", language).addValue("file", file).addValue("sha256", sha256)
                .addValue("cells_name", cellsName).addValue("cells_sha256", cellsSha256));
    }

    /** Whether a release's file with these bytes is registered (report/Outbox.java recovers it then). */
    boolean holds(String fileName, String sha256) {
        return Boolean.TRUE.equals(jdbc.queryForObject(SqlFiles.load("release/holds_file.sql"),
                new MapSqlParameterSource("file", fileName).addValue("sha256", sha256), Boolean.class));
    }

    List<Entry> entries() {
        return jdbc.query(SqlFiles.load("release/releases.sql"), new MapSqlParameterSource(), (rs, i) -> new Entry(
                rs.getLong("release_id"), rs.getString("definition_name"), rs.getString("period_label"), rs.getInt("version"),
                rs.getBoolean("is_current"), rs.getObject("released_at", OffsetDateTime.class), rs.getString("released_by"),
                rs.getInt("members"), rs.getString("files")));
    }

    private void copyMembers(long releaseId, Members members) {
        StringBuilder rows = new StringBuilder(members.size() * 90);
        members.records().forEach((key, record) ->
                rows.append(releaseId).append('\t').append(key).append('\t').append("\\\\x").append(record.shaKey()).append('\n'));
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn(
                    "COPY report.release_member (release_id, request_key, record_sha) FROM STDIN", new StringReader(rows.toString()));
        } catch (SQLException | java.io.IOException e) {
            throw new IllegalStateException("could not register the release's members", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /** A recoded group row's categories, as a comma list for string_to_array; null for any other row. */
    private static String combines(ReportDefinition.TableDefinition table, String category) {
        Members.CellKey key = Members.CellKey.of(table, category);
        return key.recoded() ? String.join(",", key.combines()) : null;
    }

    /** The cell a table's percentages are of, as table.CATEGORY. */
    private static String baseCell(ReportDefinition definition, ProtectedReport.Table table, ProtectedReport report) {
        ReportDefinition.TableDefinition def = table.definition();
        String sumsTo = def.dimension().equals("total") ? null : def.sumsTo();
        if (sumsTo != null && sumsTo.contains(".")) {
            return sumsTo;
        }
        String target = sumsTo != null ? sumsTo
                : definition.tables().stream().filter(t -> t.dimension().equals("total")).findFirst().orElseThrow().id();
        return report.tables().stream().filter(t -> t.definition().id().equals(target)).findFirst()
                .map(t -> target + "." + t.rows().get(0).category()).orElse(target + ".TOTAL");
    }

    private static MapSqlParameterSource params(String definition, Period period) {
        return new MapSqlParameterSource("definition", definition).addValue("start", period.start()).addValue("end", period.end());
    }
}
