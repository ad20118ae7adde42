SELECT municipality_code, year::INTEGER AS year, population_20_64
FROM g_population
ORDER BY municipality_code, year
