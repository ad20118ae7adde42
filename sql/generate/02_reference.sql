-- Reference data: municipalities (real codes and names), learning centres, population
-- (the course catalogue is formulas in 01_helpers.sql). None of it depends on the seed.

-- pop_2023: inhabitants aged 20-64 (rounded, plausible rather than official);
-- drift: change per year in per mille; study_weight: how strongly the municipality
-- recruits to Mittuniversitetet (Gävleborg has its own university college, the campus
-- towns more); lc_share: share of its students who study through a learning centre.
CREATE OR REPLACE TEMP TABLE g_muni AS
SELECT * FROM (VALUES
    ('2101', 'Ockelbo',      '21', 'Gästrikland',        true,   2900,  -8, 0.45, 0.35),
    ('2104', 'Hofors',       '21', 'Gästrikland',        true,   4800,  -6, 0.45, 0.35),
    ('2121', 'Ovanåker',     '21', 'Hälsingland',        true,   5800,  -4, 0.45, 0.35),
    ('2132', 'Nordanstig',   '21', 'Hälsingland',        true,   4600,  -7, 0.45, 0.35),
    ('2161', 'Ljusdal',      '21', 'Hälsingland',        true,   9600,  -5, 0.45, 0.35),
    ('2180', 'Gävle',        '21', 'Gästrikland',        true,  58200,   6, 0.30, 0.00),
    ('2181', 'Sandviken',    '21', 'Gästrikland',        true,  21600,   3, 0.35, 0.20),
    ('2182', 'Söderhamn',    '21', 'Hälsingland',        true,  12900,  -5, 0.45, 0.20),
    ('2183', 'Bollnäs',      '21', 'Hälsingland',        true,  13900,  -3, 0.45, 0.20),
    ('2184', 'Hudiksvall',   '21', 'Hälsingland',        true,  19600,  -2, 0.50, 0.20),
    ('2260', 'Ånge',         '22', 'Västernorrland',     true,   4300,  -9, 1.00, 0.35),
    ('2262', 'Timrå',        '22', 'Västernorrland',     true,   9400,   1, 1.00, 0.15),
    ('2280', 'Härnösand',    '22', 'Västernorrland',     true,  12300,  -4, 1.00, 0.20),
    ('2281', 'Sundsvall',    '22', 'Västernorrland',     true,  57100,   3, 1.20, 0.00),
    ('2282', 'Kramfors',     '22', 'Västernorrland',     true,   8700,  -8, 1.00, 0.35),
    ('2283', 'Sollefteå',    '22', 'Västernorrland',     true,   9200,  -9, 1.00, 0.35),
    ('2284', 'Örnsköldsvik', '22', 'Västernorrland',     true,  29800,  -1, 0.90, 0.15),
    ('2303', 'Ragunda',      '23', 'Jämtland',           true,   2400, -10, 1.00, 0.35),
    ('2305', 'Bräcke',       '23', 'Jämtland',           true,   3000,  -9, 1.00, 0.35),
    ('2309', 'Krokom',       '23', 'Jämtland',           true,   8100,   8, 1.00, 0.25),
    ('2313', 'Strömsund',    '23', 'Jämtland',           true,   5400, -10, 1.00, 0.35),
    ('2321', 'Åre',          '23', 'Jämtland',           true,   7300,  15, 1.00, 0.30),
    ('2326', 'Berg',         '23', 'Jämtland',           true,   3300,  -6, 1.00, 0.35),
    ('2361', 'Härjedalen',   '23', 'Härjedalen',         true,   5000,  -7, 1.00, 0.35),
    ('2380', 'Östersund',    '23', 'Jämtland',           true,  36400,   7, 1.20, 0.00),
    ('0180', 'Stockholm',    '01', NULL,                 false, 612000,  8, 0.04, 0.00),
    ('1480', 'Göteborg',     '14', NULL,                 false, 376000,  8, 0.03, 0.00),
    ('0380', 'Uppsala',      '03', NULL,                 false, 146000, 12, 0.06, 0.00)
) AS m(municipality_code, name, county_code, area, in_region, pop_2023, drift, study_weight, lc_share);

