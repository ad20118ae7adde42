-- severity: warn. Municipality terms whose population year Y−1 is missing (an earlier year is used, or none exists), when population is loaded at all.
SELECT
  scope,
  scope_id,
  term,
  fallback_years,
  population
FROM
  int_scope_population
WHERE
  scope = 'municipality'
  AND (
    fallback_years > 0
    OR population IS NULL
  )
  AND EXISTS (
    SELECT
      1
    FROM
      stg_population
  )
