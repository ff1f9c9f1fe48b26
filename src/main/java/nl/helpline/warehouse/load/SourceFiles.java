package nl.helpline.warehouse.load;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;

import nl.helpline.warehouse.extract.ReadResult;
import nl.helpline.warehouse.warehouse.SqlFiles;

/** The lineage of files: {@code etl.source_file} and {@code etl.reject}. */
final class SourceFiles {

    private final JdbcTemplate jdbc;

    SourceFiles(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    long insert(String name, FileFingerprint fingerprint, FileStatus status, String reason, long jobExecutionId) {
        return jdbc.queryForObject(SqlFiles.load("queries/source_file_insert.sql"), Long.class,
                name, fingerprint.sha256(), fingerprint.size(), status.code(), reason, jobExecutionId);
    }

    void markLoaded(long fileId, ReadResult read, long loaded, long superseded, long rejected,
                    long professionalsWithoutWorkDomain, String archivedTo) {
        jdbc.update(connection -> {
            PreparedStatement ps = connection.prepareStatement(SqlFiles.load("queries/source_file_loaded.sql"));
            Array ignored = connection.createArrayOf("text", read.ignoredColumns().toArray());
            ps.setString(1, read.encoding());
            ps.setArray(2, ignored);
            ps.setLong(3, read.rowsRead());
            ps.setLong(4, loaded);
            ps.setLong(5, superseded);
            ps.setLong(6, rejected);
            ps.setLong(7, professionalsWithoutWorkDomain);
            ps.setString(8, archivedTo);
            ps.setLong(9, fileId);
            return ps;
        });
    }

    void reject(long fileId, String reason) {
        jdbc.update("UPDATE etl.source_file SET status = 'rejected', reason = ? WHERE file_id = ?", reason, fileId);
    }

    void archivedTo(long fileId, String path) {
        jdbc.update("UPDATE etl.source_file SET archived_to = ? WHERE file_id = ?", path, fileId);
    }

    /** A run that committed a file but died before moving it: the next run adopts it. */
    void adopt(long fileId, long jobExecutionId) {
        jdbc.update("UPDATE etl.source_file SET job_execution_id = ? WHERE file_id = ?", jobExecutionId, fileId);
    }

    Optional<LoadedFile> loadedWithSha(String sha256) {
        return jdbc.query(SqlFiles.load("queries/source_file_by_sha.sql"),
                (rs, i) -> new LoadedFile(rs.getLong(1), rs.getString(2), rs.getString(3)), sha256).stream().findFirst();
    }

    List<FileOutcome> ofRun(long jobExecutionId, int rejectsPerFile) {
        return jdbc.query(SqlFiles.load("queries/run_files.sql"), (rs, i) -> {
            long fileId = rs.getLong("file_id");
            Array ignored = rs.getArray("ignored_columns");
            List<FileOutcome.RejectLine> rejects = rs.getLong("rows_rejected") == 0 ? List.of()
                    : jdbc.query(SqlFiles.load("queries/file_rejects.sql").strip().replaceAll(";$", "") + (rejectsPerFile < 0 ? "" : " LIMIT " + rejectsPerFile),
                            (r, j) -> new FileOutcome.RejectLine(r.getLong(1), r.getString(2), r.getString(3)), fileId);
            return new FileOutcome(rs.getString("file_name"), rs.getString("sha256"),
                    FileStatus.valueOf(rs.getString("status").toUpperCase(java.util.Locale.ROOT)),
                    rs.getLong("rows_read"), rs.getLong("rows_loaded"), rs.getLong("rows_superseded"),
                    rs.getLong("rows_rejected"), rs.getLong("professionals_without_work_domain"),
                    rs.getString("reason"), ignored == null ? List.of() : List.of((String[]) ignored.getArray()), rejects);
        }, jobExecutionId);
    }

    record LoadedFile(long fileId, String name, String archivedTo) {
    }
}
