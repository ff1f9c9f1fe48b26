package nl.helpline.warehouse.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.sql.DataSource;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import nl.helpline.warehouse.extract.ExportFiles;
import nl.helpline.warehouse.extract.ValueMapping;
import nl.helpline.warehouse.verify.WarehouseChecks;
import nl.helpline.warehouse.warehouse.Pseudonymizer;

/** The {@code load} job: every file of the inbox, one transaction each, then the run's reconciliation. */
@Configuration(proxyBeanMethods = false)
public class LoadJobConfiguration {

    public static final String JOB_NAME = "load";

    @Bean
    ValueMapping valueMapping(@Value("${warehouse.mappings:jobs/mappings.yml}") Path mappings) {
        try {
            if (Files.exists(mappings)) {
                return ValueMapping.load(mappings);
            }
            try (InputStream in = LoadJobConfiguration.class.getClassLoader().getResourceAsStream("jobs/mappings.yml")) {
                return ValueMapping.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the value mappings " + mappings, e);
        }
    }

    @Bean
    ExportFiles exportFiles(ValueMapping mapping) {
        return new ExportFiles(mapping);
    }

    @Bean
    Step loadInboxStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                       DataSource dataSource, ExportFiles exportFiles, Pseudonymizer pseudonymizer) {
        FileLoader loader = new FileLoader(dataSource, exportFiles, pseudonymizer);
        return new StepBuilder("loadInbox", jobRepository)
                .tasklet(new InboxLoadTasklet(loader), transactionManager)
                .build();
    }

    @Bean
    Step reconcileRunStep(JobRepository jobRepository, PlatformTransactionManager transactionManager, DataSource dataSource) {
        return new StepBuilder("reconcileRun", jobRepository)
                .tasklet(new RunReconciliationTasklet(new WarehouseChecks(dataSource)), transactionManager)
                .build();
    }

    @Bean
    Job loadJob(JobRepository jobRepository, Step loadInboxStep, Step reconcileRunStep) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .start(loadInboxStep)
                .next(reconcileRunStep)
                .build();
    }

    @Bean
    LoadRunner loadRunner(org.springframework.batch.core.launch.JobOperator jobOperator, Job loadJob, DataSource dataSource) {
        return new LoadRunner(jobOperator, loadJob, new SourceFiles(new JdbcTemplate(dataSource)));
    }
}
