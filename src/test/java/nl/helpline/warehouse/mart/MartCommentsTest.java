package nl.helpline.warehouse.mart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import nl.helpline.warehouse.support.TestDatabase;

/** BI tools show COMMENT ON as descriptions: nothing in released, mart or dw goes without one. */
class MartCommentsTest {

    private static JdbcTemplate jdbc;

    @BeforeAll
    static void migrate() {
        TestDatabase db = Warehouses.migrated();
        jdbc = db.jdbc();
    }

    @Test
    void everyMartColumnHasAComment() {
        assertThat(columnsWithoutComment("mart")).as("mart columns without COMMENT ON").isEmpty();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM information_schema.columns WHERE table_schema = 'mart'", Integer.class))
                .as("mart has columns at all").isGreaterThan(50);
    }

    @Test
    void everyMartViewHasAComment() {
        assertThat(relationsWithoutComment("mart")).as("mart views without COMMENT ON").isEmpty();
    }

    @Test
    void everyReleasedViewAndColumnHasAComment() {
        assertThat(relationsWithoutComment("released")).as("released views without COMMENT ON").isEmpty();
        assertThat(columnsWithoutComment("released")).as("released columns without COMMENT ON").isEmpty();
        assertThat(jdbc.queryForList("SELECT table_name FROM information_schema.views WHERE table_schema = 'released' ORDER BY 1",
                String.class)).containsExactly("cell", "release");
    }

    @Test
    void everyDwTableAndColumnHasAComment() {
        assertThat(relationsWithoutComment("dw")).as("dw tables without COMMENT ON").isEmpty();
        assertThat(columnsWithoutComment("dw")).as("dw columns without COMMENT ON").isEmpty();
    }

    @Test
    void everySchemaReadersSeeIsDescribed() {
        assertThat(jdbc.queryForList("SELECT nspname FROM pg_namespace WHERE nspname IN ('released', 'mart', 'dw') "
                + "AND coalesce(obj_description(oid, 'pg_namespace'), '') <> ''", String.class))
                .containsExactlyInAnyOrder("released", "mart", "dw");
    }

    private static List<String> relationsWithoutComment(String schema) {
        return jdbc.queryForList("SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                + "WHERE n.nspname = ? AND c.relkind IN ('r', 'p', 'v', 'm', 'f') "
                + "AND coalesce(btrim(obj_description(c.oid, 'pg_class')), '') = ''", String.class, schema);
    }

    private static List<String> columnsWithoutComment(String schema) {
        return jdbc.queryForList("SELECT c.relname || '.' || a.attname FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid "
                + "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ? AND c.relkind IN ('r', 'p', 'v', 'm', 'f') "
                + "AND a.attnum > 0 AND NOT a.attisdropped AND coalesce(btrim(col_description(c.oid, a.attnum)), '') = ''",
                String.class, schema);
    }
}
