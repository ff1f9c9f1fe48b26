-- The latest publication of each other period of a definition that nests with the given period
-- (contains it or lies inside it): what a reader may hold beside the new report.
SELECT DISTINCT ON (p.period_start, p.period_end)
       p.publication_id, p.period_label, p.period_start, p.period_end
FROM report.publication p
WHERE p.definition_name = :definition
  AND NOT (p.period_start = :start AND p.period_end = :end)
  AND ((p.period_start >= :start AND p.period_end <= :end) OR (p.period_start <= :start AND p.period_end >= :end))
ORDER BY p.period_start, p.period_end, p.publication_id DESC;
