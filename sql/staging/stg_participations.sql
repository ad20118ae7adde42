-- Linkable attendance (consenting participants), once per activity, person and date,
-- with the participation term.
SELECT DISTINCT activity_id, person_id, session_date, term_key_of_date(session_date) AS term_key
FROM raw_participations
