-- severity: warn. Municipality codes in population, learning centres, needs, activities or recruitment targets that are not in the reference.
SELECT
  'population' AS source,
  municipality_code
FROM
  raw_population
WHERE
  municipality_code NOT IN (
    SELECT
      municipality_code
    FROM
      stg_municipalities
  )
UNION ALL
SELECT
  'learning_centres',
  municipality_code
FROM
  raw_learning_centres
WHERE
  municipality_code NOT IN (
    SELECT
      municipality_code
    FROM
      stg_municipalities
  )
UNION ALL
SELECT
  'needs',
  municipality_code
FROM
  raw_needs
WHERE
  municipality_code IS NOT NULL
  AND municipality_code NOT IN (
    SELECT
      municipality_code
    FROM
      stg_municipalities
  )
UNION ALL
SELECT
  'activities',
  municipality_code
FROM
  raw_activities
WHERE
  municipality_code IS NOT NULL
  AND municipality_code NOT IN (
    SELECT
      municipality_code
    FROM
      stg_municipalities
  )
UNION ALL
SELECT
  'recruitment_targets',
  scope
FROM
  raw_recruitment_targets
WHERE
  length(scope) = 4
  AND scope NOT IN (
    SELECT
      municipality_code
    FROM
      stg_municipalities
  )
