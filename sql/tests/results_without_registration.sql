-- severity: warn. Results that link to no registration (no registration of the person on the course in the result's term); they earn no credits.
SELECT r.result_id, r.course_code, r.term, r.result_date
FROM stg_results r SEMI JOIN (SELECT result_id FROM int_result_links WHERE reg_id IS NULL) l USING (result_id)
