-- mart's request_id must not follow the case number or the load order (issue 10, finding 5: it
-- was request_key, given out in load order, rank correlation 0.96 with the case number). The
-- mart views derive it from request_key and this secret: the first 52 bits of
-- SHA-256(salt || request_key), stable for as long as the warehouse (and its salt) lives, in no
-- order, and below 2^53 so that BI tools that hold numbers as doubles (JavaScript) show and
-- join it exactly. 52 bits: two of 10,000 requests share an id with probability 1e-8.
--
-- The salt is random, made here once per warehouse, and readable by the warehouse's own role
-- only (schema etl: no reader tier holds any right on it). The mart views run with their owner's
-- rights, so they read it for the analyst; the analyst sees the views' text (pg_views), which
-- names this table but not the salt. Replacing the salt renumbers every request_id.
--
-- The cost: request_id is computed per row, so a BI join of a bridge view to mart.request on
-- request_id is a hash join over computed values instead of a join on indexed keys. Measured on
-- 300,000 synthetic requests (sql/bench: mart_synthetic_facts.sql, mart_bi_queries.sql; median
-- of 5 EXPLAIN ANALYZE runs, 2 shared cores), ms with request_key → with this id:
--   infographic_phenomena_half_year      163 → 644     one_phenomenon_by_quarter_all_years  204 → 682
--   infographic_support_half_year         58 → 253     one_help_question_by_channel_one_year 53 → 230
-- queries without the join unchanged (within noise). At the helpline's volume (hundreds of
-- requests a year) such a join takes milliseconds. Should BI on millions of requests ever need
-- the old speed: store the id (a column of the facts and bridges, filled by the load, indexed).
CREATE TABLE etl.request_id_salt (
    only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    salt     bytea NOT NULL CHECK (octet_length(salt) >= 32)
);
-- gen_random_uuid() draws from the server's strong random source: 2 × 122 random bits.
INSERT INTO etl.request_id_salt (salt) VALUES (uuid_send(gen_random_uuid()) || uuid_send(gen_random_uuid()));
REVOKE ALL ON etl.request_id_salt FROM PUBLIC;

COMMENT ON TABLE etl.request_id_salt IS
    'The secret from which the mart views derive request_id (the first 52 bits of SHA-256(salt || request_key)): '
    'one random row per warehouse, readable by the warehouse''s own role only. Replacing it renumbers every mart request_id.';
COMMENT ON COLUMN etl.request_id_salt.only_row IS 'Always true: the table holds one row.';
COMMENT ON COLUMN etl.request_id_salt.salt IS '32 random bytes, made when the warehouse was created.';
