-- The star schema (dw), lineage (etl) and staging. Schemas are created by Flyway
-- (spring.flyway.schemas). Codes and labels follow shared/domain/export-contract.md.

------------------------------------------------------------------------------------------------
-- Dimensions. Every dimension has its unknown / not-applicable members, so facts never carry
-- NULL keys. Surrogate keys are small and stable: they are seeded here, never generated.
------------------------------------------------------------------------------------------------

CREATE TABLE dw.dim_date (
    date_key        integer PRIMARY KEY,          -- yyyymmdd; 0 = unknown, -1 = not applicable
    full_date       date UNIQUE,
    year            smallint,
    half_year       smallint,
    quarter         smallint,
    month           smallint,
    month_name_nl   text,
    month_name_en   text,
    iso_week        smallint,
    day_of_week     smallint,                     -- ISO: 1 = Monday
    year_half_label text,                         -- e.g. 2024-H1
    year_quarter_label text,                      -- e.g. 2024-Q2
    year_month_label text                         -- e.g. 2024-04
);

INSERT INTO dw.dim_date (date_key, full_date) VALUES (0, NULL), (-1, NULL);

INSERT INTO dw.dim_date
SELECT to_char(d, 'YYYYMMDD')::integer,
       d,
       extract(year FROM d),
       CASE WHEN extract(month FROM d) <= 6 THEN 1 ELSE 2 END,
       extract(quarter FROM d),
       extract(month FROM d),
       (ARRAY['januari','februari','maart','april','mei','juni','juli','augustus','september','oktober','november','december'])[extract(month FROM d)],
       (ARRAY['January','February','March','April','May','June','July','August','September','October','November','December'])[extract(month FROM d)],
       extract(week FROM d),
       extract(isodow FROM d),
       to_char(d, 'YYYY') || '-H' || CASE WHEN extract(month FROM d) <= 6 THEN 1 ELSE 2 END,
       to_char(d, 'YYYY') || '-Q' || extract(quarter FROM d),
       to_char(d, 'YYYY-MM')
FROM generate_series(date '2000-01-01', date '2059-12-31', interval '1 day') AS g(d);

CREATE TABLE dw.dim_channel (
    channel_key   smallint PRIMARY KEY,
    channel_code  text NOT NULL UNIQUE,
    label_nl      text NOT NULL,
    label_en      text NOT NULL,
    report_group  text NOT NULL              -- the infographic's groups: PHONE, EMAIL, CHAT, OTHER
);
INSERT INTO dw.dim_channel VALUES
    (0, 'UNKNOWN',   'Onbekend',    'Unknown',   'OTHER'),
    (1, 'PHONE',     'Telefoon',    'Phone',     'PHONE'),
    (2, 'EMAIL',     'E-mail',      'Email',     'EMAIL'),
    (3, 'CHAT',      'Chat',        'Chat',      'CHAT'),
    (4, 'IN_PERSON', 'Persoonlijk', 'In person', 'OTHER'),
    (5, 'OTHER',     'Anders',      'Other',     'OTHER');

CREATE TABLE dw.dim_requester (
    requester_key         smallint PRIMARY KEY,
    requester_type_code   text NOT NULL,
    requester_type_nl     text NOT NULL,
    requester_type_en     text NOT NULL,
    work_domain_code      text NOT NULL,
    work_domain_nl        text NOT NULL,
    work_domain_en        text NOT NULL,
    UNIQUE (requester_type_code, work_domain_code)
);
INSERT INTO dw.dim_requester VALUES
    (0,  'UNKNOWN',      'Onbekend',     'Unknown',      'UNKNOWN',        'Onbekend',          'Unknown'),
    (1,  'CITIZEN',      'Burger',       'Citizen',      'NOT_APPLICABLE', 'Niet van toepassing', 'Not applicable'),
    (10, 'PROFESSIONAL', 'Professional', 'Professional', 'UNKNOWN',        'Onbekend',          'Unknown'),
    (11, 'PROFESSIONAL', 'Professional', 'Professional', 'SECURITY',       'Veiligheidsdomein', 'Security'),
    (12, 'PROFESSIONAL', 'Professional', 'Professional', 'EDUCATION',      'Onderwijs',         'Education'),
    (13, 'PROFESSIONAL', 'Professional', 'Professional', 'CARE',           'Zorg',              'Care'),
    (14, 'PROFESSIONAL', 'Professional', 'Professional', 'SOCIAL',         'Sociaal domein',    'Social services'),
    (15, 'PROFESSIONAL', 'Professional', 'Professional', 'MUNICIPALITY',   'Gemeente',          'Municipality'),
    (16, 'PROFESSIONAL', 'Professional', 'Professional', 'YOUTH',          'Jeugd',             'Youth services'),
    (17, 'PROFESSIONAL', 'Professional', 'Professional', 'OTHER',          'Overig',            'Other');

