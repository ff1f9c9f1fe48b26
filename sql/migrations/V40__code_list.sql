-- One code list for every category the warehouse shows: its Dutch and English label, a short
-- description in both languages, and its place in a table. The period reports
-- (sql/report/counts.sql) and the mart views (R__mart_views.sql) both read their labels and row
-- order from here, so a workbook and a BI dashboard can never name or order a category
-- differently, and a category with no requests still has a row to show as 0 (BI: LEFT JOIN
-- from mart.code_list).
--
-- The wording was decided once, here: where the case system's own labels and the published
-- workbooks differed, the published wording won (CITIZEN is "Niet-professional (burger)",
-- as in the 2024-H1 infographic's "professioneel versus niet-professioneel"), and the
-- dimension tables' label columns are brought in line below so that dw says the same.
--
-- To change a label: a new versioned migration that updates this table (and the dimension's
-- label columns, as below). MartLabelsTest checks that the mart and the workbook agree.

CREATE TABLE dw.code_list (
    dimension      text     NOT NULL,
    code           text     NOT NULL,
    sort_order     smallint NOT NULL,
    label_nl       text     NOT NULL,
    label_en       text     NOT NULL,
    description_nl text     NOT NULL,
    description_en text     NOT NULL,
    report_row     boolean  NOT NULL,
    PRIMARY KEY (dimension, code),
    UNIQUE (dimension, sort_order)
);

INSERT INTO dw.code_list (dimension, code, sort_order, label_nl, label_en, description_nl, description_en, report_row) VALUES
    ('total', 'TOTAL', 1, 'Totaal', 'Total',
        'Alle verzoeken van de populatie van het rapport.', 'All requests of the report''s population.', true),

    ('requester_type', 'PROFESSIONAL', 1, 'Professional', 'Professional',
        'Een professional die vanuit zijn of haar werk contact zoekt.', 'A professional who gets in touch because of their work.', true),
    ('requester_type', 'CITIZEN', 2, 'Niet-professional (burger)', 'Not professional (citizen)',
        'Iemand die niet vanuit zijn of haar werk contact zoekt: familie, vrienden of de persoon zelf.',
        'Someone who does not get in touch because of their work: family, friends or the person themself.', true),
    ('requester_type', 'UNKNOWN', 99, 'Onbekend', 'Unknown',
        'Type aanvrager niet geregistreerd.', 'Requester type not registered.', true),

    ('work_domain', 'SECURITY', 1, 'Veiligheidsdomein', 'Security',
        'Bijvoorbeeld politie of toezichthouders.', 'For example police or enforcement officers.', true),
    ('work_domain', 'EDUCATION', 2, 'Onderwijs', 'Education',
        'Bijvoorbeeld docenten of schoolmaatschappelijk werkers.', 'For example teachers or school social workers.', true),
    ('work_domain', 'CARE', 3, 'Zorg', 'Care',
        'Bijvoorbeeld huisartsen of psychologen.', 'For example GPs or psychologists.', true),
    ('work_domain', 'SOCIAL', 4, 'Sociaal domein', 'Social services',
        'Bijvoorbeeld wijkteams en maatschappelijk werk.', 'For example neighbourhood teams and social work.', true),
    ('work_domain', 'MUNICIPALITY', 5, 'Gemeente', 'Municipality',
        'Medewerkers van een gemeente.', 'Staff of a municipality.', true),
    ('work_domain', 'YOUTH', 6, 'Jeugd', 'Youth services',
        'Jeugdzorg en jongerenwerk.', 'Youth care and youth work.', true),
    ('work_domain', 'OTHER', 7, 'Overig', 'Other',
        'Een ander werkterrein.', 'Another work domain.', true),
    ('work_domain', 'UNKNOWN', 99, 'Onbekend', 'Unknown',
        'Professional van wie het werkterrein niet is geregistreerd.', 'A professional whose work domain was not registered.', true),
    ('work_domain', 'NOT_APPLICABLE', 100, 'Niet van toepassing', 'Not applicable',
        'Geen professional: een werkterrein hoort er niet bij.', 'Not a professional: there is no work domain.', false),

    ('first_contact', 'PHONE', 1, 'Telefoon', 'Phone',
        'Het eerste contact was telefonisch.', 'The first contact was by phone.', true),
    ('first_contact', 'EMAIL', 2, 'E-mail', 'Email',
        'Het eerste contact was per e-mail.', 'The first contact was by email.', true),
    ('first_contact', 'CHAT', 3, 'Chat', 'Chat',
        'Het eerste contact was via de anonieme chat (sinds april 2024).', 'The first contact was through the anonymous chat (since April 2024).', true),
    ('first_contact', 'OTHER', 4, 'Anders (persoonlijk, overig of onbekend)', 'Other (in person, other or unknown)',
        'Persoonlijk contact, een andere manier, of niet geregistreerd.', 'In person, another way, or not registered.', true),

    ('channel', 'PHONE', 1, 'Telefoon', 'Phone', 'Telefonisch.', 'By phone.', false),
    ('channel', 'EMAIL', 2, 'E-mail', 'Email', 'Per e-mail.', 'By email.', false),
    ('channel', 'CHAT', 3, 'Chat', 'Chat', 'Via de anonieme chat (sinds april 2024).', 'Through the anonymous chat (since April 2024).', false),
    ('channel', 'IN_PERSON', 4, 'Persoonlijk', 'In person', 'Persoonlijk contact met een medewerker.', 'In person, with a member of staff.', false),
    ('channel', 'OTHER', 5, 'Anders', 'Other', 'Een andere manier.', 'Another way.', false),
    ('channel', 'UNKNOWN', 99, 'Onbekend', 'Unknown', 'Niet geregistreerd.', 'Not registered.', false),

    ('phenomenon', 'JIHADISM', 1, 'Jihadisme', 'Jihadism',
        'Jihadistisch extremisme.', 'Jihadist extremism.', true),
    ('phenomenon', 'RIGHT_WING', 2, 'Rechts-extremisme', 'Right-wing extremism',
        'Rechts-extremisme.', 'Right-wing extremism.', true),
    ('phenomenon', 'LEFT_WING', 3, 'Links-extremisme', 'Left-wing extremism',
        'Links-extremisme.', 'Left-wing extremism.', true),
    ('phenomenon', 'ANTI_INSTITUTIONAL', 4, 'Anti-institutioneel extremisme', 'Anti-institutional extremism',
        'Extremisme gericht tegen de overheid en haar instituties.', 'Extremism aimed against the government and its institutions.', true),
    ('phenomenon', 'CONSPIRACY', 5, 'Complotdenken', 'Conspiracy thinking',
        'Complotdenken.', 'Conspiracy thinking.', true),
    ('phenomenon', 'MIXED', 6, 'Mixed of onduidelijke ideologie', 'Mixed or unclear ideology',
        'Een mengeling van ideologieën, of geen duidelijke ideologie.', 'A mix of ideologies, or no clear ideology.', true),
    ('phenomenon', 'OTHER', 7, 'Overig', 'Other',
        'Een andere vorm.', 'Another form.', true),
    ('phenomenon', 'UNKNOWN', 99, 'Onbekend', 'Unknown',
        'Geen verschijningsvorm geregistreerd.', 'No phenomenon registered.', true),

    ('help_question', 'IS_CONCERNING', 1, 'Is de situatie zorgelijk?', 'Is the situation worrying?',
        'De aanvrager wil weten of de situatie zorgelijk is.', 'The requester wants to know whether the situation is worrying.', true),
    ('help_question', 'STAY_IN_CONTACT', 2, 'Hoe blijf ik in gesprek of contact?', 'How do I stay in touch?',
        'De aanvrager wil in gesprek of contact blijven met de persoon.', 'The requester wants to stay in touch with the person.', true),
    ('help_question', 'HELP_OR_REFER', 3, 'Kunnen jullie mij helpen of doorverwijzen?', 'Can you help or refer me?',
        'De aanvrager vraagt om hulp of een doorverwijzing.', 'The requester asks for help or a referral.', true),
    ('help_question', 'INFORMATION', 4, 'Informatievraag', 'Request for information',
        'Een vraag om informatie.', 'A request for information.', true),
    ('help_question', 'OTHER', 5, 'Overig', 'Other',
        'Een andere hulpvraag.', 'Another question.', true),
    ('help_question', 'UNKNOWN', 99, 'Onbekend', 'Unknown',
        'Geen hulpvraag geregistreerd.', 'No question registered.', true),

    ('follow_up', 'CONSULTATION', 1, 'Consultatie', 'Consultation',
        'Advies binnen één tot drie gesprekken.', 'Advice within one to three conversations.', true),
    ('follow_up', 'ADDITIONAL', 2, 'Aanvullende ondersteuning', 'Additional support',
        'Meer ondersteuning dan een consultatie: individuele begeleiding (Forsa), familieondersteuning, LIV of GGZ-consultatie.',
        'More support than a consultation: individual guidance (Forsa), family support, LIV or mental-health consultation.', true),
    ('follow_up', 'UNKNOWN', 99, 'Onbekend', 'Unknown',
        'Opvolging niet geregistreerd.', 'Follow-up not registered.', true),
    ('follow_up', 'NOT_APPLICABLE', 100, 'Niet van toepassing (niet afgesloten)', 'Not applicable (not closed)',
        'Het verzoek is nog niet afgesloten.', 'The request is not closed yet.', false),

    ('additional_support', 'FORSA', 1, 'Individuele begeleiding (Forsa)', 'Individual guidance (Forsa)',
        'Begeleiding van personen met extremistische overtuigingen of betrokkenheid bij extremisme.',
        'Guidance of people with extremist beliefs or involvement in extremism.', true),
    ('additional_support', 'FAMILY', 2, 'Familieondersteuning', 'Family support',
        'Begeleiding en advies aan families met zorgen over radicalisering van een familielid.',
        'Guidance and advice to families worried about the radicalisation of a relative.', true),
    ('additional_support', 'LIV', 3, 'Landelijk Interventieteam Vreemdelingenketen (LIV)',
        'National intervention team for the immigration chain (LIV)',
        'Tegengaan van radicalisering van asielzoekers en statushouders; advies aan professionals.',
        'Countering radicalisation of asylum seekers and refugees; advice to professionals.', true),
    ('additional_support', 'MENTAL_HEALTH', 4, 'GGZ-consultatie', 'Mental-health consultation',
        'Anoniem overleg over een casus met een behandelteam van psychiater en psychologen.',
        'Anonymous consultation about a case with a team of a psychiatrist and psychologists.', true),

    ('status', 'OPEN', 1, 'Open', 'Open', 'Geregistreerd, nog niet in behandeling.', 'Registered, not yet being handled.', false),
    ('status', 'IN_PROGRESS', 2, 'In behandeling', 'In progress', 'In behandeling.', 'Being handled.', false),
    ('status', 'CLOSED', 3, 'Afgesloten', 'Closed', 'Afgesloten; de periodecijfers tellen alleen deze.', 'Closed; the period reports count only these.', false);

-- The dimensions' own label columns say the same as the code list.
UPDATE dw.dim_requester r SET requester_type_nl = c.label_nl, requester_type_en = c.label_en
FROM dw.code_list c WHERE c.dimension = 'requester_type' AND c.code = r.requester_type_code;
UPDATE dw.dim_requester r SET work_domain_nl = c.label_nl, work_domain_en = c.label_en
FROM dw.code_list c WHERE c.dimension = 'work_domain' AND c.code = r.work_domain_code;
UPDATE dw.dim_channel d SET label_nl = c.label_nl, label_en = c.label_en
FROM dw.code_list c WHERE c.dimension = 'channel' AND c.code = d.channel_code;
UPDATE dw.dim_follow_up d SET label_nl = c.label_nl, label_en = c.label_en
FROM dw.code_list c WHERE c.dimension = 'follow_up' AND c.code = d.follow_up_code;
UPDATE dw.dim_status d SET label_nl = c.label_nl, label_en = c.label_en
FROM dw.code_list c WHERE c.dimension = 'status' AND c.code = d.status_code;
UPDATE dw.dim_phenomenon d SET label_nl = c.label_nl, label_en = c.label_en
FROM dw.code_list c WHERE c.dimension = 'phenomenon' AND c.code = d.phenomenon_code;
UPDATE dw.dim_help_question d SET label_nl = c.label_nl, label_en = c.label_en
FROM dw.code_list c WHERE c.dimension = 'help_question' AND c.code = d.help_question_code;
UPDATE dw.dim_support d SET label_nl = c.label_nl, label_en = c.label_en
FROM dw.code_list c WHERE c.dimension = 'additional_support' AND c.code = d.support_code;

COMMENT ON TABLE dw.code_list IS
    'The one code list of the warehouse: label (Dutch, English), description and order of every category of every dimension. '
    'Period reports and the mart views take their labels and row order from here. Dimension first_contact is the medium of '
    'first contact as the reports group it (in person, other and unknown together as OTHER); channel is the medium as registered.';
COMMENT ON COLUMN dw.code_list.dimension IS
    'The dimension: total, requester_type, work_domain, first_contact, channel, phenomenon, help_question, follow_up, additional_support or status.';
COMMENT ON COLUMN dw.code_list.code IS 'The category''s code, as in the export contract (e.g. PROFESSIONAL, PHONE).';
COMMENT ON COLUMN dw.code_list.sort_order IS 'Position of the category in a table of its dimension: the period reports list rows in this order; unknown and not-applicable last.';
COMMENT ON COLUMN dw.code_list.label_nl IS 'Dutch label, as the workbooks and the infographic print it.';
COMMENT ON COLUMN dw.code_list.label_en IS 'English label, as the English workbooks print it.';
COMMENT ON COLUMN dw.code_list.description_nl IS 'What the category means, in Dutch.';
COMMENT ON COLUMN dw.code_list.description_en IS 'What the category means, in English.';
COMMENT ON COLUMN dw.code_list.report_row IS
    'True if the category is a row of the period reports'' tables (a zero shows as 0; UNKNOWN only when it occurs); '
    'false for not-applicable members and for the dimensions channel and status, which the reports do not tabulate.';

COMMENT ON COLUMN dw.dim_requester.requester_type_nl IS 'Requester type, Dutch label (Professional, Niet-professional (burger)); the same as dw.code_list.';
COMMENT ON COLUMN dw.dim_requester.requester_type_en IS 'Requester type, English label (Professional, Not professional (citizen)); the same as dw.code_list.';
COMMENT ON COLUMN dw.dim_channel.label_nl IS 'Dutch label (Telefoon, E-mail, Chat, Persoonlijk, Anders, Onbekend); the same as dw.code_list, dimension channel.';
