-- Population 20–64 per municipality and year. Each row counts an age span (a contract
-- file's rows all of 20–64; an SCB export perhaps 20–44 in one file and 45–64 in
-- another): the rows of a municipality and year add up when their spans cover 20–64
-- exactly once. A municipality-year whose spans overlap (the same ages from two files)
-- or leave ages out is not used, and the data test population_age_spans stops the build.
WITH
  spans AS (
    SELECT
      municipality_code,
      year::INTEGER AS year,
      population_20_64,
      coalesce(age_from, 20) AS age_from,
      coalesce(age_to, 64) AS age_to
    FROM
      raw_population
  ),
  ordered AS (
    SELECT
      *,
      lag (age_to) OVER (
        PARTITION BY
          municipality_code,
          year
        ORDER BY
          age_from,
          age_to
      ) AS previous_to
    FROM
      spans
  )
SELECT
  municipality_code,
  year,
  sum(population_20_64) AS population_20_64
FROM
  ordered
GROUP BY
  municipality_code,
  year
HAVING
  min(age_from) = 20
  AND max(age_to) = 64
  AND sum(age_to - age_from + 1) = 45
  AND bool_and(
    previous_to IS NULL
    OR age_from > previous_to
  )
