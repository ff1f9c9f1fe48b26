-- The members of a report's population, one row per request, with what it counts in: the same
-- population as report/counts.sql (received in the period, in the wanted status, not through an
-- excluded channel). A release keeps these (report.release_member) so that the requests every
-- released population holds, and the record each was counted with, define the pieces of the
-- joint model (report/ReleasedModel.java). The release checks that its members add up to the
-- counts of counts.sql, cell by cell.
WITH population AS MATERIALIZED (
    SELECT f.request_key, f.channel_key, f.requester_key, f.follow_up_key
    FROM dw.fact_request f
    WHERE f.received_date_key BETWEEN :from_key AND :to_key
      AND f.status_key IN (SELECT status_key FROM dw.dim_status WHERE status_code = :status)
      AND f.channel_key NOT IN (SELECT channel_key FROM dw.dim_channel
                                WHERE channel_code = ANY (string_to_array(:excluded_channels, ',')))
)
SELECT p.request_key,
       rq.requester_type_code,
       rq.work_domain_code,
       ch.report_group AS first_contact,
       fu.follow_up_code,
       ARRAY(SELECT d.phenomenon_code FROM dw.bridge_request_phenomenon b
             JOIN dw.dim_phenomenon d ON d.phenomenon_key = b.phenomenon_key
             WHERE b.request_key = p.request_key) AS phenomena,
       ARRAY(SELECT d.help_question_code FROM dw.bridge_request_help_question b
             JOIN dw.dim_help_question d ON d.help_question_key = b.help_question_key
             WHERE b.request_key = p.request_key) AS help_questions,
       ARRAY(SELECT d.support_code FROM dw.bridge_request_support b
             JOIN dw.dim_support d ON d.support_key = b.support_key
             WHERE b.request_key = p.request_key) AS supports
FROM population p
JOIN dw.dim_channel ch ON ch.channel_key = p.channel_key
JOIN dw.dim_requester rq ON rq.requester_key = p.requester_key
JOIN dw.dim_follow_up fu ON fu.follow_up_key = p.follow_up_key
ORDER BY p.request_key;
