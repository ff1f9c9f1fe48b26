package nl.helpline.warehouse.warehouse;

import static nl.helpline.warehouse.support.ExportCsv.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import nl.helpline.warehouse.cli.ExitCode;
import nl.helpline.warehouse.support.Cli;
import nl.helpline.warehouse.support.ExportCsv;

/**
 * A data directory made by the previous version (zonky's initdb with trust for everyone, the
 * application connected as superuser postgres to database postgres, migrations up to V11, a BI
 * login holding warehouse_reader) is locked down and handed over on its first start, without
 * losing a row, and the warehouse goes on loading into the same requests.
 */
class EarlierVersionUpgradeTest {

    private static final String KEY = "an-earlier-version-key-0123456789";

    private Path parent;
    private String savedKeyProperty;

    @BeforeEach
    void noKeyFromTheEnvironment() throws Exception {
        parent = EmbeddedWarehouses.openParent("earlier-version");
        savedKeyProperty = System.clearProperty(EmbeddedWarehouses.KEY_PROPERTY);
    }

    @AfterEach
    void restore() {
        if (savedKeyProperty != null) {
            System.setProperty(EmbeddedWarehouses.KEY_PROPERTY, savedKeyProperty);
        }
        PostgresBinaries.deleteTree(parent);
    }

    @Test
    void anEarlierVersionsWarehouseIsLockedAndHandedOverWithEveryRow() throws Exception {
        Path dataDir = parent.resolve("data");
        Files.createDirectories(dataDir);
        Files.writeString(dataDir.resolve("pseudonym.key"), KEY + "\n", StandardCharsets.UTF_8);
        Pseudonymizer pseudonymizer = new Pseudonymizer(PseudonymKey.of(KEY));

        // What the previous version left behind.
        try (EmbeddedPostgres earlier = EmbeddedPostgres.builder().setDataDirectory(dataDir.resolve("pg"))
                .setCleanDataDirectory(false).setRegisterShutdownHook(false).start()) {
            String url = earlier.getJdbcUrl("postgres", "postgres");
            EarlierWarehouses.migrate(url);
            try (Connection c = earlier.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("INSERT INTO etl.source_file (file_name, sha256, size_bytes, status, rows_read, rows_loaded) "
                        + "VALUES ('old.csv', 'ab', 100, 'loaded', 1, 1)");
                try (PreparedStatement p = c.prepareStatement("INSERT INTO etl.pseudonym_key (fingerprint) VALUES (?)")) {
                    p.setString(1, pseudonymizer.fingerprint());
                    p.execute();
                }
                try (PreparedStatement p = c.prepareStatement("INSERT INTO etl.request_version VALUES (?, '2024-03-01 09:00', 'CLOSED', 1, 2)")) {
                    p.setBytes(1, pseudonymizer.pseudonym("HAL-1"));
                    p.execute();
                }
                try (PreparedStatement p = c.prepareStatement("INSERT INTO dw.fact_request (request_pseudonym, received_date_key, "
                        + "closed_date_key, channel_key, requester_key, follow_up_key, status_key, conversations, days_to_close, "
                        + "last_modified, source_file_id, source_line) VALUES (?, 20240301, 20240301, 1, 1, 1, 3, 1, 0, '2024-03-01 09:00', 1, 2)")) {
                    p.setBytes(1, pseudonymizer.pseudonym("HAL-1"));
                    p.execute();
                }
                s.execute("INSERT INTO dw.bridge_request_phenomenon SELECT request_key, 0 FROM dw.fact_request");
                s.execute("INSERT INTO dw.bridge_request_help_question SELECT request_key, 0 FROM dw.fact_request");
                s.execute("CREATE ROLE old_bi_" + ProcessHandle.current().pid() + " LOGIN IN ROLE warehouse_reader");
            }
        }
        assertThat(Files.readString(dataDir.resolve("pg/pg_hba.conf"))).contains("trust");

        // The first start of this version, as a user would: the nightly load with one newer row.
        Path inbox = parent.resolve("inbox");
        ExportCsv.create().add(row("HAL-1", "02-03-2024 09:00")).write(inbox.resolve("new.csv"));
        Cli.Result load = Cli.run("load", "--inbox", inbox.toString(), "--data-dir", dataDir.toString());
        assertThat(load.exitCode()).as(load.toString()).isEqualTo(ExitCode.OK);

        assertThat(Files.readString(dataDir.resolve("pg/pg_hba.conf"))).doesNotContain("trust");
        try (EmbeddedWarehouseServer server = EmbeddedWarehouseServer.start(dataDir);
             Connection c = EmbeddedWarehouses.connect(server.port(), EmbeddedWarehouseServer.DATABASE, server.username(), server.password());
             Statement s = c.createStatement()) {
            // Every row kept, and the newer version met its request: the same key, the same pseudonym.
            assertThat(rows(s, "SELECT file_name FROM etl.source_file ORDER BY file_id")).containsExactly("old.csv", "new.csv");
            assertThat(rows(s, "SELECT last_modified::text FROM dw.fact_request")).containsExactly("2024-03-02 09:00:00");
            assertThat(rows(s, "SELECT version FROM etl.flyway_schema_history WHERE version IS NOT NULL "
                    + "ORDER BY installed_rank DESC LIMIT 1")).containsExactly(newestMigration());
            // Everything of the warehouse belongs to the application role now, which is no superuser.
            assertThat(rows(s, "SELECT n.nspname || '.' || c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                    + "WHERE n.nspname IN ('etl','staging','dw','batch','mart','report','released') AND c.relowner <> 'warehouse'::regrole")).isEmpty();
            assertThat(rows(s, "SELECT nspname FROM pg_namespace WHERE nspname IN ('etl','staging','dw','batch','mart','report','released') "
                    + "AND nspowner <> 'warehouse'::regrole")).isEmpty();
            assertThat(rows(s, "SELECT rolsuper::text FROM pg_roles WHERE rolname = current_user")).containsExactly("false");
            assertThat(rows(s, "SELECT datname FROM pg_database WHERE datname IN ('helpline', 'postgres') ORDER BY 1"))
                    .containsExactly("helpline", "postgres");
            // The old BI login: no way in (no password), and nothing granted here any more.
            assertThat(rows(s, "SELECT has_database_privilege('warehouse_reader', current_database(), 'CONNECT')::text "
                    + "|| has_schema_privilege('warehouse_reader', 'mart', 'USAGE')::text")).containsExactly("falsefalse");
            for (String user : List.of("postgres", "old_bi_" + ProcessHandle.current().pid())) {
                assertThatThrownBy(() -> EmbeddedWarehouses.connect(server.port(), "helpline", user, null).close()).as(user)
                        .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isIn("28P01", "08004"));
            }
        }
        assertThat(Map.of("dataDir", permissions(dataDir), "key", permissions(dataDir.resolve("pseudonym.key"))))
                .containsEntry("dataDir", "rwx------").containsEntry("key", "rw-------");
    }

    private static String permissions(Path path) throws java.io.IOException {
        return java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    private static List<String> rows(Statement s, String sql) throws SQLException {
        List<String> rows = new java.util.ArrayList<>();
        try (ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }

    /** The highest versioned migration this build ships: the upgrade must reach it. */
    private static String newestMigration() throws Exception {
        Path migrations = Path.of(EarlierVersionUpgradeTest.class.getClassLoader().getResource("sql/migrations").toURI());
        try (var files = Files.list(migrations)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.matches("V\\d+__.*"))
                    .map(n -> Integer.parseInt(n.substring(1, n.indexOf("__")))).max(Integer::compare).orElseThrow().toString();
        }
    }
}
