-- severity: warn. Registrations loaded more than once for the same person, term, course and offering; one of each is kept.
WITH repeated AS (
  -- keys whose 64-bit hash repeats are the only candidates (an aggregate over one integer,
  -- not four strings); among their rows the exact key decides, as in stg_registrations
  SELECT key_hash FROM (SELECT hash(person_id, term, course_code, course_offering) AS key_hash FROM raw_registrations)
  GROUP BY key_hash HAVING count(*) > 1
)
SELECT person_id, term, course_code, course_offering, count(*) - 1 AS dropped
FROM (SELECT *, hash(person_id, term, course_code, course_offering) AS key_hash FROM raw_registrations) SEMI JOIN repeated USING (key_hash)
GROUP BY person_id, term, course_code, course_offering HAVING count(*) > 1
