-- What is released: every version of every definition and period, the current one marked (status).
SELECT r.release_id, r.definition_name, r.period_label, r.period_start, r.period_end, r.version, r.released_at, r.released_by,
       r.members,
       r.version = max(r.version) OVER (PARTITION BY r.definition_name, r.period_start, r.period_end) AS is_current,
       (SELECT string_agg(f.file_name, ' ' ORDER BY f.language) FROM report.release_file f WHERE f.release_id = r.release_id) AS files
FROM report.release r
ORDER BY r.definition_name, r.period_start, r.period_end, r.version;
