package nl.helpline.warehouse.warehouse;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import nl.helpline.warehouse.cli.Main;

/** Helpers for tests of the embedded warehouse: a data directory others could reach, a second JVM, raw logins. */
final class EmbeddedWarehouses {

    static final String KEY_PROPERTY = "warehouse.pseudonym-key";

    private EmbeddedWarehouses() {
    }

    /**
     * A folder every account may enter (0755, unlike a JUnit temp dir), so that what keeps other
     * accounts out of the data directory is the warehouse's own doing.
     */
    static Path openParent(String prefix) throws IOException {
        Path parent = Files.createTempDirectory(prefix);
        Files.setPosixFilePermissions(parent, PosixFilePermissions.fromString("rwxr-xr-x"));
        return parent;
    }

    /** The command line in a JVM of its own, on an embedded data directory, without any pseudonym key in its environment. */
    static Process childJvm(Path log, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(new File(log.toString()));
        builder.environment().remove("WAREHOUSE_PSEUDONYM_KEY");
        return builder.start();
    }

    /** Flyway as application.yml configures it (placeholders at their defaults), up to {@code target}. */
    static void migrateAsTheApplicationDoes(String url, String user, String target) {
        org.flywaydb.core.Flyway.configure().dataSource(url, user, "").locations("classpath:sql/migrations")
                .javaMigrations(new BatchMetadataMigration()).schemas("etl", "staging", "dw", "batch", "mart", "report")
                .defaultSchema("etl").target(target)
                .placeholders(java.util.Map.of("reader_role", "", "analyst_role", "", "reader_statement_timeout", "",
                        "reader_connection_limit", ""))
                .load().migrate();
    }

    static Connection connect(int port, String database, String user, String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        if (password != null) {
            properties.setProperty("password", password);
        }
        properties.setProperty("connectTimeout", "10");
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + database, properties);
    }

    static String secret(Path dataDir, String name) throws IOException {
        return Files.readString(dataDir.resolve("secrets").resolve(name), StandardCharsets.UTF_8).trim();
    }

    /** The lines of {@code pg/postmaster.pid}: pid, data dir, start, port, socket dir, listen address, shm key, status. */
    static List<String> postmasterPid(Path dataDir) throws IOException {
        Path file = dataDir.resolve("pg").resolve("postmaster.pid");
        return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
    }

    /** Runs a command as another OS account; null when {@code runuser} or the account does not exist here. */
    static RunAs runAs(String account, String... command) throws IOException, InterruptedException {
        if (!Files.isExecutable(Path.of("/usr/sbin/runuser")) && !Files.isExecutable(Path.of("/sbin/runuser"))) {
            return null;
        }
        Process id = new ProcessBuilder("id", "-u", account).redirectErrorStream(true).start();
        if (id.waitFor() != 0) {
            return null;
        }
        List<String> full = new ArrayList<>(List.of("runuser", "-u", account, "--"));
        full.addAll(List.of(command));
        Process p = new ProcessBuilder(full).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new RunAs(p.waitFor(), output);
    }

    record RunAs(int exitCode, String output) {
    }
}
