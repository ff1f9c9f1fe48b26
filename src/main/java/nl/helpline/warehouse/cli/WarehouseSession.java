package nl.helpline.warehouse.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import nl.helpline.warehouse.HelplineWarehouseApplication;

/** Opens the warehouse (embedded or external) for one command: Flyway migrates it on the way. */
final class WarehouseSession {

    /** The database options every warehouse command takes. */
    static final Set<String> DATABASE_OPTIONS = Set.of("data-dir", "db-url");

    static final String DATABASE_HELP = """
              --data-dir DIR   the embedded warehouse's folder (default ./data); created on first use
              --db-url URL     an external PostgreSQL instead, e.g. jdbc:postgresql://host:5432/warehouse
                               (user, password and pseudonym key from WAREHOUSE_DB_USER,
                               WAREHOUSE_DB_PASSWORD and WAREHOUSE_PSEUDONYM_KEY)
            """;

    private WarehouseSession() {
    }

    static ConfigurableApplicationContext open(Options options, Map<String, Object> extraProperties) {
        Map<String, Object> properties = new LinkedHashMap<>(extraProperties);
        options.string("data-dir").ifPresent(v -> properties.put("warehouse.data-dir", v));
        options.string("db-url").ifPresent(v -> properties.put("warehouse.db-url", v));
        return new SpringApplicationBuilder(HelplineWarehouseApplication.class)
                .web(WebApplicationType.NONE)
                .logStartupInfo(false)
                .properties(properties)
                .run();
    }
}