CREATE OR REPLACE TEMP TABLE g_centre AS
SELECT * FROM (VALUES
    ('LC-OCKELBO',     'Lärcentrum Ockelbo',                 '2101'),
    ('LC-HOFORS',      'Lärcentrum Hofors',                  '2104'),
    ('LC-OVANAKER',    'Lärcentrum Ovanåker, Edsbyn',        '2121'),
    ('LC-NORDANSTIG',  'Lärcentrum Nordanstig, Bergsjö',     '2132'),
    ('LC-LJUSDAL',     'Lärcentrum Ljusdal',                 '2161'),
    ('LC-SANDVIKEN',   'Lärcentrum Sandviken',               '2181'),
    ('LC-SODERHAMN',   'Lärcentrum Söderhamn',               '2182'),
    ('LC-BOLLNAS',     'Lärcentrum Bollnäs',                 '2183'),
    ('LC-HUDIKSVALL',  'Lärcentrum Hudiksvall',              '2184'),
    ('LC-ANGE',        'Lärcentrum Ånge',                    '2260'),
    ('LC-TIMRA',       'Lärcentrum Timrå',                   '2262'),
    ('LC-HARNOSAND',   'Lärcentrum Härnösand',               '2280'),
    ('LC-KRAMFORS',    'Lärcentrum Kramfors',                '2282'),
    ('LC-SOLLEFTEA',   'Lärcentrum Sollefteå',               '2283'),
    ('LC-OVIK',        'Lärcentrum Örnsköldsvik',            '2284'),
    ('LC-OVIK-BJASTA', 'Lärcentrum Örnsköldsvik, Bjästa',    '2284'),
    ('LC-RAGUNDA',     'Lärcentrum Ragunda, Hammarstrand',   '2303'),
    ('LC-BRACKE',      'Lärcentrum Bräcke',                  '2305'),
    ('LC-KROKOM',      'Lärcentrum Krokom',                  '2309'),
    ('LC-STROMSUND',   'Lärcentrum Strömsund',               '2313'),
    ('LC-ARE',         'Lärcentrum Åre, Järpen',             '2321'),
    ('LC-BERG',        'Lärcentrum Berg, Svenstavik',        '2326'),
    ('LC-SVEG',        'Lärcentrum Härjedalen, Sveg',        '2361'),
    ('LC-FUNASDALEN',  'Lärcentrum Härjedalen, Funäsdalen',  '2361')
) AS c(centre_id, name, municipality_code);

-- Where students live: the municipalities by population x study weight (97 %), four
-- municipalities outside the reference (1 %: kept by ingest and reported), unknown (2 %).
-- lo is the lower end of each code's slice of [0, 1), where a uniform draw picks the code
-- (g_home_bucket, 04_persons.sql).
CREATE OR REPLACE TEMP TABLE g_home_pick AS
WITH weighted AS (
    SELECT municipality_code AS code, pop_2023 * study_weight AS w FROM g_muni
), shares AS (
    SELECT code, 0.97 * w / sum(w) OVER () AS share FROM weighted
    UNION ALL SELECT * FROM (VALUES ('1280', 0.0025), ('0580', 0.0025), ('2480', 0.0025), ('1880', 0.0025), (NULL, 0.02))
)
SELECT code, coalesce(sum(share) OVER (ORDER BY code NULLS LAST ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS lo
FROM shares;

-- Inhabitants aged 20-64 on 31 December of each year from the year before the first
-- term to the year of the last: the 2023 level with its drift and a little noise.
CREATE OR REPLACE TEMP TABLE g_population AS
SELECT m.municipality_code, y AS year,
       (round(m.pop_2023 * (1 + m.drift / 1000.0 * (y - 2023))) + g_mod(g_fixed(m.municipality_code, y), 61) - 30)::BIGINT AS population_20_64
FROM g_muni AS m, range(g_from() // 2 - 1, g_to() // 2 + 1) AS r(y);
