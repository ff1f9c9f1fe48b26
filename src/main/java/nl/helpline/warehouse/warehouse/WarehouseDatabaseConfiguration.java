package nl.helpline.warehouse.warehouse;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
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
            // The application role, never the superuser (EmbeddedWarehouseServer).
            config.setJdbcUrl(embedded.server().jdbcUrl());
            config.setUsername(embedded.server().username());
            config.setPassword(embedded.server().password());
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
            String diskFull = DiskFull.explain(e).orElse(null);
            throw new WarehouseUnavailableException(diskFull != null ? diskFull : "Cannot connect to the warehouse database at "
                    + config.getJdbcUrl() + ": " + rootMessage(e), e);
        }
    }

    /** Resolved (and for the embedded warehouse, created or found missing) before Flyway runs. */
    @Bean
    PseudonymKey pseudonymKey(WarehouseProperties properties, HikariDataSource dataSource) {
        return PseudonymKey.resolve(properties, dataSource);
    }

    @Bean
    Pseudonymizer pseudonymizer(PseudonymKey key) {
        return new Pseudonymizer(key);
    }

    /**
     * Flyway migrates only once the pseudonym key is known to be the warehouse's own: a wrong or
     * too-short key is refused before anything in the database changes.
     */
    @Bean
    FlywayMigrationStrategy keyCheckedMigration(Pseudonymizer pseudonymizer) {
        return flyway -> {
            PseudonymKeyCheck.beforeMigration(flyway.getConfiguration().getDataSource(), pseudonymizer);
            try {
                flyway.migrate();
            } catch (RuntimeException e) {
                String diskFull = DiskFull.explain(e).orElse(null);
                if (diskFull != null) {
                    throw new WarehouseUnavailableException(diskFull, e);
                }
                throw e;
            }
        };
    }

    @Bean
    FlywayConfigurationCustomizer batchMetadataMigration() {
        return configuration -> configuration.javaMigrations(new BatchMetadataMigration());
    }

    @Bean
    FlywayConfigurationCustomizer readerAccessSettings() {
        return configuration -> ReaderAccessSettings.validate(configuration.getPlaceholders());
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
