package nl.helpline.warehouse.mart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import nl.helpline.warehouse.support.TestDatabase;

/**
 * mart's request_id is in no load order (issue 10, finding 5: it was request_key, which follows the
 * load order and so the case number). Requests are told apart here by their conversations, set to
 * their load position, so the test needs nothing of how request_id is made.
 */
class RequestIdTest {

    private static final int REQUESTS = 3000;

    private static TestDatabase db;
    private static JdbcTemplate owner;

    @BeforeAll
    static void requestsInLoadOrder() {
        db = Warehouses.migrated();
        owner = db.jdbc();
        // request_key given out in load order, as etl.request_key_seq does; conversations = load position.
        owner.update("""
                INSERT INTO dw.fact_request (request_key, received_date_key, closed_date_key, channel_key, requester_key,
                    follow_up_key, status_key, conversations, days_to_close, last_modified)
                SELECT 5000 + i, 20240315, 20240402, 1, 12, 1, 3, i, 18, '2024-04-02 10:00' FROM generate_series(1, ?) i""", REQUESTS);
        owner.update("INSERT INTO dw.bridge_request_phenomenon SELECT 5000 + i, 1 + i % 7 FROM generate_series(1, ?) i", REQUESTS);
        owner.update("INSERT INTO dw.bridge_request_help_question SELECT 5000 + i, 1 + i % 5 FROM generate_series(1, ?) i", REQUESTS);
        owner.update("INSERT INTO dw.bridge_request_support SELECT 5000 + i, 1 + i % 4 FROM generate_series(1, ?) i WHERE i % 3 = 0",
                REQUESTS);
    }

    @Test
    void requestIdIsInNoLoadOrder() {
        double rho = owner.queryForObject("""
                SELECT corr(rank_id, rank_load) FROM (
                    SELECT rank() OVER (ORDER BY request_id) AS rank_id, rank() OVER (ORDER BY conversations) AS rank_load
                    FROM mart.request) ranks""", Double.class);
        assertThat(Math.abs(rho)).as("Spearman's rank correlation of request_id and load order, %s requests", REQUESTS).isLessThan(0.1);
        // Nor in blocks: neighbours in load order are not neighbours in request_id order.
        double neighbours = owner.queryForObject("""
                SELECT avg(abs(rank_id - lag_rank)) / ? FROM (
                    SELECT rank_id, lag(rank_id) OVER (ORDER BY conversations) AS lag_rank FROM (
                        SELECT conversations, rank() OVER (ORDER BY request_id) AS rank_id FROM mart.request) r) l
                WHERE lag_rank IS NOT NULL""", Double.class, REQUESTS);
        assertThat(neighbours).as("mean rank distance of requests loaded one after the other, as a share of all").isBetween(0.25, 0.42);
    }

    @Test
    void requestIdIsUniqueStableAndExactInADouble() {
        Map<String, Object> ids = owner.queryForMap("SELECT count(*) AS n, count(DISTINCT request_id) AS distinct_ids, "
                + "min(request_id) AS low, max(request_id) AS high FROM mart.request");
        assertThat(ids).containsEntry("n", (long) REQUESTS).containsEntry("distinct_ids", (long) REQUESTS);
        assertThat((Long) ids.get("low")).isPositive();
        assertThat((Long) ids.get("high")).as("below 2^53: JavaScript BI tools hold it exactly").isLessThan(1L << 53);
        List<String> first = owner.queryForList("SELECT conversations || ':' || request_id FROM mart.request ORDER BY conversations",
                String.class);
        owner.execute("VACUUM ANALYZE dw.fact_request");
        assertThat(owner.queryForList("SELECT conversations || ':' || request_id FROM mart.request ORDER BY conversations", String.class))
                .as("the same ids on every query").isEqualTo(first);
    }

    @Test
    void theMartViewsStillJoinOnRequestId() {
        // Each request's own phenomenon (1 + i % 7), help question (1 + i % 5) and support (every third) come back to it.
        assertThat(owner.queryForObject("""
                SELECT count(*) FROM mart.request r JOIN mart.request_phenomenon p USING (request_id)
                JOIN dw.dim_phenomenon d ON d.phenomenon_code = p.phenomenon_code
                WHERE d.phenomenon_key = 1 + r.conversations % 7""", Long.class)).isEqualTo(REQUESTS);
        assertThat(owner.queryForObject("SELECT count(*) FROM mart.request_phenomenon p JOIN mart.request r USING (request_id)",
                Long.class)).isEqualTo(REQUESTS);
        assertThat(owner.queryForObject("""
                SELECT count(*) FROM mart.request r JOIN mart.request_help_question h USING (request_id)
                JOIN dw.dim_help_question d ON d.help_question_code = h.help_question_code
                WHERE d.help_question_key = 1 + r.conversations % 5""", Long.class)).isEqualTo(REQUESTS);
        assertThat(owner.queryForObject("""
                SELECT count(*) FROM mart.request r JOIN mart.request_support s USING (request_id)
                JOIN dw.dim_support d ON d.support_code = s.support_code
                WHERE r.conversations % 3 = 0 AND d.support_key = 1 + r.conversations % 4""", Long.class)).isEqualTo(REQUESTS / 3);
    }
}
