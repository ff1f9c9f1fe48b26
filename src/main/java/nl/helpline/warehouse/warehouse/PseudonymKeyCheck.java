package nl.helpline.warehouse.warehouse;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A warehouse is bound to the key it was built with: pseudonyms made under another key would
 * silently turn every later version of a request into a new request. Checked at every start.
 */
public final class PseudonymKeyCheck {

    private PseudonymKeyCheck() {
    }

    public static void verify(JdbcTemplate jdbc, Pseudonymizer pseudonymizer) {
        String fingerprint = pseudonymizer.fingerprint();
        jdbc.update("INSERT INTO etl.pseudonym_key (fingerprint) VALUES (?) ON CONFLICT DO NOTHING", fingerprint);
        String stored = jdbc.queryForObject("SELECT fingerprint FROM etl.pseudonym_key", String.class);
        if (!fingerprint.equals(stored)) {
            throw new WarehouseUnavailableException("The pseudonym key (WAREHOUSE_PSEUDONYM_KEY) is not the key this "
                    + "warehouse was built with; loading with it would split every request in two. Use the original key.");
        }
    }
}
