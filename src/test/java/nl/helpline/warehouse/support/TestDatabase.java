package nl.helpline.warehouse.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * A real PostgreSQL for the tests: one embedded server per test JVM, and a fresh database per
 * test that asks for one, so tests never see each other's rows. The application reaches it
 * through its external-database path ({@code --db-url}); the embedded path has tests of its own.
 */
public final class TestDatabase {

    public static final String PSEUDONYM_KEY = "test-pseudonym-key-0123456789";
    /** The settle interval tests run with (see InboxLoadTasklet): short, but long enough to see a writer at work. */
    public static final String SETTLE = "200ms";

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedPostgres server;

    private final String name;

    private TestDatabase(String name) {
        this.name = name;
    }

    /** A new, empty database; the application migrates it on first use. */
    public static synchronized TestDatabase create() {
        if (server == null) {
            try {
                Path dir = Files.createTempDirectory("helpline-test-pg");
                server = EmbeddedPostgres.builder().setDataDirectory(dir).setCleanDataDirectory(true)
                        .setServerConfig("max_connections", "200")
                        .setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            System.setProperty("warehouse.pseudonym-key", PSEUDONYM_KEY);
            System.setProperty("warehouse.db-user", "postgres");
            // Files written by a test just before its load would otherwise wait the production default (3 s).
            System.setProperty("warehouse.inbox.settle", SETTLE);
        }
        String name = "t" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        try (Connection c = DriverManager.getConnection(server.getJdbcUrl("postgres", "postgres"));
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return new TestDatabase(name);
    }

    /**
     * Drops the database. The server deletes its data directory when the test JVM exits, within
     * the 30 s surefire allows; every database left behind adds to that.
     */
    public void drop() {
        try (Connection c = DriverManager.getConnection(server.getJdbcUrl("postgres", "postgres"));
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public String url() {
        return server.getJdbcUrl("postgres", name);
    }

    public int port() {
        return server.getPort();
    }

    /** The database's name (its reader and analyst roles are named after it: {@code <name>_reader}, {@code <name>_analyst}). */
    public String name() {
        return name;
    }

    /** A connection as another login (a BI tool, an analyst), with its password. */
    public java.sql.Connection connectAs(String user, String password) throws SQLException {
        java.util.Properties properties = new java.util.Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + server.getPort() + "/" + name, properties);
    }

    /**
     * A plain JDBC view for assertions, independent of the application's own code. Each statement
     * gets a connection of its own, closed after it: tests poll this in loops (e.g. while a
     * second JVM loads), and a connection held per call used to exhaust the server's 200.
     */
    public JdbcTemplate jdbc() {
        return new JdbcTemplate(new SimpleDriverDataSource(new org.postgresql.Driver(), url(), "postgres", ""));
    }
}
