-- Every request whose newest version is not Vervallen is in the facts, once, in that version;
-- nothing else is; and no fact or bridge row points at a member that does not exist.
SELECT (SELECT count(*) FROM etl.request_version WHERE status_code <> 'WITHDRAWN') AS current_versions,
       (SELECT count(*) FROM dw.fact_request) AS facts,
       (SELECT count(*) FROM dw.fact_request f
         LEFT JOIN etl.request_version v ON v.request_pseudonym = f.request_pseudonym
         WHERE v.request_pseudonym IS NULL OR v.status_code = 'WITHDRAWN'
            OR v.last_modified <> f.last_modified) AS facts_out_of_step,
       (SELECT count(*) FROM dw.fact_request f
         WHERE NOT EXISTS (SELECT 1 FROM dw.dim_date d WHERE d.date_key = f.received_date_key)
            OR NOT EXISTS (SELECT 1 FROM dw.dim_date d WHERE d.date_key = f.closed_date_key)
            OR NOT EXISTS (SELECT 1 FROM dw.dim_channel d WHERE d.channel_key = f.channel_key)
            OR NOT EXISTS (SELECT 1 FROM dw.dim_requester d WHERE d.requester_key = f.requester_key)
            OR NOT EXISTS (SELECT 1 FROM dw.dim_follow_up d WHERE d.follow_up_key = f.follow_up_key)
            OR NOT EXISTS (SELECT 1 FROM dw.dim_status d WHERE d.status_key = f.status_key))
       + (SELECT count(*) FROM dw.bridge_request_phenomenon b
         WHERE NOT EXISTS (SELECT 1 FROM dw.fact_request f WHERE f.request_key = b.request_key)
            OR NOT EXISTS (SELECT 1 FROM dw.dim_phenomenon d WHERE d.phenomenon_key = b.phenomenon_key))
       + (SELECT count(*) FROM dw.bridge_request_help_question b
         WHERE NOT EXISTS (SELECT 1 FROM dw.fact_request f WHERE f.request_key = b.request_key)
            OR NOT EXISTS (SELECT 1 FROM dw.dim_help_question d WHERE d.help_question_key = b.help_question_key))
       + (SELECT count(*) FROM dw.bridge_request_support b
         WHERE NOT EXISTS (SELECT 1 FROM dw.fact_request f WHERE f.request_key = b.request_key)
            OR NOT EXISTS (SELECT 1 FROM dw.dim_support d WHERE d.support_key = b.support_key)) AS orphans;
