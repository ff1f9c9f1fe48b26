package nl.helpline.warehouse.warehouse;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A warehouse is bound to the key it was built with: pseudonyms made under another key would
 * silently turn every later version of a request into a new request. Checked before Flyway
 * migrates (so a wrong key changes nothing) and again when a load binds the key.
 */
public final class PseudonymKeyCheck {

    private PseudonymKeyCheck() {
    }

    /** Binds a warehouse that has no key yet to this one; refuses any other. */
    public static void verify(JdbcTemplate jdbc, Pseudonymizer pseudonymizer) {
        String fingerprint = pseudonymizer.fingerprint();
        jdbc.update("INSERT INTO etl.pseudonym_key (fingerprint) VALUES (?) ON CONFLICT DO NOTHING", fingerprint);
        String stored = jdbc.queryForObject("SELECT fingerprint FROM etl.pseudonym_key", String.class);
        if (!fingerprint.equals(stored)) {
            throw wrongKey(pseudonymizer);
        }
    }

    /** Before Flyway: the key must be the one the warehouse was built with, if it was built with one. */
    static void beforeMigration(DataSource dataSource, Pseudonymizer pseudonymizer) {
        Optional<String> stored = storedFingerprint(dataSource);
        if (stored.isPresent() && !stored.get().equals(pseudonymizer.fingerprint())) {
            throw wrongKey(pseudonymizer);
        }
    }

    /** The fingerprint in {@code etl.pseudonym_key}, if the warehouse has that table and a key in it. */
    static Optional<String> storedFingerprint(DataSource dataSource) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT to_regclass('etl.pseudonym_key') IS NOT NULL")) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    return Optional.empty();
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT fingerprint FROM etl.pseudonym_key")) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new WarehouseUnavailableException("Cannot check the warehouse's pseudonym key: " + e.getMessage(), e);
        }
    }

    private static WarehouseUnavailableException wrongKey(Pseudonymizer pseudonymizer) {
        return new WarehouseUnavailableException("The pseudonym key (" + pseudonymizer.keySource() + ") is not the key this "
                + "warehouse was built with; loading with it would split every request in two. Use the original key "
                + "(restore it from your backup). Nothing was changed.");
    }
}
