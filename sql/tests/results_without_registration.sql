-- severity: warn. Results that link to no registration (no registration of the person on the course in the result's term); they earn no credits.
SELECT r.result_id, r.course_code, r.term, r.result_date
FROM stg_results r ANTI JOIN int_result_links l USING (result_id)
