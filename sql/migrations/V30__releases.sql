-- Releases (issue 10): a report is a draft unless it is released. Drafts stay in
-- report.publication (what the outbox holds, constraining nothing). A release is an explicit
-- act, recorded here with when, by whom, the files' hashes and the data state, and never changed
-- afterwards. Every release is part of one joint model of everything released (release package):
-- its members say which requests, in which record, it counted, so the finest partition of
-- requests that all released populations induce (periods, definitions, versions) can be formed.
--
-- Nothing here is readable by a reader role: the released cells reach BI tools through the views
-- of schema released (R__released_views.sql), without true counts and without members.

COMMENT ON TABLE report.publication IS
    'Drafts: every report file written to the outbox that is not a release. Internal working documents; they constrain no later report.';

-- A draft's cells.csv is registered with its workbook: the outbox holds a file only when the
-- register holds it (report/Outbox.java), whatever fails in between.
ALTER TABLE report.publication ADD COLUMN cells_name text, ADD COLUMN cells_sha256 text;
COMMENT ON TABLE report.publication IS
    'Drafts: every report written to the outbox that is not a release. Internal working documents; they constrain no later report.';

CREATE TABLE report.release (
    release_id      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    definition_name text NOT NULL,
    period_label    text NOT NULL,
    period_start    date NOT NULL,
    period_end      date NOT NULL,
    version         integer NOT NULL CHECK (version >= 1),
    threshold       integer NOT NULL,
    zeros_sensitive boolean NOT NULL,
    released_at     timestamptz NOT NULL DEFAULT now(),
    released_by     text NOT NULL,          -- the OS user who ran `release` (or 'schedule' for auto_release)
    data_as_of      timestamp,              -- newest change to a request of the population
    data_state      text NOT NULL,          -- what the warehouse held: files loaded and the newest load
    members         integer NOT NULL,       -- requests counted
    UNIQUE (definition_name, period_start, period_end, version)
);
COMMENT ON TABLE report.release IS
    'Releases: reports published outside the organisation, one row per version of a definition and period. Immutable.';

-- One row per language file of a release.
CREATE TABLE report.release_file (
    release_id   bigint NOT NULL REFERENCES report.release,
    language     text NOT NULL,
    file_name    text NOT NULL,
    file_sha256  text NOT NULL,
    cells_name   text NOT NULL,
    cells_sha256 text NOT NULL,
    PRIMARY KEY (release_id, language)
);

-- The tables of a release as published: what BI tools need to show a cell as the workbook did.
CREATE TABLE report.release_table (
    release_id  bigint NOT NULL REFERENCES report.release,
    table_id    text NOT NULL,
    dimension   text NOT NULL,            -- total, requester_type, first_contact, work_domain, phenomenon, …
    requires    text[] NOT NULL DEFAULT '{}', -- the table's population within the release: record cells a request
                                          -- must have to count in it, e.g. {requester_type.PROFESSIONAL}
    table_order integer NOT NULL,         -- position of the table in the workbook
    title_nl    text NOT NULL,
    title_en    text NOT NULL,
    base_cell   text NOT NULL,            -- table.CATEGORY of the cell its percentages are of
    adds_up     boolean NOT NULL,         -- its rows add up to its base (false: multi-valued, adds up to more)
    PRIMARY KEY (release_id, table_id)
);

-- Every cell of a release as published, with the count behind it (the model needs it; readers
-- never see it). revised: the cell reads differently from the previous version ([r]).
CREATE TABLE report.release_cell (
    release_id        bigint NOT NULL REFERENCES report.release,
    table_id          text NOT NULL,
    category          text NOT NULL,
    status            text NOT NULL CHECK (status IN ('published', 'primary', 'secondary')),
    published_count   bigint,
    published_percent numeric(5, 1),
    base_count        bigint,               -- the table's base as published; NULL when suppressed
    true_count        bigint NOT NULL,
    revised           boolean NOT NULL DEFAULT false,
    row_order         integer NOT NULL,     -- position of the row in its table
    label_nl          text,                 -- the row's labels as the workbooks print them (NULL: the code list's)
    label_en          text,
    combines          text[],               -- a recoded row: the categories it counts together (category is the
                                            -- group's code); NULL: the row counts its own category
    PRIMARY KEY (release_id, table_id, category),
    CHECK ((status = 'published') = (published_count IS NOT NULL))
);

-- The records a release counted. A record is what one request is, in the words of the report
-- dimensions, whatever the definition: {total.TOTAL, requester_type.PROFESSIONAL,
-- work_domain.EDUCATION, first_contact.PHONE, follow_up.ADDITIONAL, phenomenon.LEFT_WING,
-- help_question.INFORMATION, additional_support.FORSA, …} ('dimension.CODE'). A release's cell
-- (table_id, category) counts the members whose record holds '<dimension>.<category>' (or, for a
-- recoded row, any of '<dimension>.<c>' for c in its `combines`) and every cell of its table's
-- `requires`. The same request with the same record in two releases (of any
-- definition) is one record in both, so the requests a revision added, withdrew or moved, and
-- the requests one definition counts and another does not, fall into pieces of their own.
CREATE TABLE report.release_record (
    record_sha bytea PRIMARY KEY,          -- SHA-256 of the sorted cells
    cells      text[] NOT NULL
);

CREATE TABLE report.release_member (
    release_id  bigint NOT NULL REFERENCES report.release,
    request_key bigint NOT NULL,
    record_sha  bytea NOT NULL REFERENCES report.release_record,
    PRIMARY KEY (release_id, request_key)
);
CREATE INDEX release_member_request_idx ON report.release_member (request_key);

-- Immutable: a release, once made, is what readers hold.
CREATE FUNCTION report.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'releases are immutable: % on %.% refused', TG_OP, TG_TABLE_SCHEMA, TG_TABLE_NAME
        USING HINT = 'A correction is a new version: release the period again.';
END
$$;
CREATE TRIGGER release_immutable BEFORE UPDATE OR DELETE ON report.release
    FOR EACH ROW EXECUTE FUNCTION report.refuse_change();
CREATE TRIGGER release_file_immutable BEFORE UPDATE OR DELETE ON report.release_file
    FOR EACH ROW EXECUTE FUNCTION report.refuse_change();
CREATE TRIGGER release_table_immutable BEFORE UPDATE OR DELETE ON report.release_table
    FOR EACH ROW EXECUTE FUNCTION report.refuse_change();
CREATE TRIGGER release_cell_immutable BEFORE UPDATE OR DELETE ON report.release_cell
    FOR EACH ROW EXECUTE FUNCTION report.refuse_change();
CREATE TRIGGER release_member_immutable BEFORE UPDATE OR DELETE ON report.release_member
    FOR EACH ROW EXECUTE FUNCTION report.refuse_change();
CREATE TRIGGER release_record_immutable BEFORE UPDATE OR DELETE ON report.release_record
    FOR EACH ROW EXECUTE FUNCTION report.refuse_change();
CREATE TRIGGER release_truncate_refused BEFORE TRUNCATE ON report.release
    FOR EACH STATEMENT EXECUTE FUNCTION report.refuse_change();
