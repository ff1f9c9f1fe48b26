INSERT INTO report.publication (definition_name, period_label, period_start, period_end, language, threshold,
                                file_name, file_sha256, cells_name, cells_sha256, audit_passed, cells_suppressed,
                                count_suppressed, data_as_of)
VALUES (:definition, :label, :start, :end, :language, :threshold, :file, :sha256, :cells_name, :cells_sha256, :audit_passed,
        :cells_suppressed, :count_suppressed, :data_as_of)
RETURNING publication_id;
