-- severity: warn. centre_id values in registrations, activities or needs that are not in learning_centres (checked when learning_centres is loaded).
SELECT
  'registrations' AS source,
  centre_id
FROM
  raw_registrations
WHERE
  centre_id IS NOT NULL
  AND EXISTS (
    SELECT
      1
    FROM
      raw_learning_centres
  )
  AND centre_id NOT IN (
    SELECT
      centre_id
    FROM
      raw_learning_centres
  )
UNION ALL
SELECT
  'activities',
  centre_id
FROM
  raw_activities
WHERE
  centre_id IS NOT NULL
  AND centre_id NOT IN (
    SELECT
      centre_id
    FROM
      raw_learning_centres
  )
UNION ALL
SELECT
  'needs',
  centre_id
FROM
  raw_needs
WHERE
  centre_id IS NOT NULL
  AND centre_id NOT IN (
    SELECT
      centre_id
    FROM
      raw_learning_centres
  )
