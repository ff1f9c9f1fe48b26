-- Issue 12: a load writes no more than its readers need, and a run checks only what it touched.
-- Figures (LoadBenchmark, 1,000,000 requests, embedded PostgreSQL 17, 2 shared cores) are in
-- the README's performance section; what changed and why:
--
--  1. The request's surrogate key is assigned once, in etl.request_version, and kept there for
--     as long as the warehouse knows the request (also while it is withdrawn, so a request that
--     comes back keeps its request_id). The version table already held the pseudonym (its
--     primary key), the newest version and its lineage (file and line).
--  2. dw.fact_request therefore no longer carries the pseudonym, nor the source file and line:
--     that was a second unique index on 32 random bytes per request (55 MB at 1 M requests, the
--     most expensive index to maintain: every insert lands on a random page) and 49 bytes of
--     each fact row, all of it already in etl.request_version. Nobody reads them from the facts:
--     mart exposes none of them, reports and BI read keys and dates. The facts keep
--     last_modified, the version they hold, so the checks can prove they are in step.
--  3. fact_request_closed_idx goes: no report query, mart view or BI query in
--     sql/bench/mart_bi_queries.sql uses it (reports and the mart's period queries start from
--     the received date, fact_request_received_bi_idx). A BI question "closed in year X" reads
--     the facts whole, which at 80 bytes a row is ~80 MB per million requests.
--  4. etl.run_touched: the requests each file's transaction touched (its winners), so that the
--     run's reconciliation reads those and nothing else. Unlogged: it is written once per winner
--     on every load and read once. A crash of PostgreSQL empties it; etl.run_touched_file (logged,
--     one row per file) says how many rows it should hold, so a run that finds fewer checks the
--     whole warehouse instead (RunReconciliationTasklet).
--
-- Kept: the facts' primary key (joins from bridges and mart views, the transform's updates),
-- fact_request_received_bi_idx (every period query), both indexes of each bridge (joins from the
-- facts; BI questions by member, V11), etl.request_version's primary key (the natural key).

------------------------------------------------------------------------------------------------
-- A warehouse whose facts and versions disagree cannot be migrated safely: the pseudonym of a
-- fact without a version would be lost with the column. The run's reconciliation prevented this;
-- refuse rather than guess.
------------------------------------------------------------------------------------------------
DO $$
DECLARE
    strays bigint;
BEGIN
    SELECT count(*) INTO strays
    FROM dw.fact_request f
    WHERE NOT EXISTS (SELECT 1 FROM etl.request_version v WHERE v.request_pseudonym = f.request_pseudonym);
    IF strays > 0 THEN
        RAISE EXCEPTION '% facts have no row in etl.request_version; the warehouse is not in order and cannot be migrated', strays
            USING HINT = 'Restore the warehouse from a backup taken after a successful run, or reload it from the exports.';
    END IF;
END
$$;

------------------------------------------------------------------------------------------------
-- 1. The request key, assigned by the version table
------------------------------------------------------------------------------------------------
CREATE SEQUENCE etl.request_key_seq AS bigint;
COMMENT ON SEQUENCE etl.request_key_seq IS 'Surrogate keys of requests (etl.request_version.request_key, dw.fact_request.request_key).';

-- Continue after every key the facts' identity column ever handed out (rolled-back ones included).
SELECT setval('etl.request_key_seq', greatest(k, 1), k >= 1)
FROM (SELECT greatest(coalesce((SELECT max(request_key) FROM dw.fact_request), 0),
                      coalesce(pg_sequence_last_value(pg_get_serial_sequence('dw.fact_request', 'request_key')::regclass), 0)) AS k) s;

-- Rebuilt rather than altered: adding a column and filling it would rewrite every row anyway
-- and leave the old ones behind as dead tuples.
CREATE TABLE etl.request_version_v50 (
    request_pseudonym bytea     NOT NULL,
    request_key       bigint    NOT NULL,
    last_modified     timestamp NOT NULL,
    status_code       text      NOT NULL,
    file_id           bigint    NOT NULL,
    line_number       bigint    NOT NULL
);
INSERT INTO etl.request_version_v50
SELECT v.request_pseudonym, coalesce(f.request_key, nextval('etl.request_key_seq')),
       v.last_modified, v.status_code, v.file_id, v.line_number
FROM etl.request_version v
LEFT JOIN dw.fact_request f ON f.request_pseudonym = v.request_pseudonym
ORDER BY v.request_pseudonym;
DROP TABLE etl.request_version;
ALTER TABLE etl.request_version_v50 RENAME TO request_version;
ALTER TABLE etl.request_version ADD CONSTRAINT request_version_pkey PRIMARY KEY (request_pseudonym);

COMMENT ON TABLE etl.request_version IS
    'Every request the warehouse has seen, Vervallen included: its pseudonym, its surrogate key and its newest version, '
    'so that an older row arriving later is recognised as superseded even after the request has left the facts.';
COMMENT ON COLUMN etl.request_version.request_pseudonym IS 'HMAC-SHA256 of the request number under the pseudonym key: the natural key.';
COMMENT ON COLUMN etl.request_version.request_key IS 'The request''s surrogate key (dw.fact_request.request_key, mart request_id), from etl.request_key_seq; kept while the request is withdrawn.';
COMMENT ON COLUMN etl.request_version.last_modified IS 'The newest version seen (Laatst gewijzigd).';
COMMENT ON COLUMN etl.request_version.status_code IS 'Status of that version; WITHDRAWN (Vervallen) means the request is not in the facts.';
COMMENT ON COLUMN etl.request_version.file_id IS 'Lineage: the file (etl.source_file) the newest version came from.';
COMMENT ON COLUMN etl.request_version.line_number IS 'Lineage: line (CSV) or row (XLSX) of the newest version in that file.';

------------------------------------------------------------------------------------------------
-- 2. and 3. Slimmer facts
------------------------------------------------------------------------------------------------
ALTER TABLE dw.fact_request ALTER COLUMN request_key DROP IDENTITY;
ALTER TABLE dw.fact_request
    DROP COLUMN request_pseudonym,
    DROP COLUMN source_file_id,
    DROP COLUMN source_line;
DROP INDEX dw.fact_request_closed_idx;

COMMENT ON COLUMN dw.fact_request.request_key IS
    'Surrogate key of the request, assigned when the warehouse first saw it (etl.request_version holds it with the pseudonym). Exposed in mart as request_id.';
COMMENT ON COLUMN dw.fact_request.last_modified IS
    'Version of the source row (Laatst gewijzigd) this fact holds: the newest version wins. Its lineage (file and line) is in etl.request_version. Never exposed in mart.';

------------------------------------------------------------------------------------------------
-- 4. What the run must check
------------------------------------------------------------------------------------------------
CREATE UNLOGGED TABLE etl.run_touched (
    file_id           bigint NOT NULL,
    request_pseudonym bytea  NOT NULL
);
COMMENT ON TABLE etl.run_touched IS
    'Requests whose state a loaded file changed (its winners), not yet proven in order by a run''s reconciliation. '
    'Emptied when the reconciliation (or verify) passes. Unlogged: a crash of PostgreSQL empties it, which etl.run_touched_file reveals.';

CREATE TABLE etl.run_touched_file (
    file_id  bigint PRIMARY KEY,
    requests bigint NOT NULL
);
COMMENT ON TABLE etl.run_touched_file IS
    'Files whose touched requests (etl.run_touched) still wait for a run''s reconciliation, and how many each touched.';
