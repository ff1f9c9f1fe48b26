package nl.helpline.warehouse.load;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import nl.helpline.warehouse.extract.ExportFiles;

/**
 * Works through the inbox one file per call. Spring Batch wraps every call in its own
 * transaction, so each file commits (or rolls back) on its own, and a restarted step simply
 * continues with the files still in the inbox.
 */
final class InboxLoadTasklet implements Tasklet {

    static final String INBOX_PARAMETER = "inbox";
    private static final String SCANNED = "inbox.scanned";
    private static final String HANDLED = "inbox.handled";

    private final FileLoader loader;

    InboxLoadTasklet(FileLoader loader) {
        this.loader = loader;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        StepExecution step = chunkContext.getStepContext().getStepExecution();
        ExecutionContext context = step.getExecutionContext();
        Inbox inbox = new Inbox(Path.of(step.getJobExecution().getJobParameters().getString(INBOX_PARAMETER)));
        if (!Files.isDirectory(inbox.folder())) {
            throw new IllegalStateException("The inbox " + inbox.folder() + " does not exist or is not a folder");
        }
        if (!context.containsKey(SCANNED)) {
            for (Path file : inbox.files()) {
                if (!ExportFiles.isExport(file)) {
                    loader.ignore(file, step.getJobExecutionId());
                }
            }
            context.put(SCANNED, true);
            return RepeatStatus.CONTINUABLE;
        }
        List<String> handled = handled(context);
        Optional<Path> next = inbox.files().stream()
                .filter(ExportFiles::isExport)
                .filter(f -> !handled.contains(f.getFileName().toString()))
                .findFirst();
        if (next.isEmpty()) {
            return RepeatStatus.FINISHED;
        }
        // Remember the name so a file that could not be moved away is not loaded twice in one run.
        handled.add(next.get().getFileName().toString());
        context.put(HANDLED, handled);
        loader.load(next.get(), inbox, step.getJobExecutionId());
        contribution.incrementWriteCount(1);
        return RepeatStatus.CONTINUABLE;
    }

    @SuppressWarnings("unchecked")
    private static List<String> handled(ExecutionContext context) {
        Object value = context.get(HANDLED);
        return value == null ? new ArrayList<>() : new ArrayList<>((List<String>) value);
    }
}
