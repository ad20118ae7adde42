-- The activity log with each session's participation term (term_of(session_date)).
SELECT
  activity_id,
  session_date,
  term_from_key (term_key_of_date (session_date)) AS term,
  term_key_of_date (session_date) AS term_key,
  participants,
  hours
FROM
  raw_activity_sessions
