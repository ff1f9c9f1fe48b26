package nl.helpline.warehouse.load;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Works through the inbox one entry per call. Spring Batch wraps every call in its own
 * transaction, so each file commits (or rolls back) on its own, and a restarted step simply
 * continues with the files still in the inbox.
 *
 * <p>The first call surveys the inbox: every entry gets a status (hidden dot-files excepted);
 * links, pipes and folders are never opened; an export whose size or times change during the
 * settle interval is still being written and waits for the next run. The exports that settled
 * are then loaded in name order, one per call.
 */
final class InboxLoadTasklet implements Tasklet {

    static final String INBOX_PARAMETER = "inbox";
    /** SHA-256 of files to read again although they loaded before (load --reprocess), comma-separated. */
    static final String REPROCESS_PARAMETER = "reprocess";

    private static final Logger log = LoggerFactory.getLogger(InboxLoadTasklet.class);

    private final FileLoader loader;
    private final Duration settle;
    /**
     * The exports this step execution is to load, in order. Kept in memory, never in the step's
     * execution context: a context saved after a failed file (Spring Batch saves it on failure
     * too) would make a restart skip a file that never committed. A restart surveys afresh;
     * files already loaded are recognised by their bytes.
     */
    private final Map<Long, Deque<Inbox.Entry>> planByStepExecution = new ConcurrentHashMap<>();

    InboxLoadTasklet(FileLoader loader, Duration settle) {
        this.loader = loader;
        this.settle = settle;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        StepExecution step = chunkContext.getStepContext().getStepExecution();
        Inbox inbox = new Inbox(Path.of(step.getJobExecution().getJobParameters().getString(INBOX_PARAMETER)));
        long jobExecutionId = step.getJobExecutionId();
        Deque<Inbox.Entry> plan = planByStepExecution.get(step.getId());
        if (plan == null) {
            if (!Files.isDirectory(inbox.folder())) {
                throw new IllegalStateException("The inbox " + inbox.folder() + " does not exist or is not a folder");
            }
            planByStepExecution.put(step.getId(), survey(inbox, jobExecutionId));
            return RepeatStatus.CONTINUABLE;
        }
        Inbox.Entry next = plan.poll();
        if (next == null) {
            planByStepExecution.remove(step.getId());
            return RepeatStatus.FINISHED;
        }
        loader.load(loader.folders(inbox), inbox, next, jobExecutionId, reprocess(step));
        contribution.incrementWriteCount(1);
        return RepeatStatus.CONTINUABLE;
    }

    private static Set<String> reprocess(StepExecution step) {
        String value = step.getJobExecution().getJobParameters().getString(REPROCESS_PARAMETER);
        return value == null || value.isBlank() ? Set.of() : Arrays.stream(value.split(",")).collect(Collectors.toSet());
    }

    /** Gives every entry a status or a place in the plan; the plan holds the exports that settled. */
    private Deque<Inbox.Entry> survey(Inbox inbox, long jobExecutionId) throws Exception {
        // Opening the folders checks them: a planted link as processed/ stops the run here, before anything moved.
        InboxFolders folders = loader.folders(inbox);
        int leftovers = folders.cleanWork();
        if (leftovers > 0) {
            log.info("Removed {} work copies left by an interrupted run", leftovers);
        }
        List<Inbox.Entry> candidates = new ArrayList<>();
        for (Inbox.Entry entry : inbox.survey()) {
            if (FileNames.hidden(entry.name())) {
                continue;   // dot-files: the load's work folder, an exporter's temporary file
            }
            if (entry.kind() == Inbox.Kind.FOLDER && (entry.name().equals(Inbox.PROCESSED) || entry.name().equals(Inbox.REJECTED))) {
                continue;
            }
            if (!FileNames.isExport(entry.name())) {
                loader.ignore(entry, ignoredBecause(entry), jobExecutionId);
            } else if (entry.kind() != Inbox.Kind.FILE) {
                loader.rejectUnread(folders, inbox, entry, entry.kind().words, jobExecutionId);
            } else {
                candidates.add(entry);
            }
        }
        return settled(inbox, candidates, jobExecutionId);
    }

    private static String ignoredBecause(Inbox.Entry entry) {
        if (entry.kind() != Inbox.Kind.FILE) {
            return entry.kind().words + "; not an export (only *.csv and *.xlsx are read); left in the inbox";
        }
        if (entry.display().endsWith(".part")) {
            return "still being written (*.part); it is read once the exporter renames it to *.csv or *.xlsx";
        }
        return "not an export (only *.csv and *.xlsx are read); left in the inbox";
    }

    /**
     * A file written in the last {@code settle} (or dated in the future) may still be being
     * written: wait until the interval has passed, then look again. Whatever changed waits for
     * the next run; the copy into the work folder checks once more.
     */
    private Deque<Inbox.Entry> settled(Inbox inbox, List<Inbox.Entry> candidates, long jobExecutionId) throws InterruptedException {
        Instant now = Instant.now();
        Duration wait = Duration.ZERO;
        for (Inbox.Entry entry : candidates) {
            Duration age = Duration.between(latest(entry.modified(), entry.changed()), now);
            if (age.compareTo(settle) < 0) {
                Duration remaining = age.isNegative() ? settle : settle.minus(age);
                wait = remaining.compareTo(wait) > 0 ? remaining : wait;
            }
        }
        if (!wait.isZero()) {
            log.info("Waiting {} ms for recently written files to settle", wait.toMillis());
            Thread.sleep(wait.toMillis());
        }
        Deque<Inbox.Entry> plan = new ArrayDeque<>();
        for (Inbox.Entry entry : candidates) {
            Inbox.Entry again = inbox.stat(entry.name()).orElse(null);
            if (again == null) {
                log.info("{}: disappeared before it could be read", entry.display());
            } else if (!entry.sameAs(again)) {
                loader.waiting(again, "it changed within " + settle.toMillis() + " ms (size " + entry.size() + " → " + again.size()
                        + " bytes): still being written; it is left for the next run", jobExecutionId);
            } else {
                plan.add(again);
            }
        }
        return plan;
    }

    private static Instant latest(FileTime a, FileTime b) {
        return a.compareTo(b) >= 0 ? a.toInstant() : b.toInstant();
    }
}