CREATE TABLE dw.dim_follow_up (
    follow_up_key  smallint PRIMARY KEY,
    follow_up_code text NOT NULL UNIQUE,
    label_nl       text NOT NULL,
    label_en       text NOT NULL
);
INSERT INTO dw.dim_follow_up VALUES
    (-1, 'NOT_APPLICABLE', 'Niet van toepassing (niet afgesloten)', 'Not applicable (not closed)'),
    (0,  'UNKNOWN',        'Onbekend',                 'Unknown'),
    (1,  'CONSULTATION',   'Consultatie',              'Consultation'),
    (2,  'ADDITIONAL',     'Aanvullende ondersteuning', 'Additional support');

CREATE TABLE dw.dim_status (
    status_key  smallint PRIMARY KEY,
    status_code text NOT NULL UNIQUE,
    label_nl    text NOT NULL,
    label_en    text NOT NULL
);
-- WITHDRAWN (Vervallen) has no member: such requests leave the facts.
INSERT INTO dw.dim_status VALUES
    (1, 'OPEN',        'Open',           'Open'),
    (2, 'IN_PROGRESS', 'In behandeling', 'In progress'),
    (3, 'CLOSED',      'Afgesloten',     'Closed');

CREATE TABLE dw.dim_phenomenon (
    phenomenon_key  smallint PRIMARY KEY,
    phenomenon_code text NOT NULL UNIQUE,
    label_nl        text NOT NULL,
    label_en        text NOT NULL
);
INSERT INTO dw.dim_phenomenon VALUES
    (0, 'UNKNOWN',            'Onbekend',                        'Unknown'),
    (1, 'JIHADISM',           'Jihadisme',                       'Jihadism'),
    (2, 'RIGHT_WING',         'Rechts-extremisme',               'Right-wing extremism'),
    (3, 'LEFT_WING',          'Links-extremisme',                'Left-wing extremism'),
    (4, 'ANTI_INSTITUTIONAL', 'Anti-institutioneel extremisme',  'Anti-institutional extremism'),
    (5, 'CONSPIRACY',         'Complotdenken',                   'Conspiracy thinking'),
    (6, 'MIXED',              'Mixed of onduidelijke ideologie', 'Mixed or unclear ideology'),
    (7, 'OTHER',              'Overig',                          'Other');

CREATE TABLE dw.dim_help_question (
    help_question_key  smallint PRIMARY KEY,
    help_question_code text NOT NULL UNIQUE,
    label_nl           text NOT NULL,
    label_en           text NOT NULL
);
INSERT INTO dw.dim_help_question VALUES
    (0, 'UNKNOWN',         'Onbekend',                                  'Unknown'),
    (1, 'IS_CONCERNING',   'Is de situatie zorgelijk?',                 'Is the situation worrying?'),
    (2, 'STAY_IN_CONTACT', 'Hoe blijf ik in gesprek of contact?',       'How do I stay in touch?'),
    (3, 'HELP_OR_REFER',   'Kunnen jullie mij helpen of doorverwijzen?', 'Can you help or refer me?'),
    (4, 'INFORMATION',     'Informatievraag',                           'Request for information'),
    (5, 'OTHER',           'Overig',                                    'Other');

CREATE TABLE dw.dim_support (
    support_key  smallint PRIMARY KEY,
    support_code text NOT NULL UNIQUE,
    label_nl     text NOT NULL,
    label_en     text NOT NULL
);
INSERT INTO dw.dim_support VALUES
    (1, 'FORSA',         'Individuele begeleiding (Forsa)',                       'Individual guidance (Forsa)'),
    (2, 'FAMILY',        'Familieondersteuning',                                  'Family support'),
    (3, 'LIV',           'Landelijk Interventieteam Vreemdelingenketen (LIV)',    'National intervention team for the immigration chain (LIV)'),
    (4, 'MENTAL_HEALTH', 'GGZ-consultatie',                                       'Mental-health consultation');

------------------------------------------------------------------------------------------------
-- Lineage: every file seen, every row rejected, the latest version of every request.
------------------------------------------------------------------------------------------------

