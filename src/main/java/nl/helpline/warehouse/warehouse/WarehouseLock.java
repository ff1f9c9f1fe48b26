package nl.helpline.warehouse.warehouse;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

/**
 * Keeps runs from overlapping on one warehouse, wherever they were started from: a PostgreSQL
 * session-level advisory lock, held on its own connection for the length of a run and released
 * by PostgreSQL itself if the process dies.
 */
public final class WarehouseLock implements AutoCloseable {

    /** "helpline-warehouse" as a number; any fixed value shared by all our processes works. */
    public static final long LOCK_KEY = 0x48_65_6C_70_6C_69_6EL;

    private final Connection connection;

    private WarehouseLock(Connection connection) {
        this.connection = connection;
    }

    /** Takes the lock or says, in {@link WarehouseBusyException}, who holds it. */
    public static WarehouseLock acquire(DataSource dataSource) {
        try {
            Connection connection = dataSource.getConnection();
            connection.setAutoCommit(true);
            try (PreparedStatement ps = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
                ps.setLong(1, LOCK_KEY);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getBoolean(1)) {
                        return new WarehouseLock(connection);
                    }
                }
                String holder = holder(connection);
                connection.close();
                throw new WarehouseBusyException("Another run is working on this warehouse"
                        + (holder == null ? "" : " (" + holder + ")")
                        + "; runs never overlap. This run did nothing; try again when it has finished.");
            } catch (SQLException | RuntimeException e) {
                if (!connection.isClosed()) {
                    connection.close();
                }
                throw e;
            }
        } catch (SQLException e) {
            throw new WarehouseUnavailableException("Cannot take the warehouse lock: " + e.getMessage(), e);
        }
    }

    private static String holder(Connection connection) throws SQLException {
        String sql = SqlFiles.load("queries/lock_holder.sql");
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setLong(1, LOCK_KEY);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) + ", running since " + rs.getString(2) : null;
            }
        }
    }

    @Override
    public void close() {
        try (connection) {
            try (PreparedStatement ps = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                ps.setLong(1, LOCK_KEY);
                ps.execute();
            }
        } catch (SQLException ignored) {
            // the session ends with the connection, and PostgreSQL drops the lock with it
        }
    }
}
