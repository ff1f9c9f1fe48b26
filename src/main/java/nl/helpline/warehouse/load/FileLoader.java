package nl.helpline.warehouse.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import nl.helpline.warehouse.extract.ExportFiles;
import nl.helpline.warehouse.extract.FileRejectedException;
import nl.helpline.warehouse.extract.ReadResult;
import nl.helpline.warehouse.warehouse.Pseudonymizer;

/**
 * Loads one inbox file inside the caller's transaction: lineage, staging, transform and
 * reconciliation commit together or not at all, so a run killed at any moment leaves the
 * warehouse as if the file had never been touched, and the next run loads it again. The file
 * is moved out of the inbox only after the commit.
 */
final class FileLoader {

    private static final Logger log = LoggerFactory.getLogger(FileLoader.class);

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final SourceFiles sourceFiles;
    private final Transform transform;
    private final ExportFiles exportFiles;
    private final Pseudonymizer pseudonymizer;

    FileLoader(DataSource dataSource, ExportFiles exportFiles, Pseudonymizer pseudonymizer) {
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
        this.sourceFiles = new SourceFiles(jdbc);
        this.transform = new Transform(jdbc);
        this.exportFiles = exportFiles;
        this.pseudonymizer = pseudonymizer.copy();
    }

    /** A file that is no export: recorded as seen and left where it is. */
    void ignore(Path file, long jobExecutionId) throws IOException {
        String reason = "not an export (only *.csv and *.xlsx are read); left in the inbox";
        sourceFiles.insert(file.getFileName().toString(), FileFingerprint.of(file), FileStatus.IGNORED, reason, jobExecutionId);
        log.warn("{}: {}", file.getFileName(), reason);
    }

    void load(Path file, Inbox inbox, long jobExecutionId) throws IOException, SQLException {
        String name = file.getFileName().toString();
        FileFingerprint fingerprint = FileFingerprint.of(file);

        Optional<SourceFiles.LoadedFile> earlier = sourceFiles.loadedWithSha(fingerprint.sha256());
        if (earlier.isPresent()) {
            SourceFiles.LoadedFile loaded = earlier.get();
            if (loaded.name().equals(name) && loaded.archivedTo() != null && !Files.exists(Path.of(loaded.archivedTo()))) {
                // Committed by a run that died before it could move the file: finish that run's work.
                log.info("{}: loaded by an interrupted run; moving it out of the inbox now", name);
                sourceFiles.adopt(loaded.fileId(), jobExecutionId);
                afterCommit(() -> Inbox.move(file, Path.of(loaded.archivedTo())));
                return;
            }
            Path target = inbox.processedTarget(file, fingerprint.sha256());
            long fileId = sourceFiles.insert(name, fingerprint, FileStatus.DUPLICATE,
                    "same bytes as " + loaded.name() + ", loaded before; not counted again", jobExecutionId);
            sourceFiles.archivedTo(fileId, target.toString());
            log.info("{}: same bytes as {} (already loaded); not counted again", name, loaded.name());
            afterCommit(() -> Inbox.move(file, target));
            return;
        }

        long fileId = sourceFiles.insert(name, fingerprint, FileStatus.LOADED, null, jobExecutionId);
        jdbc.execute("TRUNCATE staging.request_row");
        Connection connection = DataSourceUtils.getConnection(dataSource);
        ReadResult read;
        long staged;
        long accepted;
        long rejected;
        long professionalsWithoutWorkDomain;
        try (StagingWriter staging = new StagingWriter(connection.unwrap(PGConnection.class), fileId, name, pseudonymizer)) {
            long start = System.nanoTime();
            try {
                read = exportFiles.read(file, staging);
            } catch (FileRejectedException e) {
                // End the COPY cleanly (cancelling it would abort the transaction); rejectFile discards it.
                staging.finish();
                rejectFile(file, inbox, fileId, fingerprint, e.getMessage());
                return;
            }
            staged = staging.finish();
            accepted = staging.accepted();
            rejected = staging.rejected();
            professionalsWithoutWorkDomain = staging.professionalsWithoutWorkDomain();
            log.info("{}: {} rows read in {} ms ({} staged, {} rejected)", name, read.rowsRead(),
                    (System.nanoTime() - start) / 1_000_000, staged, rejected);
        }
        if (!read.ignoredColumns().isEmpty()) {
            log.info("{}: columns not in the contract, ignored: {}", name, String.join(", ", read.ignoredColumns()));
        }

        long loaded = transform.run(name, staged);
        long superseded = staged - loaded;
        reconcile(name, read.rowsRead(), accepted, staged, loaded, superseded, rejected);

        Path target = inbox.processedTarget(file, fingerprint.sha256());
        sourceFiles.markLoaded(fileId, read, loaded, superseded, rejected, professionalsWithoutWorkDomain, target.toString());
        jdbc.execute("DROP TABLE file_winner, known_winner");
        jdbc.execute("TRUNCATE staging.request_row");
        if (professionalsWithoutWorkDomain > 0) {
            log.warn("{}: {} professionals without Werkterrein, loaded under work domain UNKNOWN", name, professionalsWithoutWorkDomain);
        }
        log.info("{}: {} read = {} loaded + {} superseded + {} rejected", name, read.rowsRead(), loaded, superseded, rejected);
        afterCommit(() -> Inbox.move(file, target));
    }

    /** Nothing lost, nothing doubled: the counts of one file must add up, or nothing of it commits. */
    private static void reconcile(String name, long read, long accepted, long staged, long loaded, long superseded, long rejected) {
        if (staged != accepted || read != loaded + superseded + rejected || loaded < 0) {
            throw new IllegalStateException("Reconciliation failed for " + name + ": read " + read + ", accepted " + accepted
                    + ", staged " + staged + ", loaded " + loaded + ", superseded " + superseded + ", rejected " + rejected
                    + "; the file was not committed");
        }
    }

    private void rejectFile(Path file, Inbox inbox, long fileId, FileFingerprint fingerprint, String reason) {
        // The reader wrote nothing to the warehouse; drop what it may have staged and rejected.
        jdbc.update("DELETE FROM etl.reject WHERE file_id = ?", fileId);
        jdbc.execute("TRUNCATE staging.request_row");
        sourceFiles.reject(fileId, reason);
        Path target = inbox.rejectedTarget(file, fingerprint.sha256());
        sourceFiles.archivedTo(fileId, target.toString());
        log.error("{}: file rejected: {}", file.getFileName(), reason);
        afterCommit(() -> {
            Inbox.move(file, target);
            Inbox.writeReason(target, reason);
        });
    }

    private static void afterCommit(Runnable action) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }
}
