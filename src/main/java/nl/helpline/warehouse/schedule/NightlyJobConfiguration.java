package nl.helpline.warehouse.schedule;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import nl.helpline.warehouse.release.ReleaseService;
import nl.helpline.warehouse.report.ReportRefusedException;
import nl.helpline.warehouse.report.Period;
import nl.helpline.warehouse.report.ReportService;
import nl.helpline.warehouse.warehouse.SqlFiles;

/**
 * The {@code nightly} job: the load's own steps (every inbox file, then the run's
 * reconciliation of what they touched), the whole warehouse on the nights of its calendar
 * ({@link VerifyStepConfiguration}), then the reports that are due, then retention. One job
 * instance per night.
 */
@Configuration(proxyBeanMethods = false)
public class NightlyJobConfiguration {

    public static final String JOB_NAME = "nightly";
    static final String NIGHT = "night";
    static final String OUTBOX = "out";
    static final String REPORTS_WRITTEN = "reports.written";
    static final String PURGED = "purged";
    static final String REPORTS_REFUSED = "reports.refused";

    private static final Logger log = LoggerFactory.getLogger(NightlyJobConfiguration.class);

    @Bean
    ScheduleSettings scheduleSettings(@Value("${warehouse.jobs-dir:jobs}") Path jobsDir) throws Exception {
        return ScheduleSettings.load(jobsDir);
    }

    @Bean
    Step writeReportsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                          ReportService reports, ReleaseService releases, ScheduleSettings settings, DataSource dataSource) {
        NamedParameterJdbcTemplate jdbc = new NamedParameterJdbcTemplate(dataSource);
        return new StepBuilder("writeReports", jobRepository).tasklet((contribution, context) -> {
            JobParameters parameters = context.getStepContext().getStepExecution().getJobExecution().getJobParameters();
            LocalDate night = LocalDate.parse(parameters.getString(NIGHT));
            Path outbox = Path.of(parameters.getString(OUTBOX));
            List<String> written = new ArrayList<>();
            List<String> refused = new ArrayList<>();
            for (DueReports.Due due : DueReports.on(night, settings.graceDays(), settings.definitions(),
                    (definition, period) -> finalWritten(jdbc, definition, period, settings.graceDays()))) {
                try {
                    ReportService.Written w = reports.write(due.definition(), due.period(), null, outbox);
                    written.add(w.workbook().getFileName() + (due.finalVersion() ? " (final)" : ""));
                    log.info("Wrote the draft {}{}: {} cells suppressed", w.workbook(), due.finalVersion() ? " (final version)" : "",
                            w.report().informationLoss().suppressedCells());
                    if (due.finalVersion() && settings.autoRelease() && !released(jdbc, due.definition(), due.period())) {
                        ReleaseService.Released r = releases.release(due.definition(), due.period(), "schedule", outbox);
                        written.add(r.files().get(0).getFileName() + " (released, version " + r.version() + ")");
                        log.info("Released {} {} version {}", due.definition(), due.period().label(), r.version());
                    }
                } catch (ReportRefusedException e) {
                    // The data of this period cannot be published safely (too few requests); running
                    // again would not change that, so the night goes on and says so. The message
                    // names cells, never counts.
                    refused.add(due.definition() + " " + due.period().label() + ": " + e.getMessage());
                    log.warn("Not written: {}", e.getMessage());
                }
            }
            context.getStepContext().getStepExecution().getExecutionContext().put(REPORTS_WRITTEN, String.join(", ", written));
            context.getStepContext().getStepExecution().getExecutionContext().put(REPORTS_REFUSED, String.join("; ", refused));
            return RepeatStatus.FINISHED;
        }, transactionManager).build();
    }

    private static boolean released(NamedParameterJdbcTemplate jdbc, String definition, Period period) {
        return Boolean.TRUE.equals(jdbc.queryForObject(SqlFiles.load("schedule/released.sql"), new MapSqlParameterSource()
                .addValue("definition", definition).addValue("start", period.start()).addValue("end", period.end()), Boolean.class));
    }

    private static boolean finalWritten(NamedParameterJdbcTemplate jdbc, String definition, Period period, int graceDays) {
        return Boolean.TRUE.equals(jdbc.queryForObject(SqlFiles.load("schedule/final_written.sql"), new MapSqlParameterSource()
                .addValue("definition", definition).addValue("start", period.start()).addValue("end", period.end())
                .addValue("grace_over", period.end().plusDays(graceDays)), Boolean.class));
    }

    @Bean
    Step purgeStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                   ScheduleSettings settings, DataSource dataSource) {
        Retention retention = new Retention(dataSource);
        return new StepBuilder("purge", jobRepository).tasklet((contribution, context) -> {
            JobParameters parameters = context.getStepContext().getStepExecution().getJobExecution().getJobParameters();
            Map<String, Long> purged = retention.purge(Path.of(parameters.getString("inbox")), settings.retentionDays());
            StringBuilder said = new StringBuilder();
            purged.forEach((what, n) -> said.append(said.isEmpty() ? "" : ", ").append(n).append(' ').append(what));
            log.info("Purged what is older than {} days: {}", settings.retentionDays(), said);
            context.getStepContext().getStepExecution().getExecutionContext().put(PURGED, said.toString());
            return RepeatStatus.FINISHED;
        }, transactionManager).build();
    }

    @Bean
    NightlyRunner nightlyRunner(org.springframework.batch.core.launch.JobOperator jobOperator, JobRepository jobRepository,
                                Job nightlyJob, nl.helpline.warehouse.load.LoadRunner loadRunner) {
        return new NightlyRunner(jobOperator, jobRepository, nightlyJob, loadRunner);
    }

    @Bean
    RunHistory runHistory(DataSource dataSource) {
        return new RunHistory(dataSource);
    }

    @Bean
    Job nightlyJob(JobRepository jobRepository, Step loadInboxStep, Step reconcileRunStep, Step verifyWarehouseStep,
                   Step writeReportsStep, Step purgeStep) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .start(loadInboxStep)
                .next(reconcileRunStep)
                .next(verifyWarehouseStep)
                .next(writeReportsStep)
                .next(purgeStep)
                .build();
    }
}
