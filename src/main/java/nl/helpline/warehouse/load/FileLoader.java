package nl.helpline.warehouse.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import nl.helpline.warehouse.extract.ExportFiles;
import nl.helpline.warehouse.extract.FileRejectedException;
import nl.helpline.warehouse.extract.ReadResult;
import nl.helpline.warehouse.warehouse.Pseudonymizer;

/**
 * Deals with one inbox entry inside the caller's transaction. An export is copied once into the
 * inbox's private work folder (hashed on the way); only that copy is read and archived, and the
 * original is removed after the commit. Lineage, staging, transform and reconciliation commit
 * together or not at all, so a run killed at any moment leaves the warehouse as if the file had
 * never been touched, and the next run loads it again.
 *
 * <p>A file is the unit of failure: whatever goes wrong while reading one (a reader's exception,
 * values the database refuses) rolls back to a savepoint taken before the file and rejects that
 * file with the error as its reason; only the warehouse failing itself ({@link Failures}) stops
 * the run. Archiving happens after the commit; when it fails the file stays loaded, the problem
 * is recorded and reported, and the next files go on.
 */
final class FileLoader {

    private static final Logger log = LoggerFactory.getLogger(FileLoader.class);
    /** A reason quoting an exception is cut here: it goes into a log line, a summary and a table. */
    private static final int MAX_REASON = 1000;
    /** Room left on the inbox's disk after copying a file (the archive is a rename, the reject spool is small). */
    private static final long SPARE_BYTES = 64L << 20;

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final SourceFiles sourceFiles;
    private final Transform transform;
    private final ExportFiles exportFiles;
    private final Pseudonymizer pseudonymizer;
    private final String mappingSha256;
    private final long maxFileBytes;
    private final TransactionTemplate separately;

