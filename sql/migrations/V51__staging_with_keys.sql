-- Issue 12: staging rows carry the dimensions' surrogate keys, resolved while the file is read
-- (load.DimensionKeys), instead of codes the transform had to join for every row; the arrays of
-- multi-valued codes become arrays of small keys. Staging holds one file at a time and nothing
-- between runs (it is truncated before and after each file), so it is simply made anew.
DROP TABLE staging.request_row;

CREATE UNLOGGED TABLE staging.request_row (
    file_id             bigint    NOT NULL,
    line_number         bigint    NOT NULL,
    request_pseudonym   bytea     NOT NULL,
    last_modified       timestamp NOT NULL,
    status_code         text      NOT NULL,   -- kept in etl.request_version; WITHDRAWN leaves the facts
    status_key          smallint,             -- empty for WITHDRAWN, which has no member
    received_date_key   integer   NOT NULL,
    closed_date_key     integer   NOT NULL,
    channel_key         smallint  NOT NULL,
    requester_key       smallint  NOT NULL,
    follow_up_key       smallint  NOT NULL,
    conversations       integer,
    days_to_close       integer,
    phenomenon_keys     smallint[] NOT NULL,
    help_question_keys  smallint[] NOT NULL,
    support_keys        smallint[] NOT NULL
);
COMMENT ON TABLE staging.request_row IS
    'The valid rows of the file being loaded, pseudonymised and resolved to dimension keys; empty between files.';
