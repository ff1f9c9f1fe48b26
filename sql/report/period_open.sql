-- Are requests received in the period (not through an excluded channel) still open, i.e. not yet
-- in the report's status? Then the report's figures are provisional ([p]). Only whether, never how
-- many: that count is not protected by the disclosure control.
SELECT EXISTS (
    SELECT 1
    FROM dw.fact_request f
    JOIN dw.dim_date rd ON rd.date_key = f.received_date_key
    JOIN dw.dim_status st ON st.status_key = f.status_key
    JOIN dw.dim_channel ch ON ch.channel_key = f.channel_key
    WHERE rd.full_date BETWEEN :from AND :to
      AND st.status_code <> :status
      AND NOT (ch.channel_code = ANY (string_to_array(:excluded_channels, ',')))
);
