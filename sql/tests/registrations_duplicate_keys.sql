-- severity: warn. Registrations loaded more than once for the same person, term, course and offering; one of each is kept.
SELECT
  person_key,
  term,
  course_code,
  course_offering,
  count(*) - 1 AS dropped
FROM
  stg_registration_duplicates
GROUP BY ALL
