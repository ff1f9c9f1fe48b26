package nl.helpline.warehouse.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.metrics.ApplicationStartup;

import nl.helpline.warehouse.HelplineWarehouseApplication;

/** Opens the warehouse (embedded or external) for one command: Flyway migrates it on the way. */
final class WarehouseSession {

    /** The database options every warehouse command takes. */
    static final Set<String> DATABASE_OPTIONS = Set.of("data-dir", "db-url", "log-format");

    static final String DATABASE_HELP = """
              --data-dir DIR   the embedded warehouse's folder (default ./data); created on first use
              --db-url URL     an external PostgreSQL instead, e.g. jdbc:postgresql://host:5432/warehouse
                               (user, password and pseudonym key from WAREHOUSE_DB_USER,
                               WAREHOUSE_DB_PASSWORD and WAREHOUSE_PSEUDONYM_KEY)
              --log-format F   JSON log lines for log shippers: ecs, logstash or gelf
            """;

    private WarehouseSession() {
    }

    static ConfigurableApplicationContext open(Options options, Map<String, Object> extraProperties) {
        return open(options, extraProperties, true);
    }

    /** {@code shutdownHook=false}: the caller closes the context itself (the scheduler stops its job first). */
    static ConfigurableApplicationContext open(Options options, Map<String, Object> extraProperties, boolean shutdownHook) {
        return open(options, extraProperties, shutdownHook, ApplicationStartup.DEFAULT);
    }

    /** With a recorder of where start-up goes (the benchmark's). */
    static ConfigurableApplicationContext open(Options options, Map<String, Object> extraProperties, boolean shutdownHook,
                                               ApplicationStartup startup) {
        Map<String, Object> properties = new LinkedHashMap<>(extraProperties);
        options.string("data-dir").ifPresent(v -> properties.put("warehouse.data-dir", v));
        options.string("db-url").ifPresent(v -> properties.put("warehouse.db-url", v));
        if (options.string("log-format").isPresent()) {
            // Spring Boot's structured logging, for log shippers: ecs, logstash or gelf.
            properties.put("logging.structured.format.console", options.string("log-format").get());
        }
        return new SpringApplicationBuilder(HelplineWarehouseApplication.class)
                .web(WebApplicationType.NONE)
                .logStartupInfo(false)
                .registerShutdownHook(shutdownHook)
                .applicationStartup(startup)
                .properties(properties)
                .run();
    }
}
