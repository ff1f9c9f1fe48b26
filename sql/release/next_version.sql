-- The version a new release of a definition and period gets, and the id of the one it revises.
SELECT coalesce(max(version), 0) + 1 AS version,
       (SELECT release_id FROM report.release r2
        WHERE r2.definition_name = :definition AND r2.period_start = :start AND r2.period_end = :end
        ORDER BY version DESC LIMIT 1) AS previous
FROM report.release
WHERE definition_name = :definition AND period_start = :start AND period_end = :end;
