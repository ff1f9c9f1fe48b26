package nl.helpline.warehouse.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import nl.helpline.warehouse.cli.ExitCode;
import nl.helpline.warehouse.support.Cli;
import nl.helpline.warehouse.support.TestDatabase;

/**
 * A wrong or too-short WAREHOUSE_PSEUDONYM_KEY is refused before Flyway touches an external
 * warehouse (issue 8): a warehouse of the previous version, with migrations still to apply, is
 * left exactly as it was.
 */
class PseudonymKeyBeforeMigrationTest {

    @Test
    void aWrongOrShortKeyChangesNothingTheRightKeyMigrates() {
        TestDatabase db = TestDatabase.create();
        EarlierWarehouses.migrate(db.url());
        JdbcTemplate jdbc = db.jdbc();
        jdbc.update("INSERT INTO etl.pseudonym_key (fingerprint) VALUES (?)",
                new Pseudonymizer(PseudonymKey.of(TestDatabase.PSEUDONYM_KEY)).fingerprint());
        String history = "SELECT count(*) || ' ' || max(installed_rank) FROM etl.flyway_schema_history";
        String before = jdbc.queryForObject(history, String.class);

        Cli.Result wrong = withKey("another-key-than-the-warehouse-had", () -> Cli.run(db, "status"));
        assertThat(wrong.exitCode()).as(wrong.toString()).isEqualTo(ExitCode.FAILED);
        assertThat(wrong.err()).contains("The pseudonym key (WAREHOUSE_PSEUDONYM_KEY) is not the key this warehouse was built with")
                .contains("Nothing was changed");
        assertThat(jdbc.queryForObject(history, String.class)).isEqualTo(before);
        assertThat(jdbc.queryForObject("SELECT to_regclass('etl.run_lock') IS NULL", Boolean.class)).isTrue();

        Cli.Result tooShort = withKey("short-key", () -> Cli.run(db, "status"));
        assertThat(tooShort.exitCode()).as(tooShort.toString()).isEqualTo(ExitCode.FAILED);
        assertThat(tooShort.err()).contains("(WAREHOUSE_PSEUDONYM_KEY) is too short");
        assertThat(jdbc.queryForObject(history, String.class)).isEqualTo(before);

        Cli.Result right = Cli.run(db, "status");
        assertThat(right.exitCode()).as(right.toString()).isEqualTo(ExitCode.OK);
        assertThat(jdbc.queryForObject("SELECT to_regclass('etl.run_lock') IS NOT NULL", Boolean.class)).isTrue();
    }

    private static Cli.Result withKey(String key, java.util.function.Supplier<Cli.Result> command) {
        String saved = System.setProperty(EmbeddedWarehouses.KEY_PROPERTY, key);
        try {
            return command.get();
        } finally {
            System.setProperty(EmbeddedWarehouses.KEY_PROPERTY, saved);
        }
    }
}
