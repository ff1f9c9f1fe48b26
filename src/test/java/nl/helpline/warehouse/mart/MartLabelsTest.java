package nl.helpline.warehouse.mart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFTable;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

import nl.helpline.warehouse.cli.ExitCode;
import nl.helpline.warehouse.generate.ExportGenerator;
import nl.helpline.warehouse.generate.GeneratorSpec;
import nl.helpline.warehouse.support.Cli;
import nl.helpline.warehouse.support.TestDatabase;

/**
 * A dashboard on the mart and the workbook name every category alike and list it in the same
 * order: the workbook's Data sheet (code, label, row order per table), written by the real report
 * command from a real warehouse, against mart.code_list and the labels the mart's request views
 * return for real requests, in Dutch and English.
 */
class MartLabelsTest {

    /** The report's tables (jobs/reports/helpline.yml) and the code-list dimension each counts. */
    private static final Map<String, String> DIMENSION = Map.of("total", "total", "requester", "requester_type",
            "first_contact", "first_contact", "work_domain", "work_domain", "phenomenon", "phenomenon",
            "help_question", "help_question", "follow_up", "follow_up", "additional_support", "additional_support");

    /** Which mart view and columns carry a dimension's code and labels for each request. */
    private static final List<String[]> MART_LABELS = List.of(
            new String[] {"requester", "mart.request", "requester_type_code", "requester_type_label_"},
            new String[] {"first_contact", "mart.request", "channel_group_code", "channel_group_label_"},
            new String[] {"work_domain", "mart.request", "work_domain_code", "work_domain_label_"},
            new String[] {"follow_up", "mart.request", "follow_up_code", "follow_up_label_"},
            new String[] {"phenomenon", "mart.request_phenomenon", "phenomenon_code", "phenomenon_label_"},
            new String[] {"help_question", "mart.request_help_question", "help_question_code", "help_question_label_"},
            new String[] {"additional_support", "mart.request_support", "support_code", "support_label_"});

    @TempDir
    static Path work;
    static TestDatabase db;
    static JdbcTemplate jdbc;

