-- Population 20–64 per municipality and year; a municipality-year loaded twice keeps
-- its latest load.
SELECT municipality_code, year::INTEGER AS year, population_20_64
FROM raw_population
QUALIFY row_number() OVER (PARTITION BY municipality_code, year ORDER BY _load_id DESC, _line) = 1
