package nl.helpline.warehouse.load;

import java.io.IOException;
import java.net.ConnectException;
import java.sql.SQLException;

import org.postgresql.util.PSQLException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells a file's fault from the warehouse's. A file that cannot be read, or whose values the
 * database refuses, is rejected and the run goes on; when the warehouse itself fails (the
 * database is gone or refuses service, a disk is full, the counts do not reconcile, the JVM ran
 * out of memory) the run stops, and the operator is told which in plain words.
 */
public final class Failures {

    private Failures() {
    }

    /** Whether this ends the run (exit 3) rather than rejecting the file being read. */
    public static boolean warehouseFailure(Throwable failure) {
        return kind(failure) != null;
    }

    /** One sentence for the operator: which part of the warehouse failed, and the cause's own words. */
    public static String describe(Throwable failure) {
        String kind = kind(failure);
        String detail = rootMessage(failure);
        if (kind != null) {
            return kind + ": " + detail;
        }
        String outer = failure.getMessage() == null ? null : FileNames.escape(failure.getMessage());
        return outer == null || outer.equals(detail) ? detail : outer + " (" + detail + ")";
    }

    private static String kind(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof OutOfMemoryError) {
                return "The warehouse ran out of memory (OutOfMemoryError); give the JVM more heap (-Xmx) and run again";
            }
            if (t instanceof VirtualMachineError) {
                return "The Java virtual machine failed (" + t.getClass().getSimpleName() + ")";
            }
            if (t instanceof ReconciliationException) {
                return "The warehouse's counts do not reconcile; nothing of the file was committed";
            }
            if (t instanceof InboxFolders.InboxFolderException) {
                return "The inbox's own folders are not safe to write";
            }
            if (t instanceof IOException io && noSpace(io.getMessage())) {
                return "A disk of the warehouse is full (no space left on device)";
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState() == null ? "" : sql.getSQLState();
                if (state.equals("53100")) {
                    return "The database's disk is full";
                }
                if (state.startsWith("08") || state.startsWith("57P")) {
                    return "The database could not be reached or went away";
                }
                if (state.startsWith("53") || state.startsWith("58") || state.startsWith("XX")) {
                    return "The database failed (SQL state " + state + ")";
                }
                if (state.startsWith("42") || state.startsWith("25") || state.startsWith("40") || state.startsWith("0A")
                        || state.startsWith("57")) {
                    return "The warehouse's own SQL failed (SQL state " + state + ")";
                }
            }
            if (t instanceof ConnectException || t instanceof DataAccessResourceFailureException
                    || t instanceof CannotCreateTransactionException) {
                return "The database could not be reached or went away";
            }
        }
        return null;
    }

    private static boolean noSpace(String message) {
        return message != null && message.contains("No space left on device");
    }

    /** The innermost message, which usually says what happened; the outer one when they are the same. */
    public static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root instanceof PSQLException psql && psql.getServerErrorMessage() != null
                ? psql.getServerErrorMessage().getMessage() : root.getMessage();
        if (message == null) {
            message = root.getClass().getSimpleName();
        }
        return FileNames.escape(message);
    }

    /** The counts of a file or of the warehouse do not add up: never the file's fault, always a stop. */
    public static final class ReconciliationException extends IllegalStateException {
        public ReconciliationException(String message) {
            super(message);
        }
    }
}
