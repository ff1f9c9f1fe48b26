package nl.helpline.warehouse.warehouse;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

/**
 * Keeps runs from overlapping on one warehouse, wherever they were started from: a lock on the
 * table {@code etl.run_lock}, held in an open transaction on its own connection for the length
 * of a run and released by PostgreSQL itself if the process dies.
 *
 * <p>Not an advisory lock: every role may take any advisory key, so a BI login could hold the
 * run's key and make every run exit 4. Nobody but the warehouse's own role may use
 * {@code etl.run_lock} (the readers have no right on schema {@code etl}; LOCK TABLE checks the
 * right before it waits), and the mode (SHARE ROW EXCLUSIVE) conflicts only with itself and with
 * modes that need a right on the table, not with the ACCESS SHARE any session can take for a
 * moment (e.g. {@code pg_relation_size} of the table's oid). The transaction holds no snapshot
 * and no transaction id, so it keeps no row versions from being vacuumed.
 */
public final class WarehouseLock implements AutoCloseable {

    /** How long a run waits for a lock held by something short-lived (autovacuum) before it says "busy". */
    private static final String LOCK_WAIT = "2s";

    private final Connection connection;

    private WarehouseLock(Connection connection) {
        this.connection = connection;
    }

    /** Takes the lock or says, in {@link WarehouseBusyException}, who holds it. */
    public static WarehouseLock acquire(DataSource dataSource) {
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            connection.setAutoCommit(false);
            try (Statement s = connection.createStatement()) {
                s.execute("SET LOCAL lock_timeout = '" + LOCK_WAIT + "'");
                // A server-wide idle-in-transaction timeout would end the run's lock mid-run.
                s.execute("SET LOCAL idle_in_transaction_session_timeout = 0");
                s.execute(SqlFiles.load("queries/run_lock.sql").strip());
                return new WarehouseLock(connection);
            }
        } catch (SQLException e) {
            if ("55P03".equals(e.getSQLState())) {
                String holder = holder(connection);
                closeQuietly(connection);
                throw new WarehouseBusyException("Another run is working on this warehouse"
                        + (holder == null ? "" : " (" + holder + ")")
                        + "; runs never overlap. This run did nothing; try again when it has finished.");
            }
            closeQuietly(connection);
            String diskFull = DiskFull.explain(e).orElse(null);
            throw new WarehouseUnavailableException(diskFull != null ? diskFull : "Cannot take the warehouse lock: " + e.getMessage(), e);
        }
    }

    private static String holder(Connection connection) {
        try {
            connection.rollback();
            try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(SqlFiles.load("queries/lock_holder.sql"))) {
                return rs.next() ? rs.getString(1) + ", running since " + rs.getString(2) : null;
            }
        } catch (SQLException e) {
            return null;
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            if (!connection.isClosed()) {
                connection.rollback();
                connection.setAutoCommit(true);
                connection.close();
            }
        } catch (SQLException ignored) {
            // the session ends with the connection, and PostgreSQL drops the lock with it
        }
    }

    @Override
    public void close() {
        closeQuietly(connection);
    }
}
