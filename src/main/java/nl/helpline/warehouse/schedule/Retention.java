package nl.helpline.warehouse.schedule;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import nl.helpline.warehouse.load.ArchivedExports;
import nl.helpline.warehouse.warehouse.SqlFiles;

/**
 * Forgets what is older than the retention period, and says how much. Archived exports go by
 * the warehouse's own record of when it archived them ({@code etl.source_file.archived_at}),
 * never by a file's modification time: an export copied with {@code cp -p} or {@code rsync -a}
 * keeps an old one, and would otherwise be deleted in the run that archived it.
 */
final class Retention {

    private static final List<String> PURGED = List.of("reject records", "step contexts", "step executions",
            "job contexts", "job parameters", "job executions", "job instances");

    private final NamedParameterJdbcTemplate jdbc;
    private final ArchivedExports archives;

    Retention(DataSource dataSource) {
        this.jdbc = new NamedParameterJdbcTemplate(dataSource);
        this.archives = new ArchivedExports(dataSource);
    }

    /** What was purged, by kind: rows per table, and archived export files. */
    Map<String, Long> purge(Path inbox, int days) {
        Map<String, Long> purged = new LinkedHashMap<>();
        List<String> statements = SqlFiles.loadStatements("schedule/purge.sql");
        MapSqlParameterSource parameters = new MapSqlParameterSource("days", days);
        for (int i = 0; i < statements.size(); i++) {
            purged.put(PURGED.get(i), (long) jdbc.update(statements.get(i), parameters));
        }
        purged.put("archived export files", archives.purge(inbox, days));
        return purged;
    }
}
