-- Management's recruitment goals for the region, a county and some municipalities. Goals
-- on counts and rates are set a little above what the data holds (they depend on the
-- number of persons generated); goals on shares and ratios are fixed.
CREATE OR REPLACE TEMP TABLE g_target AS
WITH new_students AS (
    -- new students a term (last four terms) by home municipality
    SELECT pt.home, count(*) / 4.0 AS per_term
    FROM g_person_terms_all() AS pt
    WHERE pt.first_time AND pt.j = 0 AND pt.term_key > g_to() - 4
    GROUP BY pt.home
), rates AS (
    SELECT m.municipality_code, m.in_region, coalesce(n.per_term, 0) AS per_term, p.population_20_64 AS population
    FROM g_muni AS m
    LEFT JOIN new_students AS n ON n.home = m.municipality_code
    JOIN g_population AS p ON p.municipality_code = m.municipality_code AND p.year = g_to() // 2 - 1
), region AS (
    SELECT sum(per_term) / sum(population) * 10000 AS per_10k FROM rates WHERE in_region
)
SELECT * FROM (
    SELECT 'region' AS scope, 'new_students_per_10k' AS indicator, '>=' AS operator,
           round((SELECT per_10k FROM region) * 1.1, 2)::DOUBLE AS target, 0 AS by_off
    UNION ALL SELECT 'region', 'new_lc_share', '>=', 0.20, 0
    UNION ALL SELECT 'region', 'first_generation_share', '>=', 0.40, 0
    UNION ALL SELECT 'region', 'prestationsgrad', '>=', 0.75, 0
    UNION ALL SELECT 'region', 'new_students_per_10k', '>=', round((SELECT per_10k FROM region) * 1.25, 2)::DOUBLE, 4
    UNION ALL SELECT '23', 'mature_share', '>=', 0.35, 0
    UNION ALL SELECT '2361', 'new_students', '>=', greatest(2, round(per_term * 1.2))::DOUBLE, 0 FROM rates WHERE municipality_code = '2361'
    UNION ALL SELECT '2284', 'new_students_per_10k', '>=', round(per_term / population * 10000 * 1.1, 2)::DOUBLE, 0 FROM rates WHERE municipality_code = '2284'
    UNION ALL SELECT '2282', 'completion_rate', '>=', 0.65, 0
    UNION ALL SELECT '2380', 'women_share', '<=', 0.65, 0
);
