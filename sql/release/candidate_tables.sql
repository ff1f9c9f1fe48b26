-- The new report's members and the requests of the component found so far, for the joint model
-- (report/ReleasedModel.java). Temporary, dropped at the end of the report's transaction.
DROP TABLE IF EXISTS pg_temp.candidate_member;
CREATE TEMPORARY TABLE candidate_member (request_key bigint PRIMARY KEY, record_sha bytea NOT NULL) ON COMMIT DROP;
DROP TABLE IF EXISTS pg_temp.component_key;
CREATE TEMPORARY TABLE component_key (request_key bigint PRIMARY KEY) ON COMMIT DROP;
