-- The default municipality reference (data contract): all 290 municipalities of Sweden,
-- in the region when their county or they themselves are named in the pipeline
-- definition's region (build_settings; by default counties 21, 22 and 23: 25
-- municipalities). A supplied municipalities file replaces it (stg_municipalities).
SELECT
  m.municipality_code,
  m.name,
  m.county_code,
  m.area,
  list_contains(s.region_counties, m.county_code)
  OR list_contains(s.region_municipalities, m.municipality_code) AS in_region
FROM
  ref_sweden_municipalities m
  CROSS JOIN build_settings s
