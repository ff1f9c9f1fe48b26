SELECT release_id, definition_name, period_label, period_start, period_end, version, threshold, zeros_sensitive
FROM report.release
WHERE release_id = ANY (?)
ORDER BY release_id
