-- After staging, one registration per person, term, course and offering.
SELECT person_key, term, course_code, course_offering, count(*) AS n
FROM stg_registrations GROUP BY ALL HAVING count(*) > 1
