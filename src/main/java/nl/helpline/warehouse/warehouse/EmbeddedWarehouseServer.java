package nl.helpline.warehouse.warehouse;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default warehouse: a real PostgreSQL whose files persist under {@code dataDir/pg}, so a
 * second run sees the first run's warehouse.
 *
 * <p>One process at a time owns a data directory. The owner holds an OS file lock on
 * {@code dataDir/warehouse.lock}: the lock dies with the process even on {@code kill -9}, which
 * makes it a reliable "is somebody still working here" test. A PostgreSQL left running by a
 * killed owner is stopped before a new one starts.
 */
public final class EmbeddedWarehouseServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedWarehouseServer.class);

    private final FileChannel lockChannel;
    private final FileLock lock;
    private final EmbeddedPostgres postgres;

    private EmbeddedWarehouseServer(FileChannel lockChannel, FileLock lock, EmbeddedPostgres postgres) {
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.postgres = postgres;
    }

    public static EmbeddedWarehouseServer start(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
            Path lockFile = dataDir.resolve("warehouse.lock");
            FileChannel channel = FileChannel.open(lockFile, java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.WRITE, java.nio.file.StandardOpenOption.READ);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (java.nio.channels.OverlappingFileLockException e) {
                lock = null;   // held by this very JVM (another command in-process)
            }
            if (lock == null) {
                String holder = Files.readString(lockFile, StandardCharsets.UTF_8).trim();
                channel.close();
                throw new WarehouseBusyException("The warehouse in " + dataDir.toAbsolutePath()
                        + " is in use by another process" + (holder.isEmpty() ? "" : " (" + holder + ")")
                        + "; runs never overlap. Try again when it has finished.");
            }
            writeHolder(channel);
            Path pgDir = dataDir.resolve("pg");
            stopOrphanedServer(pgDir);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(pgDir)
                    .setCleanDataDirectory(false)
                    // Closed with the application context, after a running job was stopped (not before).
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "40")
                    .setServerConfig("shared_buffers", "256MB")
                    .setServerConfig("work_mem", "64MB")
                    .setServerConfig("maintenance_work_mem", "256MB")
                    .setServerConfig("max_wal_size", "2GB")
                    .setServerConfig("synchronous_commit", "on")
                    .start();
            return new EmbeddedWarehouseServer(channel, lock, postgres);
        } catch (IOException e) {
            throw new WarehouseUnavailableException("Cannot start the embedded PostgreSQL in "
                    + dataDir.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    private static void writeHolder(FileChannel channel) throws IOException {
        String holder = "pid " + ProcessHandle.current().pid() + " since " + Instant.now();
        channel.truncate(0);
        channel.write(java.nio.ByteBuffer.wrap(holder.getBytes(StandardCharsets.UTF_8)), 0);
        channel.force(true);
    }

    /**
     * We hold the data directory's lock, so a postmaster still registered in it belongs to a
     * process that died without shutting it down (kill -9). Stop it, or the new server can't start.
     */
    private static void stopOrphanedServer(Path pgDir) throws IOException {
        Path pidFile = pgDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        if (lines.isEmpty()) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(lines.get(0).trim());
        } catch (NumberFormatException e) {
            return;
        }
        Optional<ProcessHandle> postmaster = ProcessHandle.of(pid);
        if (postmaster.isEmpty() || !postmaster.get().isAlive()) {
            return;
        }
        log.warn("Stopping a PostgreSQL server (pid {}) left running by a process that was killed", pid);
        // SIGTERM is PostgreSQL's "smart" shutdown: its clients died with their process, so it exits.
        postmaster.get().destroy();
        try {
            postmaster.get().onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            postmaster.get().destroyForcibly();
        }
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    @Override
    public void close() throws IOException {
        try {
            postgres.close();
        } finally {
            lock.release();
            lockChannel.close();
        }
    }
}
