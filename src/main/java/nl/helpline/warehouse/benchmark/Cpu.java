package nl.helpline.warehouse.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * CPU time, which a shared machine disturbs far less than wall time: this JVM's, and the
 * PostgreSQL server's when it runs on this machine (Linux): the postmaster, its live children
 * (backends, parallel workers, checkpointer, WAL writer) and the children it has already
 * reaped. Measured where the figures of wall time may be stretched by other work.
 */
final class Cpu {

    private static final double TICKS = 100.0;   // USER_HZ, 100 on every Linux in use

    private final Long postmaster;

    private Cpu(Long postmaster) {
        this.postmaster = postmaster;
    }

    static Cpu of(DataSource dataSource) {
        Long postmaster = null;
        try {
            long backend = new JdbcTemplate(dataSource).queryForObject("SELECT pg_backend_pid()", Long.class);
            Optional<String[]> stat = stat(backend);
            if (stat.isPresent()) {
                long parent = Long.parseLong(stat.get()[1]);
                if (stat(parent).isPresent() && Files.readString(Path.of("/proc", Long.toString(parent), "comm")).contains("postgres")) {
                    postmaster = parent;
                }
            }
        } catch (IOException | RuntimeException e) {
            postmaster = null;   // not Linux, or not a server on this machine
        }
        return new Cpu(postmaster);
    }

    /** A point in time, in CPU seconds of both sides. */
    record Sample(double jvm, double server) {
        Sample minus(Sample earlier) {
            return new Sample(jvm - earlier.jvm, server - earlier.server);
        }

        Sample plus(Sample other) {
            return new Sample(jvm + other.jvm, server + other.server);
        }

        double total() {
            return jvm + Math.max(server, 0);
        }

        String describe(boolean withServer) {
            return withServer
                    ? String.format(Locale.ROOT, "CPU %.1f s (JVM %.1f s, PostgreSQL %.1f s)", total(), jvm, server)
                    : String.format(Locale.ROOT, "CPU of this JVM %.1f s", jvm);
        }
    }

    boolean seesServer() {
        return postmaster != null;
    }

    Sample now() {
        double jvm = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
        return new Sample(jvm, postmaster == null ? -1 : serverSeconds());
    }

    private double serverSeconds() {
        long ticks = 0;
        Optional<String[]> own = stat(postmaster);
        if (own.isPresent()) {
            String[] f = own.get();
            // fields after "(comm) state": ppid=1 … utime=11, stime=12, cutime=13, cstime=14
            ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
        }
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path p : processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
                Optional<String[]> stat = stat(Long.parseLong(p.getFileName().toString()));
                if (stat.isPresent() && stat.get()[1].equals(Long.toString(postmaster))) {
                    ticks += Long.parseLong(stat.get()[11]) + Long.parseLong(stat.get()[12]);
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return ticks / TICKS;
    }

    /** /proc/PID/stat after the command name: [state, ppid, …]. */
    private static Optional<String[]> stat(long pid) {
        try {
            String text = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return Optional.of(text.substring(text.lastIndexOf(')') + 2).split(" "));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
