-- Degrees: the dates on which each person (their integer key of stg_persons) took a degree.
SELECT DISTINCT
  p.person_key,
  d.degree_date
FROM
  raw_degrees d
  JOIN stg_persons p USING (person_id)
