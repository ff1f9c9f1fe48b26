package nl.helpline.warehouse.release;

import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the reader of the issue held before releases existed: every report the {@code report}
 * command wrote (drafts now: report.publication and its cells) copied into the release register as if
 * released, its members and their records computed here, apart from the release package, from the
 * facts (the default definition: closed requests received in the period, chat excluded). So the
 * reader can be shown to find the leaks in real, generated data.
 */
final class DraftsAsReleases {

    /** The default definition's tables: id, dimension, base cell, the record cell its population requires. */
    static final List<List<String>> TABLES = List.of(
            List.of("total", "total", "total.TOTAL", ""),
            List.of("requester", "requester_type", "total.TOTAL", ""),
            List.of("first_contact", "first_contact", "total.TOTAL", ""),
            List.of("work_domain", "work_domain", "requester.PROFESSIONAL", "requester_type.PROFESSIONAL"),
            List.of("phenomenon", "phenomenon", "total.TOTAL", ""),
            List.of("help_question", "help_question", "total.TOTAL", ""),
            List.of("follow_up", "follow_up", "total.TOTAL", ""),
            List.of("additional_support", "additional_support", "follow_up.ADDITIONAL", "follow_up.ADDITIONAL"));

    private DraftsAsReleases() {
    }

    /** Copies every Dutch publication of the default definition, in the order written, into the release register. */
    static int copyAll(JdbcTemplate jdbc) {
        List<Map<String, Object>> publications = jdbc.queryForList("SELECT publication_id, definition_name, period_label, period_start, "
                + "period_end, threshold FROM report.publication WHERE language = 'nl' AND definition_name = 'helpline' ORDER BY publication_id");
        for (Map<String, Object> p : publications) {
            copy(jdbc, p);
        }
        return publications.size();
    }

    private static void copy(JdbcTemplate jdbc, Map<String, Object> p) {
        long publication = ((Number) p.get("publication_id")).longValue();
        int version = 1 + jdbc.queryForObject("SELECT count(*) FROM report.release WHERE definition_name = ? AND period_start = ? AND period_end = ?",
                Integer.class, p.get("definition_name"), p.get("period_start"), p.get("period_end"));
        String population = "FROM dw.fact_request f JOIN dw.dim_date d ON d.date_key = f.received_date_key "
                + "JOIN dw.dim_status s ON s.status_key = f.status_key JOIN dw.dim_channel ch ON ch.channel_key = f.channel_key "
                + "WHERE s.status_code = 'CLOSED' AND ch.channel_code <> 'CHAT' AND d.full_date BETWEEN ? AND ?";
        int members = jdbc.queryForObject("SELECT count(*) " + population, Integer.class, p.get("period_start"), p.get("period_end"));
        long id = jdbc.queryForObject("INSERT INTO report.release (definition_name, period_label, period_start, period_end, version, threshold, "
                        + "zeros_sensitive, released_by, data_state, members) VALUES (?, ?, ?, ?, ?, ?, false, 'draft', 'draft', ?) RETURNING release_id",
                Long.class, p.get("definition_name"), p.get("period_label"), p.get("period_start"), p.get("period_end"), version,
                p.get("threshold"), members);
        int order = 0;
        for (List<String> t : TABLES) {
            Boolean addsUp = jdbc.queryForObject("SELECT coalesce(sum(true_count), 0) = (SELECT true_count FROM report.published_cell "
                            + "WHERE publication_id = ? AND table_id || '.' || category = ?) FROM report.published_cell WHERE publication_id = ? AND table_id = ?",
                    Boolean.class, publication, t.get(2), publication, t.get(0));
            jdbc.update("INSERT INTO report.release_table (release_id, table_id, dimension, requires, table_order, title_nl, title_en, "
                    + "base_cell, adds_up) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", id, t.get(0), t.get(1),
                    t.get(3).isEmpty() ? new String[0] : new String[] {t.get(3)}, order++, t.get(0), t.get(0), t.get(2), addsUp);
        }
        jdbc.update("INSERT INTO report.release_cell (release_id, table_id, category, status, published_count, published_percent, true_count, row_order) "
                + "SELECT ?, table_id, category, status, published_count, published_percent, true_count, "
                + "row_number() OVER (PARTITION BY table_id ORDER BY category) FROM report.published_cell WHERE publication_id = ?", id, publication);
        // Each member's record: what the request is, in the words of the dimensions (V30).
        String records = "WITH pop AS (SELECT f.request_key, ch.report_group, rq.requester_type_code, rq.work_domain_code, fu.follow_up_code "
                + population.replace("WHERE", "JOIN dw.dim_requester rq ON rq.requester_key = f.requester_key "
                + "JOIN dw.dim_follow_up fu ON fu.follow_up_key = f.follow_up_key WHERE") + "), "
                + "cells AS ("
                + " SELECT request_key, 'total.TOTAL' AS cell FROM pop"
                + " UNION ALL SELECT request_key, 'requester_type.' || requester_type_code FROM pop"
                + " UNION ALL SELECT request_key, 'first_contact.' || report_group FROM pop"
                + " UNION ALL SELECT request_key, 'work_domain.' || work_domain_code FROM pop"
                + " UNION ALL SELECT request_key, 'follow_up.' || follow_up_code FROM pop"
                + " UNION ALL SELECT p.request_key, 'phenomenon.' || d.phenomenon_code FROM pop p JOIN dw.bridge_request_phenomenon b USING (request_key) "
                + "   JOIN dw.dim_phenomenon d USING (phenomenon_key)"
                + " UNION ALL SELECT p.request_key, 'help_question.' || d.help_question_code FROM pop p JOIN dw.bridge_request_help_question b USING (request_key) "
                + "   JOIN dw.dim_help_question d USING (help_question_key)"
                + " UNION ALL SELECT p.request_key, 'additional_support.' || d.support_code FROM pop p JOIN dw.bridge_request_support b USING (request_key) "
                + "   JOIN dw.dim_support d USING (support_key)"
                + "), rec AS (SELECT request_key, array_agg(cell ORDER BY cell) AS cells FROM cells GROUP BY request_key) ";
        jdbc.update(records + "INSERT INTO report.release_record (record_sha, cells) "
                + "SELECT DISTINCT sha256(convert_to(array_to_string(cells, E'\\n'), 'UTF8')), cells FROM rec ON CONFLICT DO NOTHING",
                p.get("period_start"), p.get("period_end"));
        jdbc.update(records + "INSERT INTO report.release_member (release_id, request_key, record_sha) "
                + "SELECT ?, request_key, sha256(convert_to(array_to_string(cells, E'\\n'), 'UTF8')) FROM rec",
                p.get("period_start"), p.get("period_end"), id);
    }
}
