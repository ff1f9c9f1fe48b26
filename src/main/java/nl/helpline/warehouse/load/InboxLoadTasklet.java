package nl.helpline.warehouse.load;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import nl.helpline.warehouse.extract.ExportFiles;

/**
 * Works through the inbox one file per call. Spring Batch wraps every call in its own
 * transaction, so each file commits (or rolls back) on its own, and a restarted step simply
 * continues with the files still in the inbox.
 */
final class InboxLoadTasklet implements Tasklet {

    static final String INBOX_PARAMETER = "inbox";

    private final FileLoader loader;
    /**
     * Files this step execution has dealt with. Kept in memory, never in the step's execution
     * context: a context saved after a failed file (Spring Batch saves it on failure too) would
     * make a restart skip a file that never committed. A restart starts afresh; files already
     * loaded are recognised by their bytes.
     */
    private final Map<Long, Set<String>> handledByStepExecution = new ConcurrentHashMap<>();

    InboxLoadTasklet(FileLoader loader) {
        this.loader = loader;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        StepExecution step = chunkContext.getStepContext().getStepExecution();
        Inbox inbox = new Inbox(Path.of(step.getJobExecution().getJobParameters().getString(INBOX_PARAMETER)));
        if (!Files.isDirectory(inbox.folder())) {
            throw new IllegalStateException("The inbox " + inbox.folder() + " does not exist or is not a folder");
        }
        Set<String> handled = handledByStepExecution.get(step.getId());
        if (handled == null) {
            for (Path file : inbox.files()) {
                if (!ExportFiles.isExport(file)) {
                    loader.ignore(file, step.getJobExecutionId());
                }
            }
            handledByStepExecution.put(step.getId(), ConcurrentHashMap.newKeySet());
            return RepeatStatus.CONTINUABLE;
        }
        Optional<Path> next = inbox.files().stream()
                .filter(ExportFiles::isExport)
                .filter(f -> !handled.contains(f.getFileName().toString()))
                .findFirst();
        if (next.isEmpty()) {
            handledByStepExecution.remove(step.getId());
            return RepeatStatus.FINISHED;
        }
        // Remember the name so a file that could not be moved away is not taken up again in this run.
        handled.add(next.get().getFileName().toString());
        loader.load(next.get(), inbox, step.getJobExecutionId());
        contribution.incrementWriteCount(1);
        return RepeatStatus.CONTINUABLE;
    }
}