    @BeforeAll
    static void aWarehouseWithRequests() throws Exception {
        Path inbox = work.resolve("inbox");
        ExportGenerator.generate(GeneratorSpec.of(160, LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31)).withSeed(5).withFiles(1)
                .withBadRowRate(0), inbox);
        db = TestDatabase.create();
        assertThat(Cli.run(db, "load", "--inbox", inbox.toString()).exitCode()).isEqualTo(ExitCode.OK);
        jdbc = db.jdbc();
    }

    /** One row of the Data sheet. */
    record DataRow(String table, String code, String label) {
    }

    @Test
    void theMartsLabelsAndOrderAreTheWorkbooksInBothLanguages() throws Exception {
        for (String lang : List.of("nl", "en")) {
            Path out = work.resolve(lang);
            Cli.Result report = Cli.run(db, "report", "--period", "2024", "--lang", lang, "--out", out.toString());
            assertThat(report.exitCode()).as(report.toString()).isEqualTo(ExitCode.OK);
            Map<String, List<DataRow>> byTable = dataSheet(Files.readAllBytes(out.resolve("helpline-2024." + lang + ".concept.xlsx")));
            assertThat(byTable.keySet()).containsExactlyInAnyOrderElementsOf(DIMENSION.keySet());

            for (Map.Entry<String, List<DataRow>> table : byTable.entrySet()) {
                String dimension = DIMENSION.get(table.getKey());
                // Every category of the code list, in its order; UNKNOWN only when it occurs; chat is excluded by the definition.
                List<Map<String, Object>> codeList = jdbc.queryForList("SELECT code, label_" + lang + " AS label FROM mart.code_list "
                        + "WHERE dimension = ? AND report_row ORDER BY sort_order", dimension);
                List<String> workbookCodes = table.getValue().stream().map(DataRow::code).toList();
                List<DataRow> expected = codeList.stream()
                        .filter(c -> workbookCodes.contains((String) c.get("code")) || !(c.get("code").equals("UNKNOWN") || c.get("code").equals("CHAT")))
                        .map(c -> new DataRow(table.getKey(), (String) c.get("code"), (String) c.get("label"))).toList();
                assertThat(table.getValue()).as(lang + " " + table.getKey() + ": the mart's code list, label for label, in order")
                        .containsExactlyElementsOf(expected);
            }

            // The labels the mart's request views give real requests are the workbook's labels of the same codes.
            int compared = 0;
            for (String[] m : MART_LABELS) {
                Map<String, String> workbook = new LinkedHashMap<>();
                byTable.get(m[0]).forEach(r -> workbook.put(r.code(), r.label()));
                List<Map<String, Object>> pairs = jdbc.queryForList("SELECT DISTINCT " + m[2] + " AS code, " + m[3] + lang + " AS label FROM "
                        + m[1] + " v" + (m[1].equals("mart.request") ? "" : " JOIN mart.request r USING (request_id)")
                        + " WHERE " + (m[1].equals("mart.request") ? "v." : "r.") + "is_closed AND " + m[2] + " <> 'NOT_APPLICABLE'");
                assertThat(pairs).as(m[1] + "." + m[2] + " has requests to compare").isNotEmpty();
                for (Map<String, Object> pair : pairs) {
                    String code = (String) pair.get("code");
                    if (workbook.containsKey(code)) {
                        assertThat(pair.get("label")).as(lang + " " + m[0] + " " + code).isEqualTo(workbook.get(code));
                        compared++;
                    } else {
                        assertThat(code).as("only excluded or absent unknown categories lack a workbook row").isIn("CHAT", "UNKNOWN");
                    }
                }
            }
            assertThat(compared).isGreaterThan(20);
        }
        // The wording decided once: the published one.
        assertThat(jdbc.queryForObject("SELECT DISTINCT requester_type_label_nl FROM mart.request WHERE requester_type_code = 'CITIZEN'",
                String.class)).isEqualTo("Niet-professional (burger)");
        assertThat(jdbc.queryForObject("SELECT requester_type_nl FROM dw.dim_requester WHERE requester_type_code = 'CITIZEN'",
                String.class)).as("and dw says the same").isEqualTo("Niet-professional (burger)");
    }

    @Test
    void theMartStatesTheReportsPopulationAndZeroCategoriesKeepTheirRow() {
        String comment = jdbc.queryForObject("SELECT obj_description('mart.code_list'::regclass, 'pg_class')", String.class);
        assertThat(comment).contains("received in the period, closed, not by chat");
        assertThat(jdbc.queryForObject("SELECT obj_description('mart.request'::regclass, 'pg_class')", String.class))
                .contains("received in the period", "closed (is_closed)", "channel_group_code <> 'CHAT'");
        // A category nobody asked for still has its row to LEFT JOIN from, with both descriptions.
        assertThat(jdbc.queryForList("SELECT dimension FROM mart.code_list WHERE description_nl = '' OR description_en = ''"))
                .isEmpty();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM mart.code_list WHERE dimension = 'additional_support' AND report_row",
                Integer.class)).isEqualTo(4);
    }

    private static Map<String, List<DataRow>> dataSheet(byte[] xlsx) throws Exception {
        Map<String, List<DataRow>> byTable = new LinkedHashMap<>();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            XSSFSheet data = wb.getSheet("Data");
            XSSFTable table = data.getTables().get(0);
            for (int r = table.getStartRowIndex() + 1; r <= table.getEndRowIndex(); r++) {
                XSSFRow row = data.getRow(r);
                DataRow d = new DataRow(row.getCell(1).getStringCellValue(), row.getCell(2).getStringCellValue(),
                        row.getCell(3).getStringCellValue());
                byTable.computeIfAbsent(d.table(), k -> new ArrayList<>()).add(d);
            }
        }
        return byTable;
    }
}
