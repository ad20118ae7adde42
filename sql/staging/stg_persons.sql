-- Every pseudonymous person id of the loaded registrations, results, degrees and
-- participations, with a dense integer key in id order. The other models join and group
-- on the key: four bytes instead of a 32-character string, which at millions of
-- registrations is most of their memory and much of their time.
-- materialized: view (row level, read by other models while building; not stored twice)
SELECT
  person_id,
  row_number() OVER (
    ORDER BY
      person_id
  )::INTEGER AS person_key
FROM
  (
    SELECT
      person_id
    FROM
      raw_registrations
    UNION
    SELECT
      person_id
    FROM
      raw_results
    UNION
    SELECT
      person_id
    FROM
      raw_degrees
    UNION
    SELECT
      person_id
    FROM
      raw_participations
  )
