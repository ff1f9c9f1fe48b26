-- Was this period already written after its grace period had passed (its final version)?
SELECT count(*) > 0
FROM report.publication
WHERE definition_name = :definition
  AND period_start = :start AND period_end = :end
  AND written_at::date > :grace_over;
