package nl.helpline.warehouse.report;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import nl.helpline.warehouse.disclosure.CellStatus;
import nl.helpline.warehouse.warehouse.SqlFiles;

/** Every report written, and every cell it published (report.publication, report.published_cell). */
public final class PublicationRegister {

    private final NamedParameterJdbcTemplate jdbc;

    public PublicationRegister(DataSource dataSource) {
        this.jdbc = new NamedParameterJdbcTemplate(dataSource);
    }

    /** A cell as a publication showed it; {@code shown} is the count or the marker. */
    public record ShownCell(String table, String category, CellStatus status, Long count, Double percent, long trueCount) {
    }

    /** A cell that reads differently from the previous publication of the same period. */
    public record ChangedCell(String table, String category, String before, String now) {
    }

    public Optional<Long> previous(String definition, Period period) {
        MapSqlParameterSource p = new MapSqlParameterSource("definition", definition)
                .addValue("start", period.start()).addValue("end", period.end());
        return jdbc.query(SqlFiles.load("report/previous_publication.sql"), p, (rs, i) -> rs.getLong(1)).stream().findFirst();
    }

    public List<ShownCell> cells(long publicationId) {
        return jdbc.query(SqlFiles.load("report/publication_cells.sql"), new MapSqlParameterSource("publication", publicationId),
                (rs, i) -> new ShownCell(rs.getString("table_id"), rs.getString("category"),
                        CellStatus.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)),
                        (Long) rs.getObject("published_count", Long.class),
                        rs.getBigDecimal("published_percent") == null ? null : rs.getBigDecimal("published_percent").doubleValue(),
                        rs.getLong("true_count")));
    }

    /** What a reader of the previous publication of this period would now see differently. */
    public List<ChangedCell> changes(long previousPublicationId, ProtectedReport report, int threshold) {
        Map<String, String> before = new LinkedHashMap<>();
        for (ShownCell c : cells(previousPublicationId)) {
            before.put(c.table() + "." + c.category(), shown(c.status(), c.count(), threshold));
        }
        return changes(before, report, threshold);
    }

    /**
     * The cells of a report that read differently from what an earlier publication showed
     * ({@code table.CATEGORY} to its shown value); a cell it did not have was "-".
     */
    public static List<ChangedCell> changes(Map<String, String> before, ProtectedReport report, int threshold) {
        List<ChangedCell> changes = new ArrayList<>();
        for (ProtectedReport.Table t : report.tables()) {
            for (ProtectedReport.Row r : t.rows()) {
                String key = t.definition().id() + "." + r.category();
                String now = shown(r.status(), r.publishedCount(), threshold);
                String was = before.getOrDefault(key, "-");
                if (!was.equals(now)) {
                    changes.add(new ChangedCell(t.definition().id(), r.category(), was, now));
                }
            }
        }
        return changes;
    }

    /** A cell as the workbook shows it: its count, {@code < t} or {@code [c]}. */
    public static String shown(CellStatus status, Long count, int threshold) {
        return switch (status) {
            case PUBLISHED -> String.valueOf(count);
            case PRIMARY -> "< " + threshold;
            case SECONDARY -> "[c]";
        };
    }

    /** Whether a draft's file with these bytes is registered (report/Outbox.java recovers it then). */
    public boolean holds(String fileName, String sha256) {
        return Boolean.TRUE.equals(jdbc.queryForObject(SqlFiles.load("report/holds_file.sql"),
                new MapSqlParameterSource("file", fileName).addValue("sha256", sha256), Boolean.class));
    }

    public long record(ProtectedReport report, String language, String fileName, String sha256, String cellsName, String cellsSha256,
                       LocalDateTime dataAsOf) {
        MapSqlParameterSource p = new MapSqlParameterSource()
                .addValue("definition", report.definition().name())
                .addValue("label", report.period().label())
                .addValue("start", report.period().start())
                .addValue("end", report.period().end())
                .addValue("language", language)
                .addValue("threshold", report.definition().threshold())
                .addValue("file", fileName)
                .addValue("sha256", sha256)
                .addValue("cells_name", cellsName)
                .addValue("cells_sha256", cellsSha256)
                .addValue("audit_passed", report.audit().passed())
                .addValue("cells_suppressed", report.informationLoss().suppressedCells())
                .addValue("count_suppressed", report.informationLoss().suppressedTotal())
                .addValue("data_as_of", dataAsOf);
        long id = jdbc.queryForObject(SqlFiles.load("report/insert_publication.sql"), p, Long.class);
        List<MapSqlParameterSource> cells = new ArrayList<>();
        for (ProtectedReport.Table t : report.tables()) {
            for (ProtectedReport.Row r : t.rows()) {
                cells.add(new MapSqlParameterSource()
                        .addValue("publication", id)
                        .addValue("table", t.definition().id())
                        .addValue("category", r.category())
                        .addValue("status", r.status().name().toLowerCase(Locale.ROOT))
                        .addValue("published_count", r.publishedCount())
                        .addValue("published_percent", r.publishedPercent())
                        .addValue("true_count", r.trueCount()));
            }
        }
        jdbc.batchUpdate(SqlFiles.load("report/insert_published_cell.sql"), cells.toArray(MapSqlParameterSource[]::new));
        return id;
    }
}
