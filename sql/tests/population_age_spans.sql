-- Municipality-years whose population rows do not cover ages 20–64 exactly once: two files hold the same ages (remove one: larsam ingest --replace, or load only one of them) or some ages are missing (load the file with the missing ages, or export 20–64 in one table). Their population is not used.
WITH
  spans AS (
    SELECT
      p.municipality_code,
      p.year::INTEGER AS year,
      coalesce(p.age_from, 20) AS age_from,
      coalesce(p.age_to, 64) AS age_to,
      l.file_name,
      p._line
    FROM
      raw_population AS p
      JOIN loads AS l ON l.load_id = p._load_id
  ),
  ordered AS (
    SELECT
      *,
      lag (age_to) OVER (
        PARTITION BY
          municipality_code,
          year
        ORDER BY
          age_from,
          age_to
      ) AS previous_to
    FROM
      spans
  )
SELECT
  municipality_code,
  year,
  CASE
    WHEN bool_or(age_from <= previous_to) THEN 'overlapping ages'
    ELSE 'ages missing'
  END AS problem,
  string_agg(
    file_name || ' line ' || _line || ': ' || age_from || '–' || age_to,
    '; '
    ORDER BY
      age_from,
      age_to,
      file_name
  ) AS rows
FROM
  ordered
GROUP BY
  municipality_code,
  year
HAVING
  NOT (
    min(age_from) = 20
    AND max(age_to) = 64
    AND sum(age_to - age_from + 1) = 45
    AND bool_and(
      previous_to IS NULL
      OR age_from > previous_to
    )
  )
