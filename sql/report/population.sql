-- The report's population: requests received in the period, in the wanted status, through a
-- channel the definition does not exclude; one row per request with its single-valued codes.
-- Several reports may be made in one transaction (the nightly run): start afresh each time.
DROP TABLE IF EXISTS report_population;

CREATE TEMP TABLE report_population (
    request_key         bigint PRIMARY KEY,
    first_contact       text NOT NULL,
    requester_type_code text NOT NULL,
    work_domain_code    text NOT NULL,
    follow_up_code      text NOT NULL
) ON COMMIT DROP;

INSERT INTO report_population
SELECT f.request_key, ch.report_group, rq.requester_type_code, rq.work_domain_code, fu.follow_up_code
FROM dw.fact_request f
JOIN dw.dim_date rd ON rd.date_key = f.received_date_key
JOIN dw.dim_status st ON st.status_key = f.status_key
JOIN dw.dim_channel ch ON ch.channel_key = f.channel_key
JOIN dw.dim_requester rq ON rq.requester_key = f.requester_key
JOIN dw.dim_follow_up fu ON fu.follow_up_key = f.follow_up_key
WHERE rd.full_date BETWEEN :from AND :to
  AND st.status_code = :status
  AND NOT (ch.channel_code = ANY (string_to_array(:excluded_channels, ',')));
