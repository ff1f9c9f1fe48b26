-- The publication register: every report written, and every cell it published. The true
-- count of a suppressed cell is kept (true_count) because the disclosure audit of a later
-- report must know what earlier reports hid; published_count is what readers saw.
-- Nothing here is readable by warehouse_reader except through mart views that show
-- published values only.

CREATE TABLE report.publication (
    publication_id  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    definition_name text NOT NULL,
    period_label    text NOT NULL,
    period_start    date NOT NULL,
    period_end      date NOT NULL,
    language        text NOT NULL,
    threshold       integer NOT NULL,
    file_name       text NOT NULL,
    file_sha256     text NOT NULL,
    audit_passed    boolean NOT NULL,
    cells_suppressed integer NOT NULL,
    count_suppressed bigint NOT NULL,
    data_as_of      timestamp,
    written_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX publication_definition_idx ON report.publication (definition_name, period_start, period_end);

CREATE TABLE report.published_cell (
    publication_id  bigint NOT NULL REFERENCES report.publication ON DELETE CASCADE,
    table_id        text NOT NULL,
    category        text NOT NULL,
    status          text NOT NULL CHECK (status IN ('published', 'primary', 'secondary')),
    published_count bigint,            -- NULL when suppressed
    published_percent numeric(5, 1),   -- NULL when suppressed or not shown
    true_count      bigint NOT NULL,
    PRIMARY KEY (publication_id, table_id, category),
    CHECK ((status = 'published') = (published_count IS NOT NULL))
);
