-- Every code the staging rows are resolved with, and its surrogate key (StagingWriter). The
-- requester is keyed by type and work domain together.
SELECT 'status' AS dimension, status_code AS code, status_key AS key FROM dw.dim_status
UNION ALL
SELECT 'channel', channel_code, channel_key FROM dw.dim_channel
UNION ALL
SELECT 'requester', requester_type_code || '/' || work_domain_code, requester_key FROM dw.dim_requester
UNION ALL
SELECT 'follow_up', follow_up_code, follow_up_key FROM dw.dim_follow_up
UNION ALL
SELECT 'phenomenon', phenomenon_code, phenomenon_key FROM dw.dim_phenomenon
UNION ALL
SELECT 'help_question', help_question_code, help_question_key FROM dw.dim_help_question
UNION ALL
SELECT 'support', support_code, support_key FROM dw.dim_support;
