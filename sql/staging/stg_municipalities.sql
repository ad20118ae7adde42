-- The municipality reference in use: a supplied municipalities file replaces the
-- default as a whole; county_code defaults to the code's first two digits, in_region
-- to true. A code loaded twice keeps its latest load.
SELECT
  municipality_code,
  name,
  coalesce(county_code, left(municipality_code, 2)) AS county_code,
  area,
  coalesce(in_region, true) AS in_region
FROM
  raw_municipalities
QUALIFY
  row_number() OVER (
    PARTITION BY
      municipality_code
    ORDER BY
      _load_id DESC,
      _line
  ) = 1
UNION ALL
SELECT
  municipality_code,
  name,
  county_code,
  area,
  in_region
FROM
  ref_default_municipalities
WHERE
  NOT EXISTS (
    SELECT
      1
    FROM
      raw_municipalities
  )
