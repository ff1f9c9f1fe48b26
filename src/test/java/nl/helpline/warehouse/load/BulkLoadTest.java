package nl.helpline.warehouse.load;

import static nl.helpline.warehouse.support.ExportCsv.row;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

import nl.helpline.warehouse.cli.ExitCode;
import nl.helpline.warehouse.support.Cli;
import nl.helpline.warehouse.support.ExportCsv;
import nl.helpline.warehouse.support.TestDatabase;

/**
 * A file at least as large as the warehouse is loaded without the secondary indexes of facts and
 * bridges, which are built again in the file's transaction. Its outcome must be the very
 * warehouse an ordinary load makes, and the indexes must come back exactly as the migrations
 * made them, descriptions included (BI query plans depend on them). The threshold is lowered
 * here so that a small file counts as large.
 */
class BulkLoadTest {

    private static final String INDEXES = """
            SELECT string_agg(pg_get_indexdef(i.indexrelid) || ' -- ' || coalesce(obj_description(i.indexrelid, 'pg_class'), ''),
                              E'\\n' ORDER BY i.indexrelid::regclass::text)
            FROM pg_index i
            JOIN pg_class c ON c.oid = i.indrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname IN ('dw', 'etl')""";

    @TempDir
    Path work;

    @Test
    void aFileAsLargeAsTheWarehouseComesOutAsAnOrdinaryLoadWithItsIndexesRebuilt() throws Exception {
        Path original = Files.createDirectories(work.resolve("original"));
        ExportCsv.stream(original.resolve("history.csv"), 300, i -> row("HAL-" + (i % 240), (1 + i / 240) + "-03-2024 09:00")
                .set("Status", i % 17 == 0 ? "Vervallen" : "Afgesloten")
                .set("Verschijningsvormen", i % 3 == 0 ? "" : "Jihadisme|Rechts-extremisme")
                .set("Opvolging", i % 2 == 0 ? "Aanvullende ondersteuning" : "Consultatie")
                .set("Aanvullende ondersteuning", i % 2 == 0 ? "Forsa|Familieondersteuning" : ""));

        TestDatabase ordinary = TestDatabase.create();
        Cli.Result reference = Cli.run(ordinary, "load", "--inbox", copy(original, "ordinary").toString());
        assertThat(reference.exitCode()).as(reference.toString()).isEqualTo(ExitCode.OK);

        TestDatabase bulk = TestDatabase.create();
        Cli.Result result;
        System.setProperty("warehouse.large-file", "100");
        try {
            result = Cli.run(bulk, "load", "--inbox", copy(original, "bulk").toString());
        } finally {
            System.clearProperty("warehouse.large-file");
        }
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCode.OK);

        JdbcTemplate expected = ordinary.jdbc();
        JdbcTemplate actual = bulk.jdbc();
        assertThat(WarehouseDump.state(actual)).isEqualTo(WarehouseDump.state(expected));
        String indexes = actual.queryForObject(INDEXES, String.class);
        assertThat(indexes).isEqualTo(expected.queryForObject(INDEXES, String.class))
                .contains("fact_request_received_bi_idx", "bridge_request_phenomenon_by_phenomenon_idx",
                        "bridge_request_help_question_by_help_question_idx", "bridge_request_support_by_support_idx",
                        "BI: facts of a period");
        for (String table : List.of("dw.fact_request", "dw.bridge_request_phenomenon", "dw.bridge_request_support")) {
            assertThat(actual.queryForObject("SELECT count(*) FROM " + table, Long.class)).as(table).isPositive();
        }
    }

    private Path copy(Path from, String name) throws Exception {
        Path to = Files.createDirectories(work.resolve(name));
        Files.copy(from.resolve("history.csv"), to.resolve("history.csv"));
        return to;
    }
}
