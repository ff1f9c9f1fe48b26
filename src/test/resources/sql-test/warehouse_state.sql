-- The warehouse's content independent of surrogate keys and file ids (which a rolled-back
-- transaction may skip): one line per request, ordered by pseudonym.
SELECT encode(v.request_pseudonym, 'hex') || ' ' || concat_ws(' ',
       f.received_date_key, f.closed_date_key, ch.channel_code, rq.requester_type_code, rq.work_domain_code,
       fu.follow_up_code, st.status_code, f.conversations, f.days_to_close, f.last_modified, v.line_number,
       (SELECT string_agg(p.phenomenon_code, '|' ORDER BY p.phenomenon_code) FROM dw.bridge_request_phenomenon b
          JOIN dw.dim_phenomenon p USING (phenomenon_key) WHERE b.request_key = f.request_key),
       (SELECT string_agg(h.help_question_code, '|' ORDER BY h.help_question_code) FROM dw.bridge_request_help_question b
          JOIN dw.dim_help_question h USING (help_question_key) WHERE b.request_key = f.request_key),
       (SELECT string_agg(s.support_code, '|' ORDER BY s.support_code) FROM dw.bridge_request_support b
          JOIN dw.dim_support s USING (support_key) WHERE b.request_key = f.request_key))
FROM dw.fact_request f
JOIN etl.request_version v ON v.request_key = f.request_key
JOIN dw.dim_channel ch USING (channel_key)
JOIN dw.dim_requester rq USING (requester_key)
JOIN dw.dim_follow_up fu USING (follow_up_key)
JOIN dw.dim_status st USING (status_key)
UNION ALL
SELECT 'version ' || encode(request_pseudonym, 'hex') || ' ' || last_modified || ' ' || status_code || ' ' || line_number
FROM etl.request_version
ORDER BY 1
