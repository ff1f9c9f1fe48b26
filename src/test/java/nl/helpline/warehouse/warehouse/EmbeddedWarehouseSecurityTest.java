package nl.helpline.warehouse.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import nl.helpline.warehouse.cli.ExitCode;
import nl.helpline.warehouse.support.Cli;

/**
 * The embedded warehouse lets nobody in but itself (issue 9): another local account, a process
 * without the secret, and the application's own database role each try what the issue found
 * they could. One warehouse, in order: made by a process that is then killed (its server left
 * running), then opened again and attacked.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EmbeddedWarehouseSecurityTest {

    private static Path parent;
    private static Path dataDir;
    private static String savedKeyProperty;

    @BeforeAll
    static void aWarehouseInAFolderOthersCanEnter() throws Exception {
        parent = EmbeddedWarehouses.openParent("embedded-security");
        dataDir = parent.resolve("data");
        // The embedded warehouse's own key file, not the key the external-database tests set.
        savedKeyProperty = System.clearProperty(EmbeddedWarehouses.KEY_PROPERTY);
    }

    @AfterAll
    static void restore() {
        if (savedKeyProperty != null) {
            System.setProperty(EmbeddedWarehouses.KEY_PROPERTY, savedKeyProperty);
        }
        PostgresBinaries.deleteTree(parent);
    }

    @Test
    @Order(1)
    void aServerLeftRunningByAKilledProcessStaysLockedAndTheNextStartStopsIt() throws Exception {
        Path health = parent.resolve("health.json");
        Process child = EmbeddedWarehouses.childJvm(parent.resolve("child.log"), "schedule", "--cron", "0 0 0 1 1 ?",
                "--data-dir", dataDir.toString(), "--inbox", parent.resolve("inbox").toString(), "--out", parent.resolve("out").toString(),
                "--health", health.toString());
        long deadline = System.currentTimeMillis() + 120_000;
        while (!Files.exists(health) && child.isAlive() && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertThat(health).as(Files.exists(parent.resolve("child.log")) ? Files.readString(parent.resolve("child.log")) : "").exists();
        child.destroyForcibly();   // SIGKILL: no shutdown hook, the server is left running
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();

        List<String> pid = EmbeddedWarehouses.postmasterPid(dataDir);
        long orphan = Long.parseLong(pid.get(0).trim());
        int port = Integer.parseInt(pid.get(3).trim());
        assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive)).as("the orphaned postmaster").contains(true);

        // Left alone, it is as locked as when its owner lived: nobody gets in without the secret…
        assertRefusedWithoutTheSecret(port);
        // …and with it, it is really up (so the refusals above are refusals).
        try (Connection c = EmbeddedWarehouses.connect(port, EmbeddedWarehouseServer.DATABASE, EmbeddedWarehouseServer.APPLICATION_ROLE,
                EmbeddedWarehouses.secret(dataDir, "warehouse.password"))) {
            assertThat(c.isValid(5)).isTrue();
        }

        try (EmbeddedWarehouseServer next = EmbeddedWarehouseServer.start(dataDir)) {
            assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive).orElse(false)).as("the orphan was stopped").isFalse();
            assertThat(next.postmasterPid()).isNotEqualTo(orphan);
            try (Connection c = EmbeddedWarehouses.connect(next.port(), EmbeddedWarehouseServer.DATABASE, next.username(), next.password())) {
                assertThat(c.isValid(5)).isTrue();
            }
        }
    }

    @Test
    @Order(2)
    void onlyTheApplicationWithItsSecretGetsIn() throws Exception {
        try (EmbeddedWarehouseServer server = EmbeddedWarehouseServer.start(dataDir)) {
            // pg_hba.conf: SCRAM for every line, no trust, no peer, nothing but local and loopback.
            List<String> rules = Files.readAllLines(dataDir.resolve("pg/pg_hba.conf")).stream()
                    .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
            assertThat(rules).isNotEmpty().allSatisfy(rule -> assertThat(rule).endsWith("scram-sha-256").doesNotContain("trust"));
            assertThat(rules).allSatisfy(rule -> assertThat(rule).matches("(local\\s+all\\s+all|host\\s+all\\s+all\\s+127\\.0\\.0\\.1/32)\\s+scram-sha-256"));

            // The socket in a private folder of the cluster, TCP on loopback only, no socket in /tmp.
            List<String> pid = EmbeddedWarehouses.postmasterPid(dataDir);
            assertThat(pid.get(4).trim()).isEqualTo("socket");
            assertThat(pid.get(5).trim()).isEqualTo("127.0.0.1");
            assertThat(dataDir.resolve("pg/socket/.s.PGSQL." + server.port())).exists();
            assertThat(Path.of("/tmp/.s.PGSQL." + server.port())).doesNotExist();
            try (Connection c = EmbeddedWarehouses.connect(server.port(), "helpline", server.username(), server.password());
                 Statement s = c.createStatement()) {
                assertThat(single(s, "SHOW listen_addresses")).isEqualTo("127.0.0.1");
                assertThat(single(s, "SHOW unix_socket_permissions")).isEqualTo("0700");
            }

            // Private files: the data directory, the secrets, the key and the socket folder.
            assertThat(permissions(dataDir)).isEqualTo("rwx------");
            assertThat(permissions(dataDir.resolve("secrets"))).isEqualTo("rwx------");
            assertThat(permissions(dataDir.resolve("secrets/postgres.password"))).isEqualTo("rw-------");
            assertThat(permissions(dataDir.resolve("secrets/warehouse.password"))).isEqualTo("rw-------");
            assertThat(permissions(dataDir.resolve("pseudonym.key"))).as("a new warehouse made its key").isEqualTo("rw-------");
            assertThat(permissions(dataDir.resolve("pg/socket"))).isEqualTo("rwx------");
            assertThat(permissions(dataDir.resolve("pg"))).isEqualTo("rwx------");

            assertRefusedWithoutTheSecret(server.port());
        }
    }

    @Test
    @Order(3)
    void theApplicationsRoleCannotReachTheServersFilesOrPrograms() throws Exception {
        Path marker = parent.resolve("program-ran");
        Path key = dataDir.resolve("pseudonym.key").toAbsolutePath();
        try (EmbeddedWarehouseServer server = EmbeddedWarehouseServer.start(dataDir);
             Connection c = EmbeddedWarehouses.connect(server.port(), EmbeddedWarehouseServer.DATABASE, server.username(), server.password());
             Statement s = c.createStatement()) {
            assertThat(single(s, "SELECT current_user")).isEqualTo("warehouse");
            assertThat(single(s, "SELECT rolsuper::text FROM pg_roles WHERE rolname = current_user")).isEqualTo("false");
            assertThat(single(s, "SELECT count(*)::text FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid "
                    + "WHERE m.member = 'warehouse'::regrole AND g.rolname LIKE 'pg\\_%'")).isEqualTo("0");
            // It owns the warehouse: every schema and relation of it.
            assertThat(single(s, "SELECT count(*)::text FROM pg_namespace WHERE nspname IN ('etl','staging','dw','batch','mart','report','released') "
                    + "AND nspowner = 'warehouse'::regrole")).isEqualTo("7");
            assertThat(single(s, "SELECT count(*)::text FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                    + "WHERE n.nspname IN ('etl','staging','dw','batch','mart','report','released') AND c.relowner <> 'warehouse'::regrole"))
                    .isEqualTo("0");

            List<String> attacks = List.of(
                    "COPY (SELECT 1) TO PROGRAM 'touch " + marker + "'",
                    "SELECT pg_read_file('" + key + "')",
                    "SELECT pg_read_file('" + dataDir.resolve("secrets/postgres.password").toAbsolutePath() + "')",
                    "SELECT pg_read_binary_file('pg_hba.conf')",
                    "SELECT pg_ls_dir('.')",
                    "SELECT lo_import('" + key + "')",
                    "CREATE TEMP TABLE stolen (line text); COPY stolen FROM '" + key + "'",
                    "COPY (SELECT 1) TO '" + marker + "'",
                    "CREATE EXTENSION file_fdw",
                    "CREATE EXTENSION dblink",
                    "CREATE EXTENSION plpython3u",
                    "GRANT pg_read_server_files TO warehouse",
                    "GRANT pg_execute_server_program TO warehouse",
                    "CREATE ROLE escape_hatch IN ROLE pg_read_server_files",
                    "CREATE ROLE escape_hatch SUPERUSER",
                    "ALTER ROLE warehouse SUPERUSER",
                    "ALTER SYSTEM SET listen_addresses = '*'",
                    "SET ROLE postgres");
            for (String attack : attacks) {
                assertThatThrownBy(() -> s.execute(attack)).as(attack).isInstanceOfSatisfying(SQLException.class,
                        e -> assertThat(e.getSQLState()).as(attack + ": " + e.getMessage()).isEqualTo("42501"));
            }
            assertThat(marker).doesNotExist();
        }
    }

    @Test
    @Order(4)
    void anotherAccountCannotReachTheSocketTheSecretsOrTheKey() throws Exception {
        EmbeddedWarehouses.RunAs probe = EmbeddedWarehouses.runAs("nobody", "stat", parent.toString());
        assumeTrue(probe != null, "runuser or the account nobody does not exist here: this part is not tested");
        assertThat(probe.exitCode()).as("nobody can enter the parent folder: " + probe.output()).isZero();
        try (EmbeddedWarehouseServer server = EmbeddedWarehouseServer.start(dataDir)) {
            Path socket = dataDir.resolve("pg/socket/.s.PGSQL." + server.port()).toAbsolutePath();
            String connect = "import socket,sys; s=socket.socket(socket.AF_UNIX); s.connect(sys.argv[1]); print('connected')";
            if (Files.isExecutable(Path.of("/usr/bin/python3"))) {
                // The same connect as this account works: what stops the other account is the folder.
                Process own = new ProcessBuilder("/usr/bin/python3", "-c", connect, socket.toString()).redirectErrorStream(true).start();
                assertThat(new String(own.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).contains("connected");
                EmbeddedWarehouses.RunAs other = EmbeddedWarehouses.runAs("nobody", "/usr/bin/python3", "-c", connect, socket.toString());
                assertThat(other.exitCode()).as(other.output()).isNotZero();
                assertThat(other.output()).contains("Permission denied").doesNotContain("connected");
            }
            for (Path file : List.of(socket, dataDir.resolve("secrets/warehouse.password"), dataDir.resolve("secrets/postgres.password"),
                    dataDir.resolve("pseudonym.key"), dataDir.resolve("pg/pg_hba.conf"))) {
                EmbeddedWarehouses.RunAs read = EmbeddedWarehouses.runAs("nobody", "cat", file.toAbsolutePath().toString());
                assertThat(read.exitCode()).as(file + ": " + read.output()).isNotZero();
                assertThat(read.output()).contains("Permission denied");
            }
        }
    }

    @Test
    @Order(5)
    void aSecretThatDoesNotFitTheClusterIsReplacedNotOpenedUp() throws Exception {
        Path secret = dataDir.resolve("secrets/postgres.password");
        Files.writeString(secret, "a-secret-of-another-backup-0123456789\n");
        try (EmbeddedWarehouseServer server = EmbeddedWarehouseServer.start(dataDir)) {
            String replaced = EmbeddedWarehouses.secret(dataDir, "postgres.password");
            assertThat(replaced).isNotEqualTo("a-secret-of-another-backup-0123456789");
            assertThat(permissions(secret)).isEqualTo("rw-------");
            try (Connection c = EmbeddedWarehouses.connect(server.port(), "postgres", "postgres", replaced)) {
                assertThat(c.isValid(5)).isTrue();
            }
            assertRefusedWithoutTheSecret(server.port());
        }
    }

    @Test
    @Order(6)
    void aMissingKeyFileIsALoudErrorAndNoNewKeyIsMade() throws Exception {
        Path key = dataDir.resolve("pseudonym.key");
        // Bound to its key, as the first load does.
        try (EmbeddedWarehouseServer server = EmbeddedWarehouseServer.start(dataDir);
             Connection c = EmbeddedWarehouses.connect(server.port(), EmbeddedWarehouseServer.DATABASE, server.username(), server.password())) {
            PseudonymKeyCheck.verify(new org.springframework.jdbc.core.JdbcTemplate(new org.springframework.jdbc.datasource.SingleConnectionDataSource(c, true)),
                    new Pseudonymizer(PseudonymKey.of(Files.readString(key).trim())));
        }

        Path backup = parent.resolve("pseudonym.key.backup");
        Files.move(key, backup);
        Cli.Result withoutKey = Cli.run("status", "--data-dir", dataDir.toString());
        assertThat(withoutKey.exitCode()).as(withoutKey.toString()).isEqualTo(ExitCode.FAILED);
        assertThat(withoutKey.err()).contains("pseudonym key file " + key.toAbsolutePath() + " is missing")
                .contains("Restore pseudonym.key from your backup").doesNotContain("is not the key");
        assertThat(key).as("no new key was made").doesNotExist();

        Files.move(backup, key);
        Cli.Result restored = Cli.run("status", "--data-dir", dataDir.toString());
        assertThat(restored.exitCode()).as(restored.toString()).isEqualTo(ExitCode.OK);
    }

    private static void assertRefusedWithoutTheSecret(int port) {
        for (String user : List.of("postgres", "warehouse")) {
            for (String password : new String[] {null, "", "postgres", "wrong-password-0123456789"}) {
                assertThatThrownBy(() -> EmbeddedWarehouses.connect(port, "postgres", user, password).close())
                        .as(user + " / " + password).isInstanceOfSatisfying(SQLException.class,
                                e -> assertThat(e.getSQLState()).as(e.getMessage()).isIn("28P01", "08004"));
            }
        }
    }

    private static String permissions(Path path) throws java.io.IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
    }

    private static String single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
