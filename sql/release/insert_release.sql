INSERT INTO report.release (definition_name, period_label, period_start, period_end, version, threshold, zeros_sensitive,
                            released_by, data_as_of, data_state, members)
VALUES (:definition, :label, :start, :end, :version, :threshold, :zeros_sensitive, :released_by, :data_as_of, :data_state, :members)
RETURNING release_id;
