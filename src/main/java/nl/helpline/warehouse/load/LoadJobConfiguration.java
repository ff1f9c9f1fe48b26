package nl.helpline.warehouse.load;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

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
import org.springframework.util.unit.DataSize;

import nl.helpline.warehouse.extract.ExportFiles;
import nl.helpline.warehouse.extract.ValueMapping;
import nl.helpline.warehouse.verify.WarehouseChecks;
import nl.helpline.warehouse.warehouse.Pseudonymizer;

/** The {@code load} job: every entry of the inbox, one transaction each, then the run's reconciliation. */
@Configuration(proxyBeanMethods = false)
public class LoadJobConfiguration {

    public static final String JOB_NAME = "load";

    /**
     * The value mappings and the SHA-256 of their text: a file with rejected rows is read again
     * when the same bytes arrive after the mapping changed.
     */
    record Mappings(ValueMapping mapping, String sha256) {
    }

    @Bean
    Mappings mappings(@Value("${warehouse.mappings:jobs/mappings.yml}") Path mappings) {
        byte[] text;
        try {
            if (Files.exists(mappings)) {
                text = Files.readAllBytes(mappings);
            } else {
                try (InputStream in = LoadJobConfiguration.class.getClassLoader().getResourceAsStream("jobs/mappings.yml")) {
                    if (in == null) {
                        throw new IOException("not found (neither " + mappings + " nor on the class path)");
                    }
                    text = in.readAllBytes();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the value mappings " + mappings + ": " + e.getMessage(), e);
        }
        try {
            return new Mappings(ValueMapping.load(new ByteArrayInputStream(text)),
                    HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Cannot use the value mappings " + mappings + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Bean
    ValueMapping valueMapping(Mappings mappings) {
        return mappings.mapping();
    }

    @Bean
    ExportFiles exportFiles(ValueMapping mapping) {
        return new ExportFiles(mapping);
    }

    /**
     * @param settle      how long a just-written file must stay unchanged before it is read
     * @param maxFileSize a bigger file is rejected unread (it would be copied into the work folder)
     */
    @Bean
    Step loadInboxStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                       DataSource dataSource, ExportFiles exportFiles, Pseudonymizer pseudonymizer, Mappings mappings,
                       @Value("${warehouse.inbox.settle:3s}") Duration settle,
                       @Value("${warehouse.inbox.max-file-size:4GB}") DataSize maxFileSize) {
        FileLoader loader = new FileLoader(dataSource, transactionManager, exportFiles, pseudonymizer, mappings.sha256(),
                maxFileSize.toBytes());
        return new StepBuilder("loadInbox", jobRepository)
                .tasklet(new InboxLoadTasklet(loader, settle), transactionManager)
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
