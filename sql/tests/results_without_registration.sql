-- severity: warn. Results that link to no registration (no registration of the person on the course in the result's term); they earn no credits.
SELECT r.result_id, r.course_code, r.term, r.result_date
-- the listed course, term and date are those of the result's row as loaded (result_id
-- is its load and line): stg_results is not stored while building
FROM (SELECT (_load_id::BIGINT << 32) | _line AS result_id, course_code, term, result_date FROM raw_results) r
SEMI JOIN (SELECT result_id FROM int_result_links WHERE reg_id IS NULL) l USING (result_id)
