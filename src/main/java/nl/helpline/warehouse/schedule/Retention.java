package nl.helpline.warehouse.schedule;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import nl.helpline.warehouse.warehouse.SqlFiles;

/** Forgets what is older than the retention period, and says how much. */
final class Retention {

    private static final List<String> PURGED = List.of("reject records", "step contexts", "step executions",
            "job contexts", "job parameters", "job executions", "job instances");

    private final NamedParameterJdbcTemplate jdbc;

    Retention(DataSource dataSource) {
        this.jdbc = new NamedParameterJdbcTemplate(dataSource);
    }

    /** What was purged, by kind: rows per table, and archived export files. */
    Map<String, Long> purge(Path inbox, int days) {
        Map<String, Long> purged = new LinkedHashMap<>();
        List<String> statements = SqlFiles.loadStatements("schedule/purge.sql");
        MapSqlParameterSource parameters = new MapSqlParameterSource("days", days);
        for (int i = 0; i < statements.size(); i++) {
            purged.put(PURGED.get(i), (long) jdbc.update(statements.get(i), parameters));
        }
        purged.put("archived export files", archivedFiles(inbox, days));
        return purged;
    }

    private static long archivedFiles(Path inbox, int days) {
        Instant limit = Instant.now().minus(Duration.ofDays(days));
        long deleted = 0;
        for (String folder : List.of("processed", "rejected")) {
            Path dir = inbox.resolve(folder);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    if (Files.getLastModifiedTime(file).toInstant().isBefore(limit)) {
                        Files.delete(file);
                        deleted++;
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot purge " + dir, e);
            }
        }
        return deleted;
    }
}
