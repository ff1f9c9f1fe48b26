-- The latest earlier publication of exactly this period, to show what changed since.
SELECT publication_id, written_at
FROM report.publication
WHERE definition_name = :definition AND period_start = :start AND period_end = :end
ORDER BY publication_id DESC
LIMIT 1;
