-- severity: warn. Home municipalities missing from the municipality reference (with the default reference of all Sweden: codes that are no Swedish municipality); they count only in their own municipality scope.
SELECT
  home_municipality,
  count(*) AS registrations
FROM
  stg_registrations
WHERE
  home_municipality IS NOT NULL
  AND home_municipality NOT IN (
    SELECT
      municipality_code
    FROM
      stg_municipalities
  )
GROUP BY ALL
