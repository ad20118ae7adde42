-- Per term, the persons registered and how many of them have each background attribute
-- unknown after the attribute rule (int_person_terms). The report's data-quality
-- section reads this small table instead of the row-level model.
SELECT
  term,
  term_key,
  attribute,
  unknown::INTEGER AS unknown,
  total::INTEGER AS total
FROM
  (
    SELECT
      term,
      term_key,
      count(*) AS total,
      count(*) FILTER(
        WHERE
          home IS NULL
      ) AS home_municipality,
      count(*) FILTER(
        WHERE
          gender IS NULL
      ) AS gender,
      count(*) FILTER(
        WHERE
          birth_year IS NULL
      ) AS birth_year,
      count(*) FILTER(
        WHERE
          parental_education IS NULL
      ) AS parental_education,
      count(*) FILTER(
        WHERE
          foreign_background IS NULL
      ) AS foreign_background
    FROM
      int_person_terms
    GROUP BY
      term,
      term_key
  )
UNPIVOT (
  unknown FOR attribute IN (home_municipality, gender, birth_year, parental_education, foreign_background)
)
