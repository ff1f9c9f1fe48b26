package nl.helpline.warehouse.schedule;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

import nl.helpline.warehouse.load.FileOutcome;
import nl.helpline.warehouse.load.LoadRunner;
import nl.helpline.warehouse.load.LoadSummary;

/**
 * Starts, resumes and recovers nightly runs. Each night is its own job instance (identified by
 * the night, the inbox and an attempt number); a night that failed is restarted, not started
 * anew, so it resumes where it stopped; a night that completed and is run again by hand gets
 * the next attempt number.
 */
public final class NightlyRunner {

    private static final Logger log = LoggerFactory.getLogger(NightlyRunner.class);

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final Job nightlyJob;
    private final LoadRunner loadRunner;

    public NightlyRunner(JobOperator jobOperator, JobRepository jobRepository, Job nightlyJob, LoadRunner loadRunner) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.nightlyJob = nightlyJob;
        this.loadRunner = loadRunner;
    }

    /** What a run did, over every execution of its job instance (a restarted night included). */
    public record NightResult(long jobExecutionId, LocalDate night, BatchStatus status, String failure,
                              LoadSummary load, String reportsWritten, String reportsRefused, String purged, boolean resumed) {
        public boolean completed() {
            return status == BatchStatus.COMPLETED;
        }
    }

    public NightResult run(LocalDate night, Path inbox, Path outbox) throws Exception {
        long attempt = 1;
        JobExecution last = null;
        while (true) {
            JobInstance instance = jobRepository.getJobInstance(NightlyJobConfiguration.JOB_NAME, parameters(night, inbox, outbox, attempt));
            if (instance == null) {
                break;
            }
            last = jobRepository.getLastJobExecution(instance);
            attempt++;
        }
        if (last != null && last.getStatus() != BatchStatus.COMPLETED && last.getStatus() != BatchStatus.ABANDONED) {
            log.info("The run of night {} did not complete ({}); resuming it", night, last.getStatus());
            return resume(last);
        }
        JobExecution execution = jobOperator.start(nightlyJob, parameters(night, inbox, outbox, attempt));
        return result(execution, false);
    }

    /** Resumes the newest nightly or load run that did not complete; empty when there is none. */
    public Optional<NightResult> restartLast() throws Exception {
        Optional<JobExecution> last = newestExecution(NightlyJobConfiguration.JOB_NAME);
        if (last.isEmpty() || last.get().getStatus() == BatchStatus.COMPLETED || last.get().getStatus() == BatchStatus.ABANDONED) {
            return Optional.empty();
        }
        return Optional.of(resume(last.get()));
    }

    /**
     * The caller holds the warehouse lock, so an execution still marked STARTED belongs to a
     * process that died: recover it (Spring Batch marks it FAILED), then restart it.
     */
    private NightResult resume(JobExecution execution) throws Exception {
        JobExecution failed = execution;
        if (execution.getStatus().isRunning()) {
            log.warn("Run {} was left {} by a process that is gone; recovering it", execution.getId(), execution.getStatus());
            failed = jobOperator.recover(execution);
        } else if (execution.getStatus() == BatchStatus.UNKNOWN || execution.getEndTime() == null) {
            // The database went away under the run, so Spring Batch could not record how it ended
            // (UNKNOWN, no end time) and would refuse to restart it. It failed: say so, then restart.
            log.warn("Run {} ended as {} without an end (its database went away); marking it failed", execution.getId(), execution.getStatus());
            failed = markFailed(execution);
        }
        JobExecution restarted = jobOperator.restart(failed);
        return result(restarted, true);
    }

    private JobExecution markFailed(JobExecution execution) {
        java.time.LocalDateTime now = java.time.LocalDateTime.now();
        for (StepExecution step : execution.getStepExecutions()) {
            if (step.getStatus().isRunning() || step.getStatus() == BatchStatus.UNKNOWN || step.getEndTime() == null) {
                step.setStatus(BatchStatus.FAILED);
                step.setExitStatus(org.springframework.batch.core.ExitStatus.FAILED);
                step.setEndTime(now);
                jobRepository.update(step);
            }
        }
        execution.setStatus(BatchStatus.FAILED);
        execution.setExitStatus(org.springframework.batch.core.ExitStatus.FAILED.addExitDescription("its database went away during the run"));
        execution.setEndTime(now);
        jobRepository.update(execution);
        return jobRepository.getJobExecution(execution.getId());
    }

    private Optional<JobExecution> newestExecution(String jobName) {
        JobInstance instance = jobRepository.getLastJobInstance(jobName);
        return instance == null ? Optional.empty() : Optional.ofNullable(jobRepository.getLastJobExecution(instance));
    }

    private NightResult result(JobExecution execution, boolean resumed) {
        List<JobExecution> executions = new ArrayList<>(jobRepository.getJobExecutions(execution.getJobInstance()));
        executions.sort(Comparator.comparing(JobExecution::getId));
        List<FileOutcome> files = new ArrayList<>();
        for (JobExecution e : executions) {
            files.addAll(loadRunner.summary(e.getId()).files());
        }
        String reports = stepContext(executions, "writeReports", NightlyJobConfiguration.REPORTS_WRITTEN);
        String refused = stepContext(executions, "writeReports", NightlyJobConfiguration.REPORTS_REFUSED);
        String purged = stepContext(executions, "purge", NightlyJobConfiguration.PURGED);
        LoadRunner.LoadResult load = loadRunner.result(execution);
        return new NightResult(execution.getId(), LocalDate.parse(execution.getJobParameters().getString(NightlyJobConfiguration.NIGHT)),
                execution.getStatus(), load.failure(), LoadSummary.of(execution.getId(), files), reports, refused, purged, resumed);
    }

    private String stepContext(List<JobExecution> executions, String step, String key) {
        for (int i = executions.size() - 1; i >= 0; i--) {
            JobExecution e = jobRepository.getJobExecution(executions.get(i).getId());
            for (StepExecution s : e.getStepExecutions()) {
                if (s.getStepName().equals(step) && s.getExecutionContext().containsKey(key)) {
                    return s.getExecutionContext().getString(key);
                }
            }
        }
        return "";
    }

    static JobParameters parameters(LocalDate night, Path inbox, Path outbox, long attempt) {
        return new JobParametersBuilder()
                .addString(NightlyJobConfiguration.NIGHT, night.toString())
                .addString("inbox", inbox.toAbsolutePath().normalize().toString())
                .addLong("attempt", attempt)
                .addString(NightlyJobConfiguration.OUTBOX, outbox.toAbsolutePath().normalize().toString(), false)
                .toJobParameters();
    }
}
