package nl.helpline.warehouse.warehouse;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Properties;

import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default warehouse: a real PostgreSQL whose files persist under {@code dataDir/pg}, so a
 * second run sees the first run's warehouse; reachable by this OS account only.
 *
 * <pre>
 * dataDir/                 0700
 *   warehouse.lock         the OS file lock of the process that owns the warehouse
 *   pseudonym.key          0600 (PseudonymKey)
 *   secrets/               0700
 *     postgres.password    0600  the cluster's superuser: used only here, to set up at start
 *     warehouse.password   0600  the application role the warehouse connects as
 *   pg/                    0700  the cluster; pg_hba.conf: SCRAM passwords only
 *     socket/              0700  the Unix socket (never /tmp)
 * </pre>
 *
 * <p>A new cluster is created with password authentication from its first moment (initdb
 * {@code --auth=scram-sha-256}); a cluster of an earlier version (trust, application as
 * superuser, database {@code postgres}) gets its superuser password in single-user mode before it
 * is started, so it is never open to anybody; then its database becomes {@code helpline} and
 * everything in it is handed to the application role. The application connects as
 * {@value #APPLICATION_ROLE}, over 127.0.0.1, with its password.
 *
 * <p>One process at a time owns a data directory. The owner holds an OS file lock on
 * {@code dataDir/warehouse.lock}: the lock dies with the process even on {@code kill -9}, which
 * makes it a reliable "is somebody still working here" test. A PostgreSQL left running by a
 * killed owner (still locked: its rules are in its folder) is stopped before a new one starts.
 * A failed start never leaves a server running.
 */
public final class EmbeddedWarehouseServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedWarehouseServer.class);

    /** The role the application connects as. */
    public static final String APPLICATION_ROLE = "warehouse";
    /** The warehouse database (an earlier version used {@code postgres}; it is renamed on the first start). */
    public static final String DATABASE = "helpline";

    private final Path dataDir;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final LocalPostgres postgres;
    private final String applicationPassword;

    private EmbeddedWarehouseServer(Path dataDir, FileChannel lockChannel, FileLock lock, LocalPostgres postgres, String applicationPassword) {
        this.dataDir = dataDir;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.postgres = postgres;
        this.applicationPassword = applicationPassword;
    }

    public static EmbeddedWarehouseServer start(Path dataDir) {
        Path dir = dataDir.toAbsolutePath();
        FileChannel channel = null;
        FileLock lock = null;
        LocalPostgres postgres = null;
        try {
            PrivateFiles.createPrivateDirectories(dir);
            Path lockFile = dir.resolve("warehouse.lock");
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ);
            try {
                lock = channel.tryLock();
            } catch (java.nio.channels.OverlappingFileLockException e) {
                lock = null;   // held by this very JVM (another command in-process)
            }
            if (lock == null) {
                String holder = Files.readString(lockFile, StandardCharsets.UTF_8).trim();
                channel.close();
                throw new WarehouseBusyException("The warehouse in " + dir + " is in use by another process"
                        + (holder.isEmpty() ? "" : " (" + holder + ")") + "; runs never overlap. Try again when it has finished.");
            }
            writeHolder(channel);
            DiskFull.watch(dir);
            PrivateFiles.restrict(dir.resolve("pseudonym.key"));

            Path secrets = dir.resolve("secrets");
            PrivateFiles.createPrivateDirectories(secrets);
            Path superuserSecret = secrets.resolve("postgres.password");
            Path applicationSecret = secrets.resolve("warehouse.password");
            Path cluster = dir.resolve("pg");
            PostgresBinaries binaries = PostgresBinaries.prepare(dir);
            LocalPostgres.stopOrphan(binaries, cluster);

            if (!LocalPostgres.exists(cluster)) {
                PrivateFiles.createSecret(superuserSecret);
                LocalPostgres.create(binaries, cluster, superuserSecret);
            } else if (!Files.exists(superuserSecret)) {
                // A cluster of an earlier version (trust), or its secret was lost: set a new one
                // before the server starts, so it never accepts a login without a password.
                log.info("Locking the embedded PostgreSQL in {}: password logins only, application role {}", cluster, APPLICATION_ROLE);
                String secret = PrivateFiles.createSecret(superuserSecret);
                LocalPostgres.lockDown(cluster);
                LocalPostgres.setSuperuserPassword(binaries, cluster, secret);
            }
            PrivateFiles.restrict(superuserSecret);
            LocalPostgres.lockDown(cluster);
            String applicationPassword = Files.exists(applicationSecret) ? PrivateFiles.readSecret(applicationSecret)
                    : PrivateFiles.createSecret(applicationSecret);
            PrivateFiles.restrict(applicationSecret);

            postgres = LocalPostgres.start(binaries, cluster);
            try {
                setUp(postgres.port(), PrivateFiles.readSecret(superuserSecret), applicationPassword);
            } catch (SQLException e) {
                if (!"28P01".equals(e.getSQLState())) {
                    throw e;
                }
                // The secret file does not belong to this cluster (restored from another backup?).
                // Only this account can run single-user mode, so it may set a new one; the server
                // stays closed to everybody else meanwhile.
                log.warn("The superuser secret in {} does not fit the cluster in {}; setting a new one", superuserSecret, cluster);
                postgres.close();
                postgres = null;
                LocalPostgres.setSuperuserPassword(binaries, cluster, PrivateFiles.createSecret(superuserSecret));
                postgres = LocalPostgres.start(binaries, cluster);
                setUp(postgres.port(), PrivateFiles.readSecret(superuserSecret), applicationPassword);
            }
            return new EmbeddedWarehouseServer(dir, channel, lock, postgres, applicationPassword);
        } catch (IOException | SQLException | RuntimeException e) {
            if (postgres != null) {
                postgres.stopNow();
            }
            release(channel, lock);
            DiskFull.unwatch(dir);
            if (e instanceof WarehouseBusyException busy) {
                throw busy;
            }
            throw new WarehouseUnavailableException(failureMessage(dir, e), e);
        }
    }

    private static String failureMessage(Path dir, Exception e) {
        String explained = DiskFull.explain(e, dir).orElse(null);
        if (explained != null) {
            return "The embedded PostgreSQL in " + dir + " cannot start. " + explained;
        }
        if (e instanceof WarehouseUnavailableException) {
            return e.getMessage();
        }
        return "Cannot start the embedded PostgreSQL in " + dir + ": " + e.getMessage();
    }

    /**
     * As the cluster's superuser: the application role, the warehouse database (created, or an
     * earlier version's {@code postgres} database renamed), and the hand-over of everything in it.
     */
    private static void setUp(int port, String superuserPassword, String applicationPassword) throws SQLException {
        try (Connection template = superuser(port, "template1", superuserPassword); Statement s = template.createStatement()) {
            s.execute(SqlFiles.load("embedded/application_role.sql"));
            // Client-side SCRAM: the password itself never reaches the server or its log.
            template.unwrap(PGConnection.class).alterUserPassword(APPLICATION_ROLE, applicationPassword.toCharArray(), "scram-sha-256");
            if (!exists(s, "SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
                if (earlierVersionWarehouse(port, superuserPassword)) {
                    log.info("Renaming the warehouse database postgres (earlier version) to {}", DATABASE);
                    s.execute("ALTER DATABASE postgres RENAME TO " + DATABASE);
                    s.execute("CREATE DATABASE postgres");
                } else {
                    s.execute("CREATE DATABASE " + DATABASE + " OWNER " + APPLICATION_ROLE + " ENCODING 'UTF8' TEMPLATE template0");
                }
            }
            s.execute("ALTER DATABASE " + DATABASE + " OWNER TO " + APPLICATION_ROLE);
            s.execute("REVOKE CONNECT, TEMPORARY ON DATABASE postgres, template1 FROM PUBLIC");
        }
        try (Connection warehouse = superuser(port, DATABASE, superuserPassword); Statement s = warehouse.createStatement()) {
            s.execute(SqlFiles.load("embedded/hand_over.sql"));
        }
    }

    private static boolean earlierVersionWarehouse(int port, String superuserPassword) throws SQLException {
        try (Connection postgres = superuser(port, "postgres", superuserPassword); Statement s = postgres.createStatement()) {
            return exists(s, "SELECT 1 WHERE to_regclass('etl.flyway_schema_history') IS NOT NULL");
        }
    }

    private static boolean exists(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            return rs.next();
        }
    }

    private static Connection superuser(int port, String database, String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", LocalPostgres.SUPERUSER);
        properties.setProperty("password", password);
        properties.setProperty("ApplicationName", "helpline-warehouse set-up");
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + database, properties);
    }

    private static void writeHolder(FileChannel channel) throws IOException {
        String holder = "pid " + ProcessHandle.current().pid() + " since " + Instant.now();
        channel.truncate(0);
        channel.write(java.nio.ByteBuffer.wrap(holder.getBytes(StandardCharsets.UTF_8)), 0);
        channel.force(true);
    }

    private static void release(FileChannel channel, FileLock lock) {
        try {
            if (lock != null) {
                lock.release();
            }
            if (channel != null) {
                channel.close();
            }
        } catch (IOException e) {
            log.debug("Releasing the warehouse lock: {}", e.toString());
        }
    }

    /** {@code jdbc:postgresql://127.0.0.1:<port>/helpline}: connect as {@link #username()} with {@link #password()}. */
    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + postgres.port() + "/" + DATABASE;
    }

    public String username() {
        return APPLICATION_ROLE;
    }

    public String password() {
        return applicationPassword;
    }

    public int port() {
        return postgres.port();
    }

    public Path dataDir() {
        return dataDir;
    }

    /** The process id of the running postmaster. */
    public long postmasterPid() {
        return postgres.pid();
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } finally {
            release(lockChannel, lock);
            DiskFull.unwatch(dataDir);
        }
    }
}
