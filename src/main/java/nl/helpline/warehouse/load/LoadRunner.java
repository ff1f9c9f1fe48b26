package nl.helpline.warehouse.load;

import java.nio.file.Path;
import java.time.Instant;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;

/** Starts the load job for an inbox and reads back what it did. */
public final class LoadRunner {

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
        JobParameters parameters = new JobParametersBuilder()
                .addString(InboxLoadTasklet.INBOX_PARAMETER, inbox.toAbsolutePath().normalize().toString())
                .addString("requestedAt", Instant.now().toString())
                .toJobParameters();
        JobExecution execution = jobOperator.start(loadJob, parameters);
        return result(execution);
    }

    public LoadResult result(JobExecution execution) {
        LoadSummary summary = summary(execution.getId());
        return new LoadResult(execution.getId(), execution.getStatus(), failureMessage(execution), summary);
    }

    /** The summary of a run, rebuilt from the lineage tables (so a restarted run reports every file). */
    public LoadSummary summary(long jobExecutionId) {
        return LoadSummary.of(jobExecutionId, sourceFiles.ofRun(jobExecutionId, -1));
    }

    private static String failureMessage(JobExecution execution) {
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            return null;
        }
        return execution.getAllFailureExceptions().stream()
                // A full disk is said in plain words (and where), not as the SQL that hit it.
                .map(e -> nl.helpline.warehouse.warehouse.DiskFull.explain(e).orElseGet(() -> rootMessage(e)))
                .findFirst()
                .orElse(execution.getExitStatus().getExitDescription());
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + t.getMessage() + ")";
    }

    public record LoadResult(long jobExecutionId, BatchStatus status, String failure, LoadSummary summary) {
        public boolean completed() {
            return status == BatchStatus.COMPLETED;
        }
    }
}
