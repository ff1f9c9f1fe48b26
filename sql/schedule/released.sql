-- Is this period of this definition released (any version)?
SELECT EXISTS (SELECT 1 FROM report.release
               WHERE definition_name = :definition AND period_start = :start AND period_end = :end);
