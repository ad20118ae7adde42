-- severity: warn. Persons marked first_time in more than one term; they count as new only in the earliest.
SELECT
  person_key,
  count(DISTINCT term) AS terms
FROM
  stg_registrations
WHERE
  first_time
GROUP BY
  person_key
HAVING
  count(DISTINCT term) > 1
