package nl.helpline.warehouse.warehouse;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One PostgreSQL cluster in a folder of the data directory, run by this process: created with
 * password authentication, locked to this account, started, watched and stopped.
 *
 * <p>Access, every start (also for a cluster made by an earlier version with {@code trust}):
 * {@code pg_hba.conf} allows only SCRAM password logins, on the socket and on 127.0.0.1; the
 * socket lives in {@code <cluster>/socket} (0700), not in {@code /tmp}. Both live in the
 * cluster's folder, so a server left running by a killed process keeps them.
 */
final class LocalPostgres implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalPostgres.class);

    /** The account initdb creates; the warehouse uses it only to set itself up at start-up. */
    static final String SUPERUSER = "postgres";
    static final String SOCKET_DIRECTORY = "socket";
    private static final String SETTINGS_FILE = "warehouse.conf";
    private static final java.time.Duration STARTUP_WAIT = java.time.Duration.ofMinutes(5);

    private static final String ACCESS_RULES = """
            # Written by helpline-warehouse at every start; edits are overwritten.
            # Only password (SCRAM) logins, on the private socket and on the loopback address.
            # TYPE  DATABASE  USER  ADDRESS       METHOD
            local   all       all                 scram-sha-256
            host    all       all   127.0.0.1/32  scram-sha-256
            """;

    private final PostgresBinaries binaries;
    private final Path cluster;
    private final Process process;
    private final int port;
    private final ServerOutput output;

    private LocalPostgres(PostgresBinaries binaries, Path cluster, Process process, int port, ServerOutput output) {
        this.binaries = binaries;
        this.cluster = cluster;
        this.process = process;
        this.port = port;
        this.output = output;
    }

    static boolean exists(Path cluster) {
        return Files.isRegularFile(cluster.resolve("PG_VERSION"));
    }

    /** A new cluster whose superuser can log in only with the password in {@code passwordFile}; nothing listens yet. */
    static void create(PostgresBinaries binaries, Path cluster, Path passwordFile) {
        if (Files.exists(cluster)) {
            try (var entries = Files.list(cluster)) {
                if (entries.findAny().isPresent()) {
                    // Not ours to delete: maybe an initdb that was killed, maybe something else entirely.
                    throw new StartFailure(cluster + " exists but holds no PostgreSQL cluster (no PG_VERSION). If it is an "
                            + "unfinished first start, delete it and run again; otherwise move it away.", "");
                }
            } catch (IOException e) {
                throw new StartFailure("Cannot read " + cluster + ": " + e.getMessage(), "");
            }
        }
        List<String> arguments = List.of("--auth=scram-sha-256", "--username=" + SUPERUSER, "--pwfile=" + passwordFile,
                "--encoding=UTF-8", "--no-instructions", "-D", cluster.toString());
        RunResult result = run(binaries.command("initdb", arguments), null, java.time.Duration.ofMinutes(5));
        if (result.exitCode() != 0) {
            PostgresBinaries.deleteTree(cluster);
            throw new StartFailure("initdb failed: " + result.lastLines(), result.output());
        }
    }

    /**
     * Sets the superuser's password in single-user mode: no network, no socket, nobody else
     * connected. This is how a cluster of an earlier version (trust, no password) is locked
     * without ever being open, and how a lost secret is replaced.
     */
    static void setSuperuserPassword(PostgresBinaries binaries, Path cluster, String password) {
        // Only the SCRAM verifier travels (computed here by the JDBC driver), never the password.
        String verifier = org.postgresql.util.PasswordUtil.encodeScramSha256(password.toCharArray());
        String sql = "ALTER ROLE " + SUPERUSER + " PASSWORD '" + verifier + "'\n";
        RunResult result = run(binaries.command("postgres", List.of("--single", "-D", cluster.toString(),
                "-c", "password_encryption=scram-sha-256", "-c", "listen_addresses=", SUPERUSER)), sql, java.time.Duration.ofMinutes(5));
        if (result.exitCode() != 0 || result.output().contains("ERROR:") || result.output().contains("FATAL:")) {
            throw new StartFailure("Could not set the superuser password in " + cluster + ": " + result.lastLines(), result.output());
        }
    }

    /** Writes the access rules and settings; done before every start. */
    static void lockDown(Path cluster) throws IOException {
        PrivateFiles.writePrivately(cluster.resolve("pg_hba.conf"), ACCESS_RULES);
        PrivateFiles.writePrivately(cluster.resolve("pg_ident.conf"), "# Not used: no ident or peer logins.\n");
        PrivateFiles.writePrivately(cluster.resolve(SETTINGS_FILE), """
                # Written by helpline-warehouse at every start; edits are overwritten.
                listen_addresses = '127.0.0.1'
                unix_socket_directories = 'socket'      # relative to the cluster folder
                unix_socket_permissions = 0700
                password_encryption = 'scram-sha-256'
                max_connections = 40
                shared_buffers = '256MB'
                work_mem = '64MB'
                maintenance_work_mem = '256MB'
                max_wal_size = '2GB'
                synchronous_commit = on
                timezone = 'UTC'
                log_line_prefix = '%m [%p] %q%u@%d %a: '
                """);
        Path conf = cluster.resolve("postgresql.conf");
        String text = Files.readString(conf, StandardCharsets.UTF_8);
        String include = "include_if_exists = '" + SETTINGS_FILE + "'";
        if (!text.contains(include)) {
            Files.writeString(conf, text + (text.endsWith("\n") ? "" : "\n") + "\n# helpline-warehouse\n" + include + "\n",
                    StandardCharsets.UTF_8);
        }
        Path socket = cluster.resolve(SOCKET_DIRECTORY);
        Files.createDirectories(socket);
        PrivateFiles.createPrivateDirectories(socket);
        PrivateFiles.createPrivateDirectories(cluster);
    }

    /** Starts the cluster on a free loopback port and waits until it accepts connections. */
    static LocalPostgres start(PostgresBinaries binaries, Path cluster) {
        for (int attempt = 1; ; attempt++) {
            try {
                return startOn(freePort(), binaries, cluster);
            } catch (StartFailure e) {
                // The free port was taken by someone else between our look and the server's bind.
                if (attempt == 3 || !e.output().contains("Address already in use")) {
                    throw e;
                }
            }
        }
    }

    private static LocalPostgres startOn(int port, PostgresBinaries binaries, Path cluster) {
        // The access settings again on the command line: they outrank every configuration file.
        List<String> arguments = List.of("-D", cluster.toString(), "-p", Integer.toString(port),
                "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=" + SOCKET_DIRECTORY,
                "-c", "unix_socket_permissions=0700");
        Process process;
        try {
            process = new ProcessBuilder(binaries.command("postgres", arguments)).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new StartFailure("Cannot run " + binaries.home().resolve("bin/postgres") + ": " + e.getMessage(), "");
        }
        ServerOutput output = ServerOutput.follow(process);
        LocalPostgres server = new LocalPostgres(binaries, cluster, process, port, output);
        long deadline = System.nanoTime() + STARTUP_WAIT.toNanos();
        while (!server.ready()) {
            if (!process.isAlive()) {
                output.awaitEnd();
                throw new StartFailure("PostgreSQL stopped while starting: " + output.lastLines(), output.all());
            }
            if (System.nanoTime() > deadline) {
                server.stopNow();
                throw new StartFailure("PostgreSQL did not start within " + STARTUP_WAIT.toMinutes() + " minutes: " + output.lastLines(),
                        output.all());
            }
            sleep(50);
        }
        return server;
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    String recentOutput() {
        return output.lastLines();
    }

    private boolean ready() {
        try {
            List<String> lines = Files.readAllLines(cluster.resolve("postmaster.pid"), StandardCharsets.UTF_8);
            return lines.size() >= 8 && lines.get(0).trim().equals(Long.toString(process.pid())) && lines.get(7).trim().equals("ready");
        } catch (IOException e) {
            return false;
        }
    }

    /** Fast shutdown: open sessions are ended, the data is checkpointed. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        RunResult stop = run(binaries.command("pg_ctl", List.of("stop", "-D", cluster.toString(), "-m", "fast", "-w", "-t", "60")),
                null, java.time.Duration.ofSeconds(90));
        if (!waitFor(process, 30)) {
            log.warn("PostgreSQL in {} did not stop ({}); killing it", cluster, stop.lastLines());
            stopNow();
        }
    }

    /** Immediate shutdown, for a server that must not outlive a failed start. */
    void stopNow() {
        if (!process.isAlive()) {
            return;
        }
        run(binaries.command("pg_ctl", List.of("stop", "-D", cluster.toString(), "-m", "immediate", "-w", "-t", "30")),
                null, java.time.Duration.ofSeconds(45));
        if (!waitFor(process, 10)) {
            process.destroyForcibly();
            waitFor(process, 10);
        }
    }

    /**
     * A PostgreSQL still registered in {@code cluster} belongs to a process that was killed
     * (we hold the data directory's lock, so no live process of ours uses it). It stays locked
     * (its access rules are in the cluster folder), but the new server needs the folder: stop it.
     */
    static void stopOrphan(PostgresBinaries binaries, Path cluster) {
        Optional<ProcessHandle> postmaster = registeredPostmaster(cluster);
        if (postmaster.isEmpty()) {
            return;
        }
        log.warn("Stopping a PostgreSQL server (pid {}) left running by a process that was killed", postmaster.get().pid());
        run(binaries.command("pg_ctl", List.of("stop", "-D", cluster.toString(), "-m", "fast", "-w", "-t", "60")),
                null, java.time.Duration.ofSeconds(90));
        if (!waitFor(postmaster.get(), 10)) {
            postmaster.get().destroyForcibly();
            waitFor(postmaster.get(), 10);
        }
    }

    /** The live postmaster named in {@code postmaster.pid}, if it is one (not another program that got its pid). */
    static Optional<ProcessHandle> registeredPostmaster(Path cluster) {
        try {
            List<String> lines = Files.readAllLines(cluster.resolve("postmaster.pid"), StandardCharsets.UTF_8);
            if (lines.isEmpty()) {
                return Optional.empty();
            }
            Optional<ProcessHandle> handle = ProcessHandle.of(Long.parseLong(lines.get(0).trim()));
            return handle.filter(ProcessHandle::isAlive)
                    .filter(h -> h.info().command().map(c -> c.endsWith("postgres")).orElse(true));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean waitFor(Process process, int seconds) {
        try {
            return process.waitFor(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    private static boolean waitFor(ProcessHandle process, int seconds) {
        try {
            process.onExit().get(seconds, TimeUnit.SECONDS);
            return true;
        } catch (Exception e) {
            return !process.isAlive();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new StartFailure("No free port on 127.0.0.1: " + e.getMessage(), "");
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartFailure("Interrupted while PostgreSQL was starting", "");
        }
    }

    /** Runs a PostgreSQL program to its end and keeps what it printed. */
    private static RunResult run(List<String> command, String input, java.time.Duration timeout) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            ServerOutput output = ServerOutput.follow(process);
            try (Writer stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8)) {
                if (input != null) {
                    stdin.write(input);
                }
            }
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
            output.awaitEnd();
            return new RunResult(process.isAlive() ? -1 : process.exitValue(), output.all(), output.lastLines());
        } catch (IOException e) {
            return new RunResult(-1, e.toString(), e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new RunResult(-1, "interrupted", "interrupted");
        }
    }

    private record RunResult(int exitCode, String output, String lastLines) {
    }

    /** PostgreSQL could not be started; {@link #output()} holds what it said (to find out why). */
    static final class StartFailure extends RuntimeException {
        private final String output;

        StartFailure(String message, String output) {
            super(message);
            this.output = output;
        }

        String output() {
            return output;
        }
    }

    /**
     * Reads what the server prints (its log goes to standard error), keeps the last lines for a
     * failure message, and passes them on to our log: FATAL and PANIC lines (a refused login, a
     * full disk) as warnings, the rest at debug level.
     */
    private static final class ServerOutput {
        private static final int KEEP = 200;
        private final Deque<String> lines = new ArrayDeque<>();
        private final Thread reader;

        private ServerOutput(Process process) {
            this.reader = new Thread(() -> read(process), "postgres-output-" + process.pid());
            this.reader.setDaemon(true);
        }

        static ServerOutput follow(Process process) {
            ServerOutput output = new ServerOutput(process);
            output.reader.start();
            return output;
        }

        private void read(Process process) {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    synchronized (lines) {
                        lines.addLast(line);
                        if (lines.size() > KEEP) {
                            lines.removeFirst();
                        }
                    }
                    // (A session ended by our own fast shutdown is no news.)
                    if ((line.contains("FATAL:") || line.contains("PANIC:")) && !line.contains("due to administrator command")) {
                        log.warn("PostgreSQL: {}", line);
                    } else {
                        log.debug("PostgreSQL: {}", line);
                    }
                }
            } catch (IOException e) {
                log.debug("PostgreSQL output ended: {}", e.toString());
            }
        }

        void awaitEnd() {
            try {
                reader.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        String all() {
            synchronized (lines) {
                return String.join("\n", lines);
            }
        }

        /** The last few lines that say something (errors first choice), for a one-paragraph message. */
        String lastLines() {
            List<String> copy;
            synchronized (lines) {
                copy = new ArrayList<>(lines);
            }
            List<String> telling = copy.stream().filter(l -> l.contains("FATAL:") || l.contains("PANIC:") || l.contains("ERROR:")
                    || l.contains("No space left")).toList();
            List<String> chosen = telling.isEmpty() ? copy : telling;
            return String.join(" | ", chosen.subList(Math.max(0, chosen.size() - 3), chosen.size())).strip();
        }
    }
}
