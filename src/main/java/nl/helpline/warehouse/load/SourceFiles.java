package nl.helpline.warehouse.load;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;

import nl.helpline.warehouse.extract.ReadResult;
import nl.helpline.warehouse.warehouse.SqlFiles;

/** The lineage of inbox entries: {@code etl.source_file} and {@code etl.reject}. */
final class SourceFiles {

    private final JdbcTemplate jdbc;

    SourceFiles(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** An entry that was read (or is about to be). */
    long insert(String name, FileFingerprint fingerprint, FileStatus status, String reason, long jobExecutionId,
                String mappingSha256, Long reprocessOf) {
        return jdbc.queryForObject(SqlFiles.load("queries/source_file_insert.sql"), Long.class,
                name, fingerprint.sha256(), fingerprint.size(), status.code(), reason, jobExecutionId, mappingSha256, reprocessOf);
    }

    /** An entry that was not read: no fingerprint, only what lstat said of its size. */
    long insertUnread(String name, long size, FileStatus status, String reason, long jobExecutionId) {
        return jdbc.queryForObject(SqlFiles.load("queries/source_file_insert.sql"), Long.class,
                name, null, size, status.code(), reason, jobExecutionId, null, null);
    }

    void markLoaded(long fileId, ReadResult read, long loaded, long superseded, long rejected,
                    long professionalsWithoutWorkDomain, String archivedTo) {
        jdbc.update(connection -> {
            PreparedStatement ps = connection.prepareStatement(SqlFiles.load("queries/source_file_loaded.sql"));
            Array ignored = connection.createArrayOf("text", read.ignoredColumns().stream().map(FileNames::escape).toArray());
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

    /** The whole file is rejected: whatever its read had recorded is gone with the rolled-back savepoint. */
    void reject(long fileId, String reason) {
        jdbc.update("UPDATE etl.source_file SET status = 'rejected', reason = ?, rows_read = 0, rows_loaded = 0,"
                + " rows_superseded = 0, rows_rejected = 0, professionals_without_work_domain = 0 WHERE file_id = ?", reason, fileId);
    }

    void archivedTo(long fileId, String path) {
        jdbc.update("UPDATE etl.source_file SET archived_to = ?, archived_at = now() WHERE file_id = ?", path, fileId);
    }

    /** After the commit: the file could not be archived (or left in the inbox); where it is now, and why. */
    void archiveProblem(long fileId, String problem, String archivedTo) {
        jdbc.update("UPDATE etl.source_file SET archive_problem = ?, archived_to = ?,"
                + " archived_at = CASE WHEN ?::text IS NULL THEN NULL ELSE archived_at END WHERE file_id = ?",
                problem, archivedTo, archivedTo, fileId);
    }

    /** A run that committed a file but died before archiving it: the next run adopts it. */
    void adopt(long fileId, long jobExecutionId) {
        jdbc.update("UPDATE etl.source_file SET job_execution_id = ? WHERE file_id = ?", jobExecutionId, fileId);
    }

    void returned(long fileId) {
        jdbc.update("UPDATE etl.source_file SET returned_at = now() WHERE file_id = ?", fileId);
    }

    void purged(long fileId) {
        jdbc.update("UPDATE etl.source_file SET purged_at = now() WHERE file_id = ?", fileId);
    }

    /** The newest read of these bytes that loaded. */
    Optional<LoadedFile> loadedWithSha(String sha256) {
        return jdbc.query(SqlFiles.load("queries/source_file_by_sha.sql"),
                (rs, i) -> new LoadedFile(rs.getLong("file_id"), rs.getString("file_name"), rs.getString("archived_to"),
                        rs.getLong("rows_rejected"), rs.getString("mapping_sha256"), rs.getBoolean("gone")),
                sha256).stream().findFirst();
    }

    Optional<ArchivedFile> archivedByName(String name) {
        return jdbc.query(SqlFiles.load("queries/source_file_archived_by_name.sql"),
                (rs, i) -> new ArchivedFile(rs.getLong("file_id"), rs.getString("file_name"), rs.getString("sha256"),
                        FileStatus.valueOf(rs.getString("status").toUpperCase(java.util.Locale.ROOT)), rs.getString("archived_to")),
                name).stream().findFirst();
    }

    /** The entries of one job execution, each with at most {@code rejectsPerFile} of its rejected rows. */
    List<FileOutcome> ofRun(long jobExecutionId, int rejectsPerFile) {
        return jdbc.query(SqlFiles.load("queries/run_files.sql"), (rs, i) -> {
            long fileId = rs.getLong("file_id");
            Array ignored = rs.getArray("ignored_columns");
            List<FileOutcome.RejectLine> rejects = rs.getLong("rows_rejected") == 0 || rejectsPerFile == 0 ? List.of()
                    : jdbc.query(SqlFiles.load("queries/file_rejects.sql"),
                            (r, j) -> new FileOutcome.RejectLine(r.getLong(1), r.getString(2), FileNames.escape(r.getString(3))),
                            fileId, rejectsPerFile);
            return new FileOutcome(rs.getString("file_name"), rs.getString("sha256"),
                    FileStatus.valueOf(rs.getString("status").toUpperCase(java.util.Locale.ROOT)),
                    rs.getLong("rows_read"), rs.getLong("rows_loaded"), rs.getLong("rows_superseded"),
                    rs.getLong("rows_rejected"), rs.getLong("professionals_without_work_domain"),
                    rs.getString("reason"), ignored == null ? List.of() : List.of((String[]) ignored.getArray()), rejects,
                    rs.getString("archived_to"), rs.getString("archive_problem"));
        }, jobExecutionId);
    }

    /** @param archiveGone its archived copy was put back into the inbox (load --reprocess) or purged by retention */
    record LoadedFile(long fileId, String name, String archivedTo, long rowsRejected, String mappingSha256, boolean archiveGone) {
    }

    record ArchivedFile(long fileId, String name, String sha256, FileStatus status, String archivedTo) {
    }
}
