package nl.helpline.warehouse.release;

import java.nio.file.Path;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
public class ReleaseConfiguration {

    @Bean
    ReleaseService releaseService(@Value("${warehouse.jobs-dir:jobs}") Path jobsDir, DataSource dataSource,
                                  PlatformTransactionManager transactionManager) {
        return new ReleaseService(jobsDir, dataSource, new TransactionTemplate(transactionManager));
    }
}
