-- After staging, one registration per person, term, course and offering.
WITH repeated AS (
  -- keys whose 64-bit hash repeats are the only candidates; among their rows the exact key decides
  SELECT key_hash FROM (SELECT hash(person_key, term, course_code, course_offering) AS key_hash FROM stg_registrations)
  GROUP BY key_hash HAVING count(*) > 1
)
SELECT person_key, term, course_code, course_offering, count(*) AS n
FROM (SELECT *, hash(person_key, term, course_code, course_offering) AS key_hash FROM stg_registrations) SEMI JOIN repeated USING (key_hash)
GROUP BY person_key, term, course_code, course_offering HAVING count(*) > 1
