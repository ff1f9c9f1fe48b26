package nl.helpline.warehouse.load;

import org.springframework.jdbc.core.JdbcTemplate;

/** The load tests' view of the warehouse's content, for tests in other packages. */
public final class WarehouseStateForTests {

    private WarehouseStateForTests() {
    }

    public static String state(JdbcTemplate jdbc) {
        return WarehouseDump.state(jdbc);
    }
}
