package nl.helpline.warehouse.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;

/** Starts the load job for an inbox and reads back what it did. */
public final class LoadRunner {

    /**
     * Rejected rows listed per file in a summary (screen and JSON); the rest are counted. All of
     * them stay in etl.reject: a file of a million bad rows must not need a million objects.
     */
    public static final int REJECTS_PER_FILE = 100;

    private final JobOperator jobOperator;
    private final Job loadJob;
    private final SourceFiles sourceFiles;

    LoadRunner(JobOperator jobOperator, Job loadJob, SourceFiles sourceFiles) {
        this.jobOperator = jobOperator;
        this.loadJob = loadJob;
        this.sourceFiles = sourceFiles;
    }

    /** Each load is its own job instance: the inbox and the moment it was asked for identify it. */
    public LoadResult load(Path inbox) throws Exception {
        return load(inbox, Set.of());
    }

    /**
     * As {@link #load(Path)}; files whose SHA-256 is in {@code reprocess} are read again even
     * though they loaded before (see {@link #putBack}).
     */
    public LoadResult load(Path inbox, Set<String> reprocess) throws Exception {
        JobParameters parameters = new JobParametersBuilder()
                .addString(InboxLoadTasklet.INBOX_PARAMETER, inbox.toAbsolutePath().normalize().toString())
                .addString("requestedAt", Instant.now().toString())
                .addString(InboxLoadTasklet.REPROCESS_PARAMETER, String.join(",", reprocess), false)
                .toJobParameters();
        JobExecution execution = jobOperator.start(loadJob, parameters);
        return result(execution);
    }

    /**
     * {@code load --reprocess NAME}: puts the archived copy of the newest file recorded under that
     * name (its escaped name, as the summary and etl.source_file show it) back into the inbox, and
     * returns its SHA-256 for {@link #load(Path, Set)}. The caller holds the warehouse lock.
     *
     * @throws IllegalArgumentException (with a sentence for the operator) when there is nothing to put back
     */
    public String putBack(Path inboxFolder, String name) throws IOException {
        SourceFiles.ArchivedFile archived = sourceFiles.archivedByName(name).orElseThrow(() -> new IllegalArgumentException(
                "No archived file named '" + FileNames.escape(name) + "' is recorded (the name as the summary shows it;"
                        + " its archive may have been purged)"));
        Path archive;
        try {
            archive = Path.of(archived.archivedTo());
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("The archive of '" + name + "' cannot be found under this locale: " + archived.archivedTo());
        }
        Inbox inbox = new Inbox(inboxFolder);
        InboxFolders.Archive from = archive.getParent() != null && archive.getParent().equals(inbox.folder().resolve(Inbox.PROCESSED))
                ? InboxFolders.Archive.PROCESSED
                : archive.getParent() != null && archive.getParent().equals(inbox.folder().resolve(Inbox.REJECTED))
                ? InboxFolders.Archive.REJECTED : null;
        if (from == null) {
            throw new IllegalArgumentException("'" + name + "' was archived as " + archive + ", not in this inbox ("
                    + inbox.folder() + "); give --inbox the inbox it came from");
        }
        if (!Files.exists(archive, LinkOption.NOFOLLOW_LINKS)) {
            throw new IllegalArgumentException("The archived copy of '" + name + "' (" + archive + ") is gone");
        }
        Path back = inboxName(name, archive);
        if (inbox.stat(back).isPresent()) {
            throw new IllegalArgumentException("The inbox already holds an entry named " + FileNames.display(back)
                    + "; load or remove it first");
        }
        try (InboxFolders folders = InboxFolders.open(inbox)) {
            folders.putBack(from, archive.getFileName().toString(), back);
        }
        sourceFiles.returned(archived.fileId());
        return archived.sha256();
    }

    /** Back under the name it was delivered with when that name can be written; else under its archive's name. */
    private static Path inboxName(String recorded, Path archive) {
        try {
            Path name = Path.of(recorded);
            if (name.getNameCount() == 1 && !recorded.startsWith(".") && FileNames.display(name).equals(recorded)
                    && FileNames.isExport(name)) {
                return name;
            }
        } catch (InvalidPathException e) {
            // not writable as it was recorded
        }
        return archive.getFileName();
    }

    public LoadResult result(JobExecution execution) {
        LoadSummary summary = summary(execution.getId());
        return new LoadResult(execution.getId(), execution.getStatus(), failureMessage(execution), summary);
    }

    /**
     * The summary of a run, rebuilt from the lineage tables (so a restarted run reports every
     * file), with at most {@link #REJECTS_PER_FILE} rejected rows listed per file.
     */
    public LoadSummary summary(long jobExecutionId) {
        return LoadSummary.of(jobExecutionId, sourceFiles.ofRun(jobExecutionId, REJECTS_PER_FILE));
    }

    private static String failureMessage(JobExecution execution) {
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            return null;
        }
        return execution.getAllFailureExceptions().stream()
                // A full disk is said in plain words (and where), not as the SQL that hit it.
                .map(e -> nl.helpline.warehouse.warehouse.DiskFull.explain(e).orElseGet(() -> Failures.describe(e)))
                .findFirst()
                .orElse(execution.getExitStatus().getExitDescription());
    }

    public record LoadResult(long jobExecutionId, BatchStatus status, String failure, LoadSummary summary) {
        public boolean completed() {
            return status == BatchStatus.COMPLETED;
        }
    }
}
