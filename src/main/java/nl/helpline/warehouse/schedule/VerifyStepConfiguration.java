package nl.helpline.warehouse.schedule;

import java.nio.file.Path;
import java.time.LocalDate;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import nl.helpline.warehouse.verify.Findings;
import nl.helpline.warehouse.verify.WarehouseChecks;

/**
 * The nightly job's step {@code verifyWarehouse}: on the nights of its calendar, the whole
 * warehouse is checked (as {@code verify} does) before any report is written from it; on other
 * nights it does nothing. A warehouse not in order fails the night (exit 3) and no report of
 * that night is written.
 */
@Configuration(proxyBeanMethods = false)
public class VerifyStepConfiguration {

    static final String VERIFIED = "verified";

    private static final Logger log = LoggerFactory.getLogger(VerifyStepConfiguration.class);

    @Bean
    VerifyCalendar verifyCalendar(@Value("${warehouse.jobs-dir:jobs}") Path jobsDir) throws Exception {
        return VerifyCalendar.load(jobsDir);
    }

    @Bean
    Step verifyWarehouseStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                             VerifyCalendar calendar, DataSource dataSource) {
        WarehouseChecks checks = new WarehouseChecks(dataSource);
        return new StepBuilder("verifyWarehouse", jobRepository).tasklet((contribution, context) -> {
            LocalDate night = LocalDate.parse(context.getStepContext().getStepExecution().getJobExecution()
                    .getJobParameters().getString(NightlyJobConfiguration.NIGHT));
            if (!calendar.due(night)) {
                return RepeatStatus.FINISHED;
            }
            // In the step's transaction: the check, and forgetting what it proved.
            Findings findings = checks.everything();
            if (!findings.inOrder()) {
                throw new IllegalStateException("The whole warehouse was verified (verify_on " + night.getDayOfWeek()
                        + ") and is NOT in order: " + String.join("; ", findings.problems()) + ". No report was written.");
            }
            checks.forgetTouched();
            log.info("Verified {}", findings.summary());
            context.getStepContext().getStepExecution().getExecutionContext().put(VERIFIED, findings.summary());
            return RepeatStatus.FINISHED;
        }, transactionManager).build();
    }
}
