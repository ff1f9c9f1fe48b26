package nl.helpline.warehouse.warehouse;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Opens the warehouse: the embedded PostgreSQL by default, an external one when
 * {@code warehouse.db-url} is set. Everything above this class sees only a {@link DataSource}
 * and behaves identically on both.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WarehouseProperties.class)
public class WarehouseDatabaseConfiguration {

    /** Present only for the embedded default; closing it stops PostgreSQL and frees the data directory. */
    @Bean(destroyMethod = "close")
    EmbeddedServerHolder embeddedServer(WarehouseProperties properties) {
        return new EmbeddedServerHolder(properties.embedded() ? EmbeddedWarehouseServer.start(properties.dataDir()) : null);
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(WarehouseProperties properties, EmbeddedServerHolder embedded) {
        HikariConfig config = new HikariConfig();
        if (embedded.server() != null) {
            config.setJdbcUrl(embedded.server().jdbcUrl());
        } else {
            config.setJdbcUrl(properties.dbUrl());
            config.setUsername(properties.dbUser());
            config.setPassword(properties.dbPassword());
        }
        config.setPoolName("warehouse");
        config.setMaximumPoolSize(6);
        config.setMinimumIdle(1);
        // An unreachable database must fail a run quickly and clearly rather than hang the night.
        config.setConnectionTimeout(15_000);
        config.setInitializationFailTimeout(15_000);
        config.addDataSourceProperty("ApplicationName", "helpline-warehouse pid " + ProcessHandle.current().pid());
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new WarehouseUnavailableException("Cannot connect to the warehouse database at "
                    + config.getJdbcUrl() + ": " + rootMessage(e), e);
        }
    }

    @Bean
    PseudonymKey pseudonymKey(WarehouseProperties properties) {
        return PseudonymKey.resolve(properties);
    }

    @Bean
    Pseudonymizer pseudonymizer(PseudonymKey key) {
        return new Pseudonymizer(key);
    }

    @Bean
    FlywayConfigurationCustomizer batchMetadataMigration() {
        return configuration -> configuration.javaMigrations(new BatchMetadataMigration());
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    /** Lets the embedded server be an optional bean without a null bean definition. */
    public record EmbeddedServerHolder(EmbeddedWarehouseServer server) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            if (server != null) {
                server.close();
            }
        }
    }
}
