package nl.helpline.warehouse.mart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import nl.helpline.warehouse.support.Catalog;
import nl.helpline.warehouse.support.Cli;
import nl.helpline.warehouse.support.TestDatabase;

/**
 * The mart as named staff see it: over a real JDBC connection as a login that holds nothing but
 * this database's analyst role ({@code <database>_analyst}), made the way the operator makes one
 * ({@code etl.add_reader_login}). BI tools get less (schema released only: ReaderTiersTest).
 */
class WarehouseReaderTest {

    private static final AtomicInteger USERS = new AtomicInteger();

    /** Four requests whose every mart figure is worked out by hand below. */
    private static final String FACTS = """
            INSERT INTO etl.request_version (request_pseudonym, request_key, last_modified, status_code, file_id, line_number) VALUES
                ('\\x01', 101, '2024-04-02 10:00', 'CLOSED', 7, 2),
                ('\\x02', 102, '2024-03-20 09:00', 'OPEN', 7, 3),
                ('\\x03', 103, '2024-07-10 16:30', 'CLOSED', 8, 2),
                ('\\x04', 104, '2024-03-05 11:00', 'IN_PROGRESS', 8, 3);
            INSERT INTO dw.fact_request (request_key, received_date_key, closed_date_key, channel_key,
                requester_key, follow_up_key, status_key, conversations, days_to_close, last_modified) VALUES
                (101, 20240315, 20240402, 1, 12,  1, 3, 2,    18,   '2024-04-02 10:00'),
                (102, 20240320, -1,       2, 1,  -1, 1, NULL, NULL, '2024-03-20 09:00'),
                (103, 20240701, 20240710, 3, 11,  2, 3, 5,    9,    '2024-07-10 16:30'),
                (104, 20240301, -1,       4, 10, -1, 2, 1,    NULL, '2024-03-05 11:00');
            INSERT INTO dw.bridge_request_phenomenon VALUES (101, 1), (101, 2), (102, 0), (103, 5), (104, 7);
            INSERT INTO dw.bridge_request_help_question VALUES (101, 1), (102, 0), (103, 3), (103, 2), (104, 4);
            INSERT INTO dw.bridge_request_support VALUES (103, 1), (103, 2);
            INSERT INTO report.publication (publication_id, definition_name, period_label, period_start, period_end, language,
                threshold, file_name, file_sha256, audit_passed, cells_suppressed, count_suppressed)
            OVERRIDING SYSTEM VALUE VALUES (1, 'helpline', '2024-H1', '2024-01-01', '2024-06-30', 'nl', 5, 'helpline-2024-H1.xlsx', 'ab', true, 2, 9);
            INSERT INTO report.published_cell VALUES
                (1, 'total', 'TOTAL', 'published', 12, 100.0, 12),
                (1, 'requester', 'PROFESSIONAL', 'secondary', NULL, NULL, 9),
                (1, 'requester', 'CITIZEN', 'primary', NULL, NULL, 3);
            """;

    private static final String PASSWORD = "analyst-secret-0123456789";

    private static TestDatabase db;
    private static JdbcTemplate owner;
    private static String user;
    private static Connection reader;

    @BeforeAll
    static void warehouseWithFactsAndABiUser() throws IOException, SQLException {
        db = TestDatabase.create();
        Path emptyInbox = Files.createTempDirectory("mart-inbox");
        Cli.Result load = Cli.run(db, "load", "--inbox", emptyInbox.toString());
        assertEquals(0, load.exitCode(), load::toString);
        owner = db.jdbc();
        owner.execute(FACTS);
        // The operator's one line (roles belong to the cluster: one name per test run).
        user = "analyst_" + ProcessHandle.current().pid() + "_" + USERS.incrementAndGet();
        owner.queryForObject("SELECT etl.add_reader_login(?, ?, 'analyst')", String.class, user, PASSWORD);
        reader = connectAs(user);
    }

    @AfterAll
    static void closeReader() throws SQLException {
        if (reader != null) {
            reader.close();
        }
    }

