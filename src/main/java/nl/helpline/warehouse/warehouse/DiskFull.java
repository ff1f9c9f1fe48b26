package nl.helpline.warehouse.warehouse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;

/**
 * Recognises a full disk behind a failure and says so in plain words. Without this, a full disk
 * under the embedded warehouse shows up as "Connection refused" (the server could not write its
 * WAL and stopped) or as a Spring Batch status, and "no space" is said nowhere.
 *
 * <p>Evidence, any of: PostgreSQL's SQLSTATE {@code 53100 disk_full}; "No space left on device"
 * in a message; or, for the embedded warehouse, a file system under its data directory with less
 * than {@value #NEARLY_FULL_MB} MB left when the failure is a lost or refused connection.
 */
public final class DiskFull {

    static final long NEARLY_FULL_MB = 32;
    private static final String DISK_FULL_STATE = "53100";

    /** The data directory of the embedded warehouse open in this process, if any (one at a time per process). */
    private static volatile Path embeddedDataDir;

    private DiskFull() {
    }

    static void watch(Path dataDir) {
        embeddedDataDir = dataDir.toAbsolutePath();
    }

    static void unwatch(Path dataDir) {
        if (dataDir.toAbsolutePath().equals(embeddedDataDir)) {
            embeddedDataDir = null;
        }
    }

    /**
     * "The disk under … is full …: free space and run again." when {@code failure} was caused by a
     * full disk, empty otherwise.
     */
    public static Optional<String> explain(Throwable failure) {
        Path dir = embeddedDataDir;
        if (saysDiskFull(failure)) {
            return Optional.of(dir != null ? sentence(dir) : "The database server's disk is full (" + evidence(failure)
                    + "): free space on it and run again. Everything committed before stays; the run resumes where it stopped.");
        }
        if (dir != null && nearlyFull(dir) && lostConnection(failure)) {
            return Optional.of(sentence(dir));
        }
        return Optional.empty();
    }

    /** The same, for a directory we write ourselves. */
    static Optional<String> explain(Throwable failure, Path dir) {
        return saysDiskFull(failure) || nearlyFull(dir) ? Optional.of(sentence(dir)) : Optional.empty();
    }

    /** " — the disk under X is full: …" to append to another message, or "". */
    static String hintFor(Throwable failure, Path dir) {
        return explain(failure, dir).map(s -> ". " + s).orElse("");
    }

    static boolean saysDiskFull(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException s = sql; s != null; s = s.getNextException()) {
                    if (DISK_FULL_STATE.equals(s.getSQLState()) || mentionsNoSpace(s.getMessage())) {
                        return true;
                    }
                }
            }
            if (mentionsNoSpace(t.getMessage())) {
                return true;
            }
            if (t instanceof LocalPostgres.StartFailure start && mentionsNoSpace(start.output())) {
                return true;
            }
        }
        return false;
    }

    static boolean mentionsNoSpace(String text) {
        if (text == null) {
            return false;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        return lower.contains("no space left on device") || lower.contains("disk quota exceeded");
    }

    static boolean nearlyFull(Path dir) {
        try {
            Path existing = dir.toAbsolutePath();
            while (existing != null && !Files.exists(existing)) {
                existing = existing.getParent();
            }
            return existing != null && Files.getFileStore(existing).getUsableSpace() < NEARLY_FULL_MB << 20;
        } catch (IOException | SecurityException e) {
            return false;
        }
    }

    static String sentence(Path dir) {
        return "The disk under " + dir.toAbsolutePath() + " is full" + free(dir)
                + ": free space and run again. Everything committed before stays; nothing is lost.";
    }

    private static String free(Path dir) {
        try {
            Path existing = dir.toAbsolutePath();
            while (existing != null && !Files.exists(existing)) {
                existing = existing.getParent();
            }
            long free = existing == null ? -1 : Files.getFileStore(existing).getUsableSpace();
            return free < 0 ? "" : " (" + (free >> 20) + " MB free)";
        } catch (IOException e) {
            return "";
        }
    }

    /** The connection broke or never came: what a server that cannot write looks like from outside. */
    private static boolean lostConnection(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
            if (t instanceof java.net.ConnectException || t instanceof java.io.EOFException || t instanceof LocalPostgres.StartFailure) {
                return true;
            }
        }
        return false;
    }

    private static String evidence(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && (DISK_FULL_STATE.equals(sql.getSQLState()) || mentionsNoSpace(sql.getMessage()))) {
                return "PostgreSQL: " + firstLine(sql.getMessage());
            }
            if (mentionsNoSpace(t.getMessage())) {
                return firstLine(t.getMessage());
            }
        }
        return "no space left on device";
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return (newline < 0 ? text : text.substring(0, newline)).strip();
    }
}
