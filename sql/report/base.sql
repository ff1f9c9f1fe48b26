-- How many requests of the (restricted) population a table counts over: the base of its
-- percentages and the test of whether a multi-valued table adds up.
SELECT count(*)
FROM report_population
WHERE (:where_requester_type = '' OR requester_type_code = :where_requester_type)
  AND (:where_follow_up = '' OR follow_up_code = :where_follow_up);
