package nl.helpline.warehouse.load;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/** Every row of every table of the warehouse as text, to search for what must not be there. */
final class WarehouseDump {

    private WarehouseDump() {
    }

    /** The loaded content, comparable across warehouses built from the same files. */
    static String state(JdbcTemplate jdbc) {
        String sql;
        try (var in = WarehouseDump.class.getResourceAsStream("/sql-test/warehouse_state.sql")) {
            sql = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return String.join("\n", jdbc.queryForList(sql, String.class));
    }

    static String allText(JdbcTemplate jdbc) {
        List<String> tables = jdbc.queryForList("""
                SELECT quote_ident(table_schema) || '.' || quote_ident(table_name)
                FROM information_schema.tables
                WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')
                ORDER BY 1""", String.class);
        StringBuilder all = new StringBuilder();
        for (String table : tables) {
            for (String row : jdbc.queryForList("SELECT t::text FROM " + table + " t", String.class)) {
                all.append(table).append(' ').append(row).append('\n');
            }
        }
        return all.toString();
    }
}
