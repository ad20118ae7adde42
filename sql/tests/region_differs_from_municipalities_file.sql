-- The region named in the pipeline definition (or by build's --region-counties / --region-municipalities) differs from the in_region column of the loaded municipalities file, which replaces the default reference and so decides the region: make the file's in_region say the same, or leave region out of the definition.
WITH
  named AS (
    SELECT
      region_counties AS counties,
      region_municipalities AS municipalities
    FROM
      build_settings
    WHERE
      region_named
      AND EXISTS (
        SELECT
          1
        FROM
          raw_municipalities
      )
  ),
  file_rows AS (
    SELECT
      m.municipality_code,
      m.name,
      m.in_region AS in_region_in_file,
      list_contains(n.counties, m.county_code)
      OR list_contains(n.municipalities, m.municipality_code) AS in_named_region
    FROM
      stg_municipalities m
      CROSS JOIN named n
  )
SELECT
  municipality_code,
  name,
  in_region_in_file,
  in_named_region
FROM
  file_rows
WHERE
  in_region_in_file <> in_named_region
UNION ALL
-- a named municipality, or a named county, that the file does not hold at all
SELECT
  code,
  NULL,
  NULL,
  true
FROM
  named,
  unnest(named.municipalities) AS t (code)
WHERE
  code NOT IN (
    SELECT
      municipality_code
    FROM
      stg_municipalities
  )
UNION ALL
SELECT
  code,
  NULL,
  NULL,
  true
FROM
  named,
  unnest(named.counties) AS t (code)
WHERE
  code NOT IN (
    SELECT
      county_code
    FROM
      stg_municipalities
  )
