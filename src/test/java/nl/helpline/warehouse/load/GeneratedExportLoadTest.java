package nl.helpline.warehouse.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

import nl.helpline.warehouse.cli.ExitCode;
import nl.helpline.warehouse.generate.ExportFormat;
import nl.helpline.warehouse.generate.ExportGenerator;
import nl.helpline.warehouse.generate.GeneratedExport;
import nl.helpline.warehouse.generate.GeneratedRequest;
import nl.helpline.warehouse.generate.GeneratorSpec;
import nl.helpline.warehouse.support.Cli;
import nl.helpline.warehouse.support.TestDatabase;
import nl.helpline.warehouse.warehouse.PseudonymKey;
import nl.helpline.warehouse.warehouse.Pseudonymizer;

/**
 * Generated exports (CSV and XLSX, versions spread over files and delivered out of order, bad
 * rows, personal data) end up in the warehouse exactly as the generator's truth says, request by
 * request, and every row is accounted for.
 */
class GeneratedExportLoadTest {

    @TempDir
    Path inbox;

    @Test
    void everyRequestEndsInItsNewestStateAndEveryRowIsAccountedFor() throws Exception {
        GeneratorSpec spec = GeneratorSpec.of(4_000, LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31))
                .withSeed(7).withFiles(4)
                .withFormats(List.of(ExportFormat.CSV, ExportFormat.XLSX, ExportFormat.CSV, ExportFormat.CSV))
                .withBadRowRate(0.02).withVersionRate(0.3);
        GeneratedExport export = ExportGenerator.generate(spec, inbox);
        TestDatabase db = TestDatabase.create();
        Path summary = inbox.resolveSibling(inbox.getFileName() + ".json");

        Cli.Result result = Cli.run(db, "load", "--inbox", inbox.toString(), "--summary", summary.toString());
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCode.DONE_WITH_REJECTS);

        JdbcTemplate jdbc = db.jdbc();
        Map<String, String> warehouse = new HashMap<>();
        jdbc.query("""
                SELECT encode(v.request_pseudonym, 'hex') AS p, st.status_code, ch.channel_code, rq.requester_type_code,
                       rq.work_domain_code, fu.follow_up_code, coalesce(f.conversations::text, '-') AS conversations,
                       rd.full_date AS received, cd.full_date AS closed,
                       (SELECT string_agg(d.phenomenon_code, '|' ORDER BY d.phenomenon_code) FROM dw.bridge_request_phenomenon b
                          JOIN dw.dim_phenomenon d USING (phenomenon_key) WHERE b.request_key = f.request_key) AS phenomena,
                       (SELECT string_agg(d.support_code, '|' ORDER BY d.support_code) FROM dw.bridge_request_support b
                          JOIN dw.dim_support d USING (support_key) WHERE b.request_key = f.request_key) AS supports
                FROM dw.fact_request f
                JOIN etl.request_version v ON v.request_key = f.request_key
                JOIN dw.dim_status st USING (status_key) JOIN dw.dim_channel ch USING (channel_key)
                JOIN dw.dim_requester rq USING (requester_key) JOIN dw.dim_follow_up fu USING (follow_up_key)
                JOIN dw.dim_date rd ON rd.date_key = f.received_date_key
                LEFT JOIN dw.dim_date cd ON cd.date_key = f.closed_date_key""", rs -> {
            warehouse.put(rs.getString("p"), String.join(" ", rs.getString("status_code"), rs.getString("channel_code"),
                    rs.getString("requester_type_code"), rs.getString("work_domain_code"), rs.getString("follow_up_code"),
                    rs.getString("conversations"), rs.getString("received"), String.valueOf(rs.getString("closed")),
                    String.valueOf(rs.getString("phenomena")), String.valueOf(rs.getString("supports"))));
        });

        Pseudonymizer pseudonymizer = new Pseudonymizer(PseudonymKey.of(TestDatabase.PSEUDONYM_KEY));
        HexFormat hex = HexFormat.of();
        long expectedFacts = 0;
        for (GeneratedRequest truth : export.truth().toList()) {
            String key = hex.formatHex(pseudonymizer.pseudonym(truth.requestNumber()));
            if (truth.status().equals("WITHDRAWN")) {
                assertThat(warehouse).as("withdrawn %s", truth.requestNumber()).doesNotContainKey(key);
                continue;
            }
            expectedFacts++;
            assertThat(warehouse.get(key)).as(truth.requestNumber()).isEqualTo(expected(truth));
        }
        assertThat(warehouse).hasSize((int) expectedFacts);

        Map<String, Object> totals = jdbc.queryForMap("SELECT sum(rows_read) AS r, sum(rows_loaded) AS l, sum(rows_superseded) AS s, "
                + "sum(rows_rejected) AS j FROM etl.source_file WHERE status = 'loaded'");
        long read = ((Number) totals.get("r")).longValue();
        assertThat(read).isEqualTo(export.rows());
        assertThat(((Number) totals.get("j")).longValue()).isEqualTo(export.badRows());
        assertThat(((Number) totals.get("l")).longValue() + ((Number) totals.get("s")).longValue() + ((Number) totals.get("j")).longValue())
                .isEqualTo(read);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM etl.reject", Long.class)).isEqualTo(export.badRows());

        String everything = result.out() + result.err() + Files.readString(summary) + WarehouseDump.allText(jdbc);
        for (String marker : ExportGenerator.PERSONAL_MARKERS) {
            assertThat(everything).as("personal data must not be kept").doesNotContain(marker);
        }
        assertThat(ExportGenerator.PHONE_PATTERN.matcher(everything).find()).as("no phone number anywhere").isFalse();
    }

    private static String expected(GeneratedRequest t) {
        String followUp = t.followUp() != null ? t.followUp() : t.status().equals("CLOSED") ? "UNKNOWN" : "NOT_APPLICABLE";
        String phenomena = t.phenomena().isEmpty() ? "UNKNOWN" : String.join("|", new TreeSet<>(t.phenomena()));
        String supports = t.additionalSupport().isEmpty() ? "null" : String.join("|", new TreeSet<>(t.additionalSupport()));
        return String.join(" ", t.status(), t.channel(), t.requesterType(), t.workDomain(), followUp,
                t.conversations() == null ? "-" : t.conversations().toString(), t.received().toString(),
                String.valueOf(t.status().equals("CLOSED") ? t.closed() : null), phenomena, supports);
    }
}
