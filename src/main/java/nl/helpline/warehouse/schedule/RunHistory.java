package nl.helpline.warehouse.schedule;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import tools.jackson.core.JsonEncoding;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

import nl.helpline.warehouse.warehouse.SqlFiles;

/** The last runs, from the Spring Batch job repository and the lineage tables, for people and machines. */
public final class RunHistory {

    private final NamedParameterJdbcTemplate jdbc;

    public RunHistory(DataSource dataSource) {
        this.jdbc = new NamedParameterJdbcTemplate(dataSource);
    }

    public record Run(long id, String job, LocalDateTime start, LocalDateTime end, String status, String exitCode,
                      String exitMessage, long filesLoaded, long filesDuplicate, long filesRejected, long filesIgnored,
                      long rowsLoaded, long rowsRejected, long reportsWritten) {
        public Duration duration() {
            return start == null ? Duration.ZERO : Duration.between(start, end == null ? LocalDateTime.now() : end);
        }
    }

    public List<Run> newest(int limit) {
        return jdbc.query(SqlFiles.load("schedule/runs.sql"), new MapSqlParameterSource("limit", limit), (rs, i) -> new Run(
                rs.getLong("job_execution_id"), rs.getString("job_name"), local(rs.getTimestamp("start_time")),
                local(rs.getTimestamp("end_time")), rs.getString("status"), rs.getString("exit_code"), rs.getString("exit_message"),
                rs.getLong("files_loaded"), rs.getLong("files_duplicate"), rs.getLong("files_rejected"), rs.getLong("files_ignored"),
                rs.getLong("rows_loaded"), rs.getLong("rows_rejected"), rs.getLong("reports_written")));
    }

    private static LocalDateTime local(Timestamp t) {
        return t == null ? null : t.toLocalDateTime();
    }

    public static void print(List<Run> runs, PrintStream out) {
        if (runs.isEmpty()) {
            out.println("No runs yet.");
            return;
        }
        out.printf("%-6s %-8s %-19s %9s %-10s %6s %6s %9s %9s %8s%n", "run", "job", "started", "took", "outcome",
                "files", "rej.f", "rows", "rej.rows", "reports");
        for (Run r : runs) {
            out.printf("%-6d %-8s %-19s %9s %-10s %6d %6d %9d %9d %8d%n", r.id(), r.job(),
                    r.start() == null ? "-" : r.start().withNano(0).toString().replace('T', ' '),
                    human(r.duration()), r.status(), r.filesLoaded(), r.filesRejected(), r.rowsLoaded(), r.rowsRejected(), r.reportsWritten());
            if (!"COMPLETED".equals(r.status()) && r.exitMessage() != null && !r.exitMessage().isBlank()) {
                out.println("       " + r.exitMessage().lines().findFirst().orElse(""));
            }
        }
    }

    private static String human(Duration d) {
        long s = d.toSeconds();
        return s < 60 ? s + "s" : s < 3600 ? (s / 60) + "m" + (s % 60) + "s" : (s / 3600) + "h" + (s % 3600 / 60) + "m";
    }

    public static void writeJson(List<Run> runs, OutputStream out) throws IOException {
        writeJson(runs, java.util.Map.of(), out);
    }

    /** {@code {"runs":[…]}} and, beside the runs, each entry of {@code more} as a property of its own. */
    public static void writeJson(List<Run> runs, java.util.Map<String, ?> more, OutputStream out) throws IOException {
        try (JsonGenerator json = JsonMapper.shared().createGenerator(out, JsonEncoding.UTF8)) {
            json.writeStartObject();
            json.writeArrayPropertyStart("runs");
            for (Run r : runs) {
                json.writeStartObject();
                json.writeNumberProperty("id", r.id());
                json.writeStringProperty("job", r.job());
                json.writeStringProperty("start", r.start() == null ? null : r.start().toString());
                json.writeStringProperty("end", r.end() == null ? null : r.end().toString());
                json.writeNumberProperty("seconds", r.duration().toMillis() / 1000.0);
                json.writeStringProperty("status", r.status());
                json.writeStringProperty("exitCode", r.exitCode());
                json.writeStringProperty("exitMessage", r.exitMessage());
                json.writeNumberProperty("filesLoaded", r.filesLoaded());
                json.writeNumberProperty("filesDuplicate", r.filesDuplicate());
                json.writeNumberProperty("filesRejected", r.filesRejected());
                json.writeNumberProperty("filesIgnored", r.filesIgnored());
                json.writeNumberProperty("rowsLoaded", r.rowsLoaded());
                json.writeNumberProperty("rowsRejected", r.rowsRejected());
                json.writeNumberProperty("reportsWritten", r.reportsWritten());
                json.writeEndObject();
            }
            json.writeEndArray();
            for (java.util.Map.Entry<String, ?> e : more.entrySet()) {
                json.writePOJOProperty(e.getKey(), e.getValue());
            }
            json.writeEndObject();
        }
    }
}
