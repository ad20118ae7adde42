SELECT activity_id, session_date, participants, hours::DECIMAL(3, 1) AS hours
FROM g_session_count
ORDER BY activity_id, session_date
