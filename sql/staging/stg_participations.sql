-- Linkable attendance (consenting participants), once per activity, person (their
-- integer key of stg_persons) and date, with the participation term.
SELECT DISTINCT
  a.activity_id,
  p.person_key,
  a.session_date,
  term_key_of_date (a.session_date) AS term_key
FROM
  raw_participations a
  JOIN stg_persons p USING (person_id)
