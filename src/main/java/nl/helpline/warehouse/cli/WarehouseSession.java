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

    /** For the commands that read the inbox (load, run, schedule). */
    static final String SETTLE_HELP = """
              --settle TIME    how long a just-written file must stay unchanged before it is read
                               (default 3s; e.g. 500ms, 10s); one that changes waits for the next run
            """;

    private WarehouseSession() {
    }

    /** {@code --settle TIME} as the property the load reads; checked before anything is done. */
    static Map<String, Object> inboxProperties(Options options) {
        Map<String, Object> properties = new LinkedHashMap<>();
        options.string("settle").ifPresent(text -> {
            java.time.Duration settle;
            try {
                settle = org.springframework.boot.convert.DurationStyle.detectAndParse(text);
            } catch (IllegalArgumentException e) {
                throw new UsageException("--settle is a duration such as 3s or 500ms, not '" + text + "'");
            }
            if (settle.isNegative() || settle.compareTo(java.time.Duration.ofMinutes(10)) > 0) {
                throw new UsageException("--settle must be between 0s and 10m, not '" + text + "'");
            }
            properties.put("warehouse.inbox.settle", settle.toMillis() + "ms");
        });
        return properties;
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
        // As command-line properties, the command's options win over system properties and the
        // environment (WAREHOUSE_*), as an operator expects of what they typed.
        String[] arguments = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        return new SpringApplicationBuilder(HelplineWarehouseApplication.class)
                .web(WebApplicationType.NONE)
                .logStartupInfo(false)
                .registerShutdownHook(shutdownHook)
                .listeners(new StandardErrorLogging())
                .applicationStartup(startup)
                .run(arguments);
    }
}
