package nl.helpline.warehouse.warehouse;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the warehouse lives. Bound from {@code warehouse.*}; the environment variables
 * {@code WAREHOUSE_DB_USER}, {@code WAREHOUSE_DB_PASSWORD} and {@code WAREHOUSE_PSEUDONYM_KEY}
 * reach the matching fields through Spring's relaxed binding.
 *
 * @param dataDir      the embedded database's home (PostgreSQL files and the generated pseudonym key)
 * @param dbUrl        a JDBC URL of an external PostgreSQL; when set, nothing is embedded
 * @param pseudonymKey the secret behind request pseudonyms; required with an external database
 */
@ConfigurationProperties("warehouse")
public record WarehouseProperties(Path dataDir, String dbUrl, String dbUser, String dbPassword, String pseudonymKey) {

    public WarehouseProperties {
        if (dataDir == null) {
            dataDir = Path.of("data");
        }
        if (dbUrl != null && dbUrl.isBlank()) {
            dbUrl = null;
        }
    }

    public boolean embedded() {
        return dbUrl == null;
    }
}
