SELECT municipality_code, name, county_code, area, in_region
FROM g_muni
ORDER BY municipality_code
