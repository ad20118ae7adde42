-- severity: warn. Home municipalities missing from the municipality reference; they count only in their own municipality scope.
SELECT home_municipality, count(*) AS registrations
FROM stg_registrations
WHERE home_municipality IS NOT NULL AND home_municipality NOT IN (SELECT municipality_code FROM stg_municipalities)
GROUP BY ALL