    FileLoader(DataSource dataSource, PlatformTransactionManager transactionManager, ExportFiles exportFiles,
               Pseudonymizer pseudonymizer, String mappingSha256, long maxFileBytes) {
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
        this.sourceFiles = new SourceFiles(jdbc);
        this.transform = new Transform(jdbc);
        this.exportFiles = exportFiles;
        this.pseudonymizer = pseudonymizer.copy();
        this.mappingSha256 = mappingSha256;
        this.maxFileBytes = maxFileBytes;
        this.separately = new TransactionTemplate(transactionManager);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * The inbox's folders for the current transaction: opened (and checked) now, closed when the
     * transaction has completed, after the archiving that follows its commit.
     */
    InboxFolders folders(Inbox inbox) {
        InboxFolders folders = InboxFolders.open(inbox);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                folders.close();
            }
        });
        return folders;
    }

    /** An entry that is no export (or not one to read now): recorded as seen and left where it is. */
    void ignore(Inbox.Entry entry, String reason, long jobExecutionId) {
        sourceFiles.insertUnread(entry.display(), entry.size(), FileStatus.IGNORED, reason, jobExecutionId);
        log.info("{}: ignored: {}", entry.display(), reason);
    }

    /** A file still being written: recorded and left for the next run. */
    void waiting(Inbox.Entry entry, String reason, long jobExecutionId) {
        sourceFiles.insertUnread(entry.display(), entry.size(), FileStatus.WAITING, reason, jobExecutionId);
        log.warn("{}: waiting: {}", entry.display(), reason);
    }

    /**
     * An entry with an export's name that is not read at all (a link, a pipe, a folder, a file too
     * big or unreadable): rejected, and the entry itself, never opened, is moved to rejected/.
     */
    void rejectUnread(InboxFolders folders, Inbox inbox, Inbox.Entry entry, String reason, long jobExecutionId) throws IOException {
        String fullReason = entry.display() + ": " + reason;
        long fileId = sourceFiles.insertUnread(entry.display(), entry.size(), FileStatus.REJECTED, fullReason, jobExecutionId);
        String archiveName = folders.freeName(InboxFolders.Archive.REJECTED, entry.name(), null);
        sourceFiles.archivedTo(fileId, inbox.archivePath(Inbox.REJECTED, archiveName).toString());
        log.error("{}: rejected: {}", entry.display(), reason);
        afterCommit(() -> archive(folders, inbox, entry, fileId, InboxFolders.Archive.REJECTED, archiveName, fullReason, false));
    }

    /**
     * Loads one export that settled: copies it into the work folder, then reads it, or records it
     * as a duplicate, or adopts it (a run that committed it died before archiving it).
     *
     * @param reprocess SHA-256 of files to read again even if they loaded before (load --reprocess)
     */
    void load(InboxFolders folders, Inbox inbox, Inbox.Entry entry, long jobExecutionId, Set<String> reprocess) throws Exception {
        String name = entry.display();
        if (entry.size() > maxFileBytes) {
            rejectUnread(folders, inbox, entry, "the file is " + entry.size() + " bytes, more than the " + maxFileBytes
                    + " an export may have (warehouse.inbox.max-file-size); it was not read", jobExecutionId);
            return;
        }
        long free = Files.getFileStore(inbox.folder()).getUsableSpace();
        if (free < entry.size() + SPARE_BYTES) {
            throw new IOException("No space left on device to copy " + name + " (" + entry.size() + " bytes) into "
                    + inbox.folder().resolve(Inbox.WORK) + ": " + free + " bytes free");
        }
        InboxFolders.Copied copied;
        long start = System.nanoTime();
        try {
            copied = folders.copyIn(entry);
        } catch (InboxFolders.FileChangedException e) {
            waiting(entry, e.getMessage() + "; it is left for the next run", jobExecutionId);
            return;
        } catch (NoSuchFileException e) {
            ignore(entry, "it disappeared before it could be read", jobExecutionId);
            return;
        } catch (IOException e) {
            if (Failures.warehouseFailure(e)) {
                throw e;
            }
            rejectUnread(folders, inbox, entry, "cannot be read: " + Failures.rootMessage(e), jobExecutionId);
            return;
        }
        FileFingerprint fingerprint = copied.fingerprint();
        log.info("{}: {} bytes copied into the work folder in {} ms, SHA-256 {}", name, fingerprint.size(),
                (System.nanoTime() - start) / 1_000_000, fingerprint.sha256().substring(0, 12));

        Long reprocessOf = null;
        Optional<SourceFiles.LoadedFile> earlier = sourceFiles.loadedWithSha(fingerprint.sha256());
        if (earlier.isPresent()) {
            SourceFiles.LoadedFile loaded = earlier.get();
            boolean forced = reprocess.contains(fingerprint.sha256());
            if (!forced && loaded.name().equals(name) && loaded.archivedTo() != null && !loaded.archiveGone()
                    && !archiveExists(loaded.archivedTo())) {
                adopt(folders, inbox, entry, loaded, jobExecutionId);
                return;
            }
            boolean mappingChanged = !Objects.equals(loaded.mappingSha256(), mappingSha256);
            if (!forced && !(loaded.rowsRejected() > 0 && mappingChanged)) {
                duplicate(folders, inbox, entry, fingerprint, loaded, jobExecutionId);
                return;
            }
            reprocessOf = loaded.fileId();
            log.info("{}: same bytes as {}, read again: {}", name, loaded.name(), forced ? "load --reprocess"
                    : "its " + loaded.rowsRejected() + " rejected rows may load now that the mappings changed");
        }
        read(folders, inbox, entry, copied, reprocessOf, jobExecutionId);
    }

    private void read(InboxFolders folders, Inbox inbox, Inbox.Entry entry, InboxFolders.Copied copied, Long reprocessOf,
                      long jobExecutionId) throws Exception {
        String name = entry.display();
        FileFingerprint fingerprint = copied.fingerprint();
        long fileId = sourceFiles.insert(name, fingerprint, FileStatus.LOADED, null, jobExecutionId, mappingSha256, reprocessOf);
        Connection connection = DataSourceUtils.getConnection(dataSource);
        Savepoint beforeFile = connection.setSavepoint();
        try {
            folders.checkWorkCopy(entry, copied);
            readAndTransform(inbox.workCopy(entry.name()), fileId, name);
            folders.checkWorkCopy(entry, copied);
        } catch (FileRejectedException e) {
            connection.rollback(beforeFile);
            // The readers escape the file name in their reasons already: escaping it again would double
            // its backslashes; control characters are still made visible, whatever a reason holds.
            rejectRead(folders, inbox, entry, fileId, fingerprint, FileNames.oneLine(e.getMessage()));
            return;
        } catch (Exception | StackOverflowError e) {
            if (Failures.warehouseFailure(e)) {
                throw e;
            }
            // Defence in depth: whatever a reader throws, or the database refuses of a file's values,
            // is that file's fault; the savepoint takes back everything the file did.
            connection.rollback(beforeFile);
            log.debug("{}: reading failed", name, e);
            rejectRead(folders, inbox, entry, fileId, fingerprint, name + ": could not be read: " + Failures.rootMessage(e));
            return;
        }
        String archiveName = folders.freeName(InboxFolders.Archive.PROCESSED, entry.name(), fingerprint.sha256());
        String archivedTo = inbox.archivePath(Inbox.PROCESSED, archiveName).toString();
        sourceFiles.archivedTo(fileId, archivedTo);
        afterCommit(() -> archive(folders, inbox, entry, fileId, InboxFolders.Archive.PROCESSED, archiveName, null, true));
    }

    /** Reading, staging, the transform and the file's reconciliation; the file's counts are recorded. */
    private void readAndTransform(Path workCopy, long fileId, String name) throws Exception {
        jdbc.execute("TRUNCATE staging.request_row");
        Connection connection = DataSourceUtils.getConnection(dataSource);
        ReadResult read;
        long staged;
        long accepted;
        long rejected;
        long professionalsWithoutWorkDomain;
        try (StagingWriter staging = new StagingWriter(connection.unwrap(PGConnection.class), fileId, name, pseudonymizer)) {
            long start = System.nanoTime();
            read = exportFiles.read(workCopy, staging);
            staged = staging.finish();
            accepted = staging.accepted();
            rejected = staging.rejected();
            professionalsWithoutWorkDomain = staging.professionalsWithoutWorkDomain();
            log.info("{}: {} rows read in {} ms ({} staged, {} rejected)", name, read.rowsRead(),
                    (System.nanoTime() - start) / 1_000_000, staged, rejected);
        }
        if (!read.ignoredColumns().isEmpty()) {
            log.info("{}: columns not in the contract, ignored: {}", name,
                    FileNames.escape(String.join(", ", read.ignoredColumns())));
        }

        long loaded = transform.run(name, staged);
        long superseded = staged - loaded;
        reconcile(name, read.rowsRead(), accepted, staged, loaded, superseded, rejected);

        sourceFiles.markLoaded(fileId, read, loaded, superseded, rejected, professionalsWithoutWorkDomain, null);
        jdbc.execute("DROP TABLE file_winner, known_winner");
        jdbc.execute("TRUNCATE staging.request_row");
        if (professionalsWithoutWorkDomain > 0) {
            log.warn("{}: {} professionals without Werkterrein, loaded under work domain UNKNOWN", name, professionalsWithoutWorkDomain);
        }
        log.info("{}: {} read = {} loaded + {} superseded + {} rejected", name, read.rowsRead(), loaded, superseded, rejected);
    }

    /** Nothing lost, nothing doubled: the counts of one file must add up, or nothing of it commits. */
    private static void reconcile(String name, long read, long accepted, long staged, long loaded, long superseded, long rejected) {
        if (staged != accepted || read != loaded + superseded + rejected || loaded < 0) {
            throw new Failures.ReconciliationException("Reconciliation failed for " + name + ": read " + read + ", accepted " + accepted
                    + ", staged " + staged + ", loaded " + loaded + ", superseded " + superseded + ", rejected " + rejected
                    + "; the file was not committed");
        }
    }

    private void rejectRead(InboxFolders folders, Inbox inbox, Inbox.Entry entry, long fileId, FileFingerprint fingerprint,
                            String reason) throws IOException {
        String cut = reason.length() <= MAX_REASON ? reason : reason.substring(0, MAX_REASON) + "…";
        sourceFiles.reject(fileId, cut);
        String archiveName = folders.freeName(InboxFolders.Archive.REJECTED, entry.name(), fingerprint.sha256());
        sourceFiles.archivedTo(fileId, inbox.archivePath(Inbox.REJECTED, archiveName).toString());
        log.error("{}: file rejected: {}", entry.display(), cut);
        afterCommit(() -> archive(folders, inbox, entry, fileId, InboxFolders.Archive.REJECTED, archiveName, cut, true));
    }

    private void duplicate(InboxFolders folders, Inbox inbox, Inbox.Entry entry, FileFingerprint fingerprint,
                           SourceFiles.LoadedFile loaded, long jobExecutionId) throws IOException {
        String name = entry.display();
        String reason = "same bytes as " + loaded.name() + ", loaded before; not counted again";
        if (loaded.rowsRejected() > 0) {
            reason += " (its " + loaded.rowsRejected() + " rejected rows are read again only when jobs/mappings.yml changed,"
                    + " or with load --reprocess)";
        }
        if (loaded.name().equals(name) && loaded.archivedTo() != null && !loaded.archiveGone() && archiveExists(loaded.archivedTo())) {
            // The same file once more, or one a run archived and then died before removing: its bytes are archived already.
            long fileId = sourceFiles.insert(name, fingerprint, FileStatus.DUPLICATE, reason + "; already archived as "
                    + loaded.archivedTo(), jobExecutionId, mappingSha256, null);
            log.info("{}: {}", name, reason);
            afterCommit(() -> {
                folders.removeWorkCopy(entry);
                removeOriginal(folders, entry, fileId, null);
            });
            return;
        }
        long fileId = sourceFiles.insert(name, fingerprint, FileStatus.DUPLICATE, reason, jobExecutionId, mappingSha256, null);
        String archiveName = folders.freeName(InboxFolders.Archive.PROCESSED, entry.name(), fingerprint.sha256());
        sourceFiles.archivedTo(fileId, inbox.archivePath(Inbox.PROCESSED, archiveName).toString());
        log.info("{}: {}", name, reason);
        afterCommit(() -> archive(folders, inbox, entry, fileId, InboxFolders.Archive.PROCESSED, archiveName, null, true));
    }

    /** Committed by a run that died before it could archive the file: finish that run's work. */
    private void adopt(InboxFolders folders, Inbox inbox, Inbox.Entry entry, SourceFiles.LoadedFile loaded, long jobExecutionId)
            throws IOException {
        log.info("{}: loaded by an interrupted run; archiving it now", entry.display());
        sourceFiles.adopt(loaded.fileId(), jobExecutionId);
        Path recorded = Path.of(loaded.archivedTo());
        String archiveName = recorded.getParent() != null && recorded.getParent().equals(inbox.folder().resolve(Inbox.PROCESSED))
                && !folders.archived(InboxFolders.Archive.PROCESSED, recorded.getFileName().toString())
                ? recorded.getFileName().toString()
                : folders.freeName(InboxFolders.Archive.PROCESSED, entry.name(), null);
        sourceFiles.archivedTo(loaded.fileId(), inbox.archivePath(Inbox.PROCESSED, archiveName).toString());
        afterCommit(() -> archive(folders, inbox, entry, loaded.fileId(), InboxFolders.Archive.PROCESSED, archiveName, null, true));
    }

    private static boolean archiveExists(String archivedTo) {
        try {
            return Files.exists(Path.of(archivedTo), LinkOption.NOFOLLOW_LINKS);
        } catch (InvalidPathException e) {
            return false;
        }
    }

    /**
     * After the commit: archive the file (the work copy, or the entry itself), write the reason
     * of a rejection, remove the original. A failure is recorded with the file and reported; it
     * never stops the run: the file's rows are committed, and the original stays in the inbox
     * (where the next run recognises its bytes) when it could not be archived.
     */
    private void archive(InboxFolders folders, Inbox inbox, Inbox.Entry entry, long fileId, InboxFolders.Archive archive,
                         String archiveName, String reason, boolean workCopy) {
        List<String> problems = new ArrayList<>();
        String archived = archiveName;
        try {
            move(folders, entry, archive, archiveName, workCopy);
        } catch (IOException | RuntimeException first) {
            archived = null;
            try {
                // A name the file system refuses (too long, not encodable): the warehouse's own safe name.
                String safe = folders.safeName(archive, fileId, FileNames.extension(entry.name()));
                move(folders, entry, archive, safe, workCopy);
                archived = safe;
                problems.add("archived as " + safe + " because " + FileNames.escape(archiveName) + " could not be used ("
                        + Failures.rootMessage(first) + ")");
            } catch (IOException | RuntimeException second) {
                problems.add("could not be archived into " + archive.folder + "/: " + Failures.rootMessage(first)
                        + "; it was left in the inbox");
            }
        }
        if (archived != null && reason != null) {
            try {
                folders.writeReason(archived, reason);
            } catch (IOException | RuntimeException e) {
                problems.add("its reason file could not be written: " + Failures.rootMessage(e));
            }
        }
        if (archived != null && workCopy) {
            removeOriginal(folders, entry, fileId, problems);
        }
        if (workCopy && archived == null) {
            folders.removeWorkCopy(entry);
        }
        if (!problems.isEmpty() || !Objects.equals(archived, archiveName)) {
            String problem = problems.isEmpty() ? null : String.join("; ", problems);
            String archivedTo = archived == null ? null : inbox.archivePath(archive.folder, archived).toString();
            log.error("{}: {}", entry.display(), problem);
            recordSeparately(() -> sourceFiles.archiveProblem(fileId, problem, archivedTo));
        }
    }

    private static void move(InboxFolders folders, Inbox.Entry entry, InboxFolders.Archive archive, String name, boolean workCopy)
            throws IOException {
        if (workCopy) {
            folders.archiveWorkCopy(entry, archive, name);
        } else {
            folders.archiveOriginal(entry, archive, name);
        }
    }

    /** The original leaves the inbox once its bytes are archived; a new file under its name stays for the next run. */
    private void removeOriginal(InboxFolders folders, Inbox.Entry entry, long fileId, List<String> problems) {
        try {
            if (!folders.removeOriginal(entry)) {
                log.info("{}: a new file arrived under the same name while it was loaded; it is left for the next run", entry.display());
            }
        } catch (IOException | RuntimeException e) {
            String problem = "could not be removed from the inbox: " + Failures.rootMessage(e)
                    + " (its bytes are loaded and archived; remove it, or let the exporter remove it)";
            if (problems != null) {
                problems.add(problem);
            } else {
                log.error("{}: {}", entry.display(), problem);
                recordSeparately(() -> sourceFiles.archiveProblem(fileId, problem, null));
            }
        }
    }

    /** After the commit the file's transaction is over: a problem is recorded in a transaction of its own. */
    private void recordSeparately(Runnable update) {
        try {
            separately.executeWithoutResult(status -> update.run());
        } catch (RuntimeException e) {
            log.error("Could not record an archiving problem: {}", Failures.rootMessage(e));
        }
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