CREATE TABLE etl.pseudonym_key (
    singleton    boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    fingerprint  text NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE etl.source_file (
    file_id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    file_name        text NOT NULL,
    sha256           text NOT NULL,
    size_bytes       bigint NOT NULL,
    status           text NOT NULL CHECK (status IN ('loaded', 'duplicate', 'rejected', 'ignored')),
    reason           text,
    encoding         text,
    ignored_columns  text[],
    rows_read        bigint NOT NULL DEFAULT 0,
    rows_loaded      bigint NOT NULL DEFAULT 0,
    rows_superseded  bigint NOT NULL DEFAULT 0,
    rows_rejected    bigint NOT NULL DEFAULT 0,
    professionals_without_work_domain bigint NOT NULL DEFAULT 0,
    job_execution_id bigint,
    seen_at          timestamptz NOT NULL DEFAULT now(),
    archived_to      text                        -- where the file was moved; NULL until it was
);
-- The same bytes are loaded at most once, whatever the file is called.
CREATE UNIQUE INDEX source_file_loaded_sha256_uq ON etl.source_file (sha256) WHERE status = 'loaded';
CREATE INDEX source_file_job_execution_idx ON etl.source_file (job_execution_id);

CREATE TABLE etl.reject (
    reject_id    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    file_id      bigint NOT NULL REFERENCES etl.source_file ON DELETE CASCADE,
    line_number  bigint NOT NULL,
    column_name  text,
    column_value text,                           -- never personal data nor the request number
    reason       text NOT NULL,
    rejected_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX reject_file_idx ON etl.reject (file_id, line_number);

-- The newest version seen of each request, Vervallen included, so that an older row arriving
-- later can be recognised as superseded even after the request has left the facts.
CREATE TABLE etl.request_version (
    request_pseudonym bytea PRIMARY KEY,
    last_modified     timestamp NOT NULL,
    status_code       text NOT NULL,
    file_id           bigint NOT NULL,
    line_number       bigint NOT NULL
);

------------------------------------------------------------------------------------------------
-- Staging: valid rows of the file being loaded, as codes. Unlogged: a crash loses the file's
-- transaction anyway, and the next run loads the file again from the inbox.
------------------------------------------------------------------------------------------------

CREATE UNLOGGED TABLE staging.request_row (
    file_id             bigint NOT NULL,
    line_number         bigint NOT NULL,
    request_pseudonym   bytea NOT NULL,
    last_modified       timestamp NOT NULL,
    received_date       date NOT NULL,
    closed_date         date,
    status_code         text NOT NULL,
    channel_code        text NOT NULL,
    requester_type_code text NOT NULL,
    work_domain_code    text NOT NULL,
    phenomenon_codes    text[] NOT NULL,
    help_question_codes text[] NOT NULL,
    follow_up_code      text,
    support_codes       text[] NOT NULL,
    conversations       integer
);

------------------------------------------------------------------------------------------------
-- Facts: one row per request in its current state (Vervallen requests are absent).
-- No foreign keys: they cost a trigger call per key per row (measured: they made the load of
-- 200k requests four times slower). The transform resolves every key through the dimensions
-- (falling back to the unknown member) and the run's reconciliation checks for orphans.
------------------------------------------------------------------------------------------------

CREATE TABLE dw.fact_request (
    request_key        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    request_pseudonym  bytea NOT NULL UNIQUE,
    received_date_key  integer NOT NULL,
    closed_date_key    integer NOT NULL,
    channel_key        smallint NOT NULL,
    requester_key      smallint NOT NULL,
    follow_up_key      smallint NOT NULL,
    status_key         smallint NOT NULL,
    conversations      integer,
    days_to_close      integer,
    last_modified      timestamp NOT NULL,
    source_file_id     bigint NOT NULL,
    source_line        bigint NOT NULL,
    request_count      smallint NOT NULL DEFAULT 1   -- additive measure for BI tools
);
CREATE INDEX fact_request_closed_idx ON dw.fact_request (closed_date_key);

CREATE TABLE dw.bridge_request_phenomenon (
    request_key    bigint NOT NULL,
    phenomenon_key smallint NOT NULL,
    PRIMARY KEY (request_key, phenomenon_key)
);

CREATE TABLE dw.bridge_request_help_question (
    request_key       bigint NOT NULL,
    help_question_key smallint NOT NULL,
    PRIMARY KEY (request_key, help_question_key)
);

CREATE TABLE dw.bridge_request_support (
    request_key bigint NOT NULL,
    support_key smallint NOT NULL,
    PRIMARY KEY (request_key, support_key)
);