    private static Connection connectAs(String role) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", role);
        props.setProperty("password", PASSWORD);
        return DriverManager.getConnection(db.url().replaceFirst("\\?.*$", ""), props);
    }

    // ---------------------------------------------------------------------------------------
    // Reading mart: every view, and what the facts say

    @Test
    void theConnectionIsTheAnalystWithNothingButThisDatabasesAnalystRole() {
        String analystRole = db.name() + "_analyst";
        assertEquals(user, query("SELECT current_user").get(0).get("current_user"));
        assertThat(query("SELECT b.rolname FROM pg_auth_members m JOIN pg_roles r ON r.oid = m.member "
                + "JOIN pg_roles b ON b.oid = m.roleid WHERE r.rolname = current_user"))
                .extracting(row -> row.get("rolname")).containsExactly(analystRole);
        assertEquals(Boolean.FALSE, owner.queryForObject("SELECT rolsuper OR rolcanlogin OR rolcreaterole OR rolcreatedb "
                + "OR rolreplication OR rolbypassrls FROM pg_roles WHERE rolname = ?", Boolean.class, analystRole));
        // Whoever is granted it is told what it reads.
        assertThat(owner.queryForObject("SELECT shobj_description(oid, 'pg_authid') FROM pg_roles WHERE rolname = ?", String.class,
                analystRole)).contains("REQUEST LEVEL", "special-category personal data", "named persons");
    }

    @Test
    void aLoginOfThisWarehouseReachesNoOtherWarehouseOnTheSameServer() throws SQLException {
        // Roles belong to the cluster; each warehouse database has its own tiers, and grants CONNECT to them only.
        TestDatabase second = Warehouses.migrated();
        JdbcTemplate secondOwner = second.jdbc();
        secondOwner.update("INSERT INTO report.publication (definition_name, period_label, period_start, period_end, language, "
                + "threshold, file_name, file_sha256, audit_passed, cells_suppressed, count_suppressed) "
                + "VALUES ('helpline', '2024-H2', '2024-07-01', '2024-12-31', 'nl', 5, 'x.xlsx', 'cd', true, 0, 0)");
        assertEquals(Boolean.FALSE, secondOwner.queryForObject("SELECT pg_has_role(?, ?, 'USAGE')", Boolean.class,
                user, second.name() + "_analyst"));
        Properties props = new Properties();
        props.setProperty("user", user);
        props.setProperty("password", PASSWORD);
        assertThatThrownBy(() -> DriverManager.getConnection(second.url().replaceFirst("\\?.*$", ""), props).close())
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"));
        // …and the old cluster-wide role reads neither.
        for (JdbcTemplate warehouse : List.of(owner, secondOwner)) {
            assertEquals(Boolean.FALSE, warehouse.queryForObject("SELECT has_database_privilege('warehouse_reader', current_database(), 'CONNECT') "
                    + "OR has_schema_privilege('warehouse_reader', 'mart', 'USAGE') "
                    + "OR has_table_privilege('warehouse_reader', 'mart.request', 'SELECT')", Boolean.class));
        }
    }

    @Test
    void everyMartViewIsReadable() {
        List<String> views = owner.queryForList("SELECT table_name FROM information_schema.views WHERE table_schema = 'mart' "
                + "ORDER BY table_name", String.class);
        assertThat(views).contains("request", "request_phenomenon", "request_help_question", "request_support",
                "monthly_requests_by_channel", "monthly_requests_by_requester");
        for (String view : views) {
            assertThat(query("SELECT * FROM mart." + view)).as(view).isNotEmpty();
        }
    }

    @Test
    void oneRowPerRequestWithEveryLabelAndPeriod() {
        // request_id is pseudonymous (RequestIdTest): four numbers, none of them the warehouse's key. The
        // requests are told apart here by their medium, one each.
        assertThat(query("SELECT request_id FROM mart.request")).extracting(row -> Long.parseLong(row.get("request_id")))
                .doesNotHaveDuplicates().hasSize(4).allSatisfy(id -> assertThat(id).isPositive().isLessThan(1L << 53))
                .doesNotContainAnyElementsOf(List.of(101L, 102L, 103L, 104L));

        Map<String, String> closed = row("SELECT * FROM mart.request WHERE channel_code = 'PHONE'");
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("request_id", closed.get("request_id"));
        expected.put("request_count", "1");
        expected.put("received_year", "2024");
        expected.put("received_half_year", "1");
        expected.put("received_half_year_label", "2024-H1");
        expected.put("received_quarter", "1");
        expected.put("received_quarter_label", "2024-Q1");
        expected.put("received_month", "3");
        expected.put("received_month_label", "2024-03");
        expected.put("received_month_name_nl", "maart");
        expected.put("received_month_name_en", "March");
        expected.put("received_month_start", "2024-03-01");
        expected.put("closed_year", "2024");
        expected.put("closed_half_year", "1");
        expected.put("closed_half_year_label", "2024-H1");
        expected.put("closed_quarter", "2");
        expected.put("closed_quarter_label", "2024-Q2");
        expected.put("closed_month", "4");
        expected.put("closed_month_label", "2024-04");
        expected.put("closed_month_name_nl", "april");
        expected.put("closed_month_name_en", "April");
        expected.put("closed_month_start", "2024-04-01");
        expected.put("status_code", "CLOSED");
        expected.put("status_label_nl", "Afgesloten");
        expected.put("status_label_en", "Closed");
        expected.put("is_closed", "t");
        expected.put("channel_code", "PHONE");
        expected.put("channel_label_nl", "Telefoon");
        expected.put("channel_label_en", "Phone");
        expected.put("channel_group_code", "PHONE");
        expected.put("channel_group_label_nl", "Telefoon");
        expected.put("channel_group_label_en", "Phone");
        expected.put("requester_type_code", "PROFESSIONAL");
        expected.put("requester_type_label_nl", "Professional");
        expected.put("requester_type_label_en", "Professional");
        expected.put("work_domain_code", "EDUCATION");
        expected.put("work_domain_label_nl", "Onderwijs");
        expected.put("work_domain_label_en", "Education");
        expected.put("follow_up_code", "CONSULTATION");
        expected.put("follow_up_label_nl", "Consultatie");
        expected.put("follow_up_label_en", "Consultation");
        expected.put("conversations", "2");
        expected.put("days_to_close", "18");
        assertEquals(expected, closed);

        Map<String, String> open = row("SELECT * FROM mart.request WHERE channel_code = 'EMAIL'");
        assertThat(open).containsEntry("received_month_label", "2024-03").containsEntry("is_closed", "f")
                .containsEntry("status_label_nl", "Open").containsEntry("status_label_en", "Open")
                .containsEntry("channel_label_nl", "E-mail").containsEntry("channel_group_label_en", "Email")
                .containsEntry("requester_type_code", "CITIZEN").containsEntry("requester_type_label_nl", "Niet-professional (burger)")
                .containsEntry("requester_type_label_en", "Not professional (citizen)").containsEntry("work_domain_code", "NOT_APPLICABLE")
                .containsEntry("follow_up_code", "NOT_APPLICABLE").containsEntry("conversations", null)
                .containsEntry("days_to_close", null);
        for (String period : List.of("year", "half_year", "half_year_label", "quarter", "quarter_label", "month",
                "month_label", "month_name_nl", "month_name_en", "month_start")) {
            assertThat(open).containsEntry("closed_" + period, null);
        }

        assertThat(row("SELECT * FROM mart.request WHERE channel_code = 'CHAT'")).containsEntry("received_half_year_label", "2024-H2")
                .containsEntry("received_quarter_label", "2024-Q3").containsEntry("channel_code", "CHAT")
                .containsEntry("work_domain_label_nl", "Veiligheidsdomein").containsEntry("follow_up_label_en", "Additional support")
                .containsEntry("days_to_close", "9");
        assertThat(row("SELECT * FROM mart.request WHERE channel_code = 'IN_PERSON'")).containsEntry("status_label_nl", "In behandeling")
                .containsEntry("channel_label_en", "In person").containsEntry("channel_group_code", "OTHER")
                .containsEntry("channel_group_label_nl", "Anders (persoonlijk, overig of onbekend)")
                .containsEntry("channel_group_label_en", "Other (in person, other or unknown)")
                .containsEntry("requester_type_code", "PROFESSIONAL").containsEntry("work_domain_code", "UNKNOWN");
    }

    @Test
    void oneRowPerRequestAndPhenomenonHelpQuestionAndSupport() {
        // Joined to mart.request on request_id, as dashboards do; the request named by its medium (one each).
        String request = "SELECT r.channel_code AS request, v.* FROM mart.%s v JOIN mart.request r USING (request_id) "
                + "ORDER BY array_position(ARRAY['PHONE', 'EMAIL', 'CHAT', 'IN_PERSON'], r.channel_code), %s";
        assertThat(query(request.formatted("request_phenomenon", "phenomenon_code")))
                .allSatisfy(row -> assertThat(row.remove("request_id")).isNotNull()).containsExactly(
                Map.of("request", "PHONE", "phenomenon_code", "JIHADISM", "phenomenon_label_nl", "Jihadisme", "phenomenon_label_en", "Jihadism"),
                Map.of("request", "PHONE", "phenomenon_code", "RIGHT_WING", "phenomenon_label_nl", "Rechts-extremisme", "phenomenon_label_en", "Right-wing extremism"),
                Map.of("request", "EMAIL", "phenomenon_code", "UNKNOWN", "phenomenon_label_nl", "Onbekend", "phenomenon_label_en", "Unknown"),
                Map.of("request", "CHAT", "phenomenon_code", "CONSPIRACY", "phenomenon_label_nl", "Complotdenken", "phenomenon_label_en", "Conspiracy thinking"),
                Map.of("request", "IN_PERSON", "phenomenon_code", "OTHER", "phenomenon_label_nl", "Overig", "phenomenon_label_en", "Other"));
        assertThat(query(request.formatted("request_help_question", "help_question_code")))
                .allSatisfy(row -> {
                    assertThat(row.remove("request_id")).isNotNull();
                    row.remove("help_question_label_en");
                }).containsExactly(
                Map.of("request", "PHONE", "help_question_code", "IS_CONCERNING", "help_question_label_nl", "Is de situatie zorgelijk?"),
                Map.of("request", "EMAIL", "help_question_code", "UNKNOWN", "help_question_label_nl", "Onbekend"),
                Map.of("request", "CHAT", "help_question_code", "HELP_OR_REFER", "help_question_label_nl", "Kunnen jullie mij helpen of doorverwijzen?"),
                Map.of("request", "CHAT", "help_question_code", "STAY_IN_CONTACT", "help_question_label_nl", "Hoe blijf ik in gesprek of contact?"),
                Map.of("request", "IN_PERSON", "help_question_code", "INFORMATION", "help_question_label_nl", "Informatievraag"));
        assertThat(query(request.formatted("request_support", "support_code")))
                .allSatisfy(row -> assertThat(row.remove("request_id")).isNotNull()).containsExactly(
                Map.of("request", "CHAT", "support_code", "FAMILY", "support_label_nl", "Familieondersteuning", "support_label_en", "Family support"),
                Map.of("request", "CHAT", "support_code", "FORSA", "support_label_nl", "Individuele begeleiding (Forsa)", "support_label_en", "Individual guidance (Forsa)"));
    }

    @Test
    void monthlyCountsByChannelAndByRequester() {
        assertThat(query("SELECT received_month_label, received_month_start, channel_code, channel_label_nl, requests, closed_requests "
                + "FROM mart.monthly_requests_by_channel ORDER BY received_month_label, channel_code")).containsExactly(
                Map.of("received_month_label", "2024-03", "received_month_start", "2024-03-01", "channel_code", "EMAIL",
                        "channel_label_nl", "E-mail", "requests", "1", "closed_requests", "0"),
                Map.of("received_month_label", "2024-03", "received_month_start", "2024-03-01", "channel_code", "IN_PERSON",
                        "channel_label_nl", "Persoonlijk", "requests", "1", "closed_requests", "0"),
                Map.of("received_month_label", "2024-03", "received_month_start", "2024-03-01", "channel_code", "PHONE",
                        "channel_label_nl", "Telefoon", "requests", "1", "closed_requests", "1"),
                Map.of("received_month_label", "2024-07", "received_month_start", "2024-07-01", "channel_code", "CHAT",
                        "channel_label_nl", "Chat", "requests", "1", "closed_requests", "1"));
        assertThat(query("SELECT received_month_label, requester_type_code, work_domain_code, work_domain_label_en, requests, closed_requests "
                + "FROM mart.monthly_requests_by_requester ORDER BY received_month_label, requester_type_code, work_domain_code")).containsExactly(
                Map.of("received_month_label", "2024-03", "requester_type_code", "CITIZEN", "work_domain_code", "NOT_APPLICABLE",
                        "work_domain_label_en", "Not applicable", "requests", "1", "closed_requests", "0"),
                Map.of("received_month_label", "2024-03", "requester_type_code", "PROFESSIONAL", "work_domain_code", "EDUCATION",
                        "work_domain_label_en", "Education", "requests", "1", "closed_requests", "1"),
                Map.of("received_month_label", "2024-03", "requester_type_code", "PROFESSIONAL", "work_domain_code", "UNKNOWN",
                        "work_domain_label_en", "Unknown", "requests", "1", "closed_requests", "0"),
                Map.of("received_month_label", "2024-07", "requester_type_code", "PROFESSIONAL", "work_domain_code", "SECURITY",
                        "work_domain_label_en", "Security", "requests", "1", "closed_requests", "1"));
    }

    @Test
    void theAnalystReadsMartAndReleasedAndNoDraft() {
        // Everything the analyst's login could SELECT (any column of it) or call, in a schema it may use.
        List<String> readable = query(Catalog.READABLE_RELATIONS).stream().map(row -> row.values().iterator().next()).toList();
        assertThat(readable).contains("mart.request", "mart.request_phenomenon", "mart.code_list", "released.cell", "released.release")
                .allSatisfy(relation -> assertThat(relation).matches("(mart|released)\\..+"));
        assertThat(readable).filteredOn(relation -> relation.startsWith("released.")).containsExactly("released.cell", "released.release");
        assertThat(query(Catalog.CALLABLE_FUNCTIONS)).isEmpty();
        assertThat(query("SELECT count(*) AS n FROM released.cell")).containsExactly(Map.of("n", "0"));
        // Drafts (report.publication, report.published_cell; FACTS holds one) reach no view the analyst reads.
        assertThat(owner.queryForList(Catalog.TABLES_BEHIND_VIEWS, String.class, "mart")).isNotEmpty()
                .allSatisfy(table -> assertThat(table).matches("dw\\.(fact_request|dim_\\w+|bridge_request_\\w+|code_list)|etl\\.request_id_salt"));
        assertRefused("SELECT * FROM report.publication");
        assertRefused("SELECT * FROM report.published_cell");
    }

    @Test
    void nothingInMartLeadsBackToAPersonOrASourceRow() {
        List<Map<String, String>> suspicious = query("SELECT table_name, column_name, data_type FROM information_schema.columns "
                + "WHERE table_schema = 'mart' AND (data_type = 'bytea' OR data_type LIKE 'timestamp%' OR column_name ~ "
                + "'pseudonym|source|file|line|modified|number|melder|betrokkene|toelichting|full_date|^received_date$|^closed_date$')");
        assertThat(suspicious).isEmpty();
        // …and no view text mentions them either (a column could be renamed on the way).
        assertThat(owner.queryForList("SELECT viewname FROM pg_views WHERE schemaname = 'mart' "
                + "AND definition ~ 'request_pseudonym|source_file_id|source_line|last_modified|full_date'", String.class)).isEmpty();
    }

    // ---------------------------------------------------------------------------------------
    // Everything outside mart (and released) is refused, and so is every write

    @Test
    void readingAnyObjectOutsideMartIsRefused() {
        List<String> outside = owner.queryForList("SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname) FROM pg_class c "
                + "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S') "
                + "AND n.nspname NOT IN ('mart', 'released', 'pg_catalog', 'information_schema', 'pg_toast') ORDER BY 1", String.class);
        assertThat(outside).contains("etl.pseudonym_key", "etl.reject", "etl.source_file", "etl.request_version",
                "etl.flyway_schema_history", "dw.fact_request", "dw.dim_date", "dw.bridge_request_phenomenon",
                "staging.request_row", "batch.batch_job_execution", "etl.run_lock");
        for (String relation : outside) {
            assertRefused("SELECT * FROM " + relation + " LIMIT 1");
        }
        // Nor through the catalog: statistics and the request pseudonym's most common values stay hidden.
        assertRefused("SELECT * FROM pg_catalog.pg_statistic LIMIT 1");
        assertThat(query("SELECT attname FROM pg_stats WHERE schemaname = 'dw'")).isEmpty();
    }

    @Test
    void everyWriteIsRefused() {
        long facts = owner.queryForObject("SELECT count(*) FROM dw.fact_request", Long.class);
        List<String> views = owner.queryForList("SELECT table_name FROM information_schema.views WHERE table_schema = 'mart'", String.class);
        for (String view : views) {
            assertThat(owner.queryForObject("SELECT has_table_privilege(?, ?, 'INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER')",
                    Boolean.class, user, "mart." + view)).as(view).isFalse();
            assertFails("INSERT INTO mart." + view + " DEFAULT VALUES");
            assertFails("UPDATE mart." + view + " SET " + (view.startsWith("monthly") ? "received_year" : "request_id") + " = NULL");
            assertFails("DELETE FROM mart." + view);
            assertFails("TRUNCATE mart." + view);
            assertRefused("ALTER VIEW mart." + view + " RENAME TO x");
            assertRefused("COMMENT ON VIEW mart." + view + " IS 'x'");
            assertRefused("DROP VIEW mart." + view);
        }
        assertRefused("INSERT INTO dw.fact_request (request_key) VALUES (9)");
        assertRefused("UPDATE dw.dim_channel SET label_en = 'x'");
        assertRefused("DELETE FROM etl.reject");
        assertRefused("TRUNCATE staging.request_row");
        assertRefused("SELECT nextval('etl.request_key_seq')");
        assertRefused("CREATE TABLE mart.scratch (x int)");
        assertRefused("CREATE VIEW mart.scratch AS SELECT 1 AS x");
        assertRefused("CREATE TABLE public.scratch (x int)");
        assertRefused("CREATE TABLE scratch (x int)");
        assertRefused("CREATE TEMP TABLE scratch (x int)");
        assertRefused("CREATE FUNCTION pg_temp.scratch() RETURNS int LANGUAGE sql AS 'SELECT 1'");
        assertRefused("CREATE SCHEMA scratch");
        assertRefused("SELECT lo_create(0)");
        assertRefused("SELECT lo_from_bytea(0, '\\x00')");
        assertRefused("COPY (SELECT 1) TO '/tmp/warehouse-reader-copy'");
        assertRefused("SET ROLE postgres");
        assertEquals(facts, owner.queryForObject("SELECT count(*) FROM dw.fact_request", Long.class));
    }

    // ---------------------------------------------------------------------------------------

    private static void assertRefused(String sql) {
        assertThatThrownBy(() -> execute(sql)).as(sql).isInstanceOfSatisfying(SQLException.class,
                e -> assertThat(e.getSQLState()).as(sql + ": " + e.getMessage()).isEqualTo("42501"));
    }

    /** Refused for want of the privilege, or because the view cannot take writes at all: either way, nothing is written. */
    private static void assertFails(String sql) {
        assertThatThrownBy(() -> execute(sql)).as(sql).isInstanceOf(SQLException.class);
    }

    private static void execute(String sql) throws SQLException {
        try (Statement s = reader.createStatement()) {
            s.execute(sql);
        }
    }

    private static Map<String, String> row(String sql) {
        List<Map<String, String>> rows = query(sql);
        assertEquals(1, rows.size(), sql);
        return rows.get(0);
    }

    /** Rows as text, the way a BI tool would show them (booleans as t/f, dates as yyyy-mm-dd). */
    private static List<Map<String, String>> query(String sql) {
        List<Map<String, String>> rows = new ArrayList<>();
        try (Statement s = reader.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            ResultSetMetaData meta = rs.getMetaData();
            while (rs.next()) {
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    String value = rs.getString(i);
                    row.put(meta.getColumnLabel(i), value);
                }
                rows.add(row);
            }
        } catch (SQLException e) {
            throw new AssertionError(sql + ": " + e.getMessage(), e);
        }
        return rows;
    }
}
