-- Activity logs often hold the 10-digit form.
SELECT x.activity_id, x.session_date,
       g_pnr_text(p.pnr, CASE WHEN g_u(p.pid, 'form_participations') < 0.6 THEN 0 ELSE 2 END) AS person_id
FROM g_participation AS x
JOIN g_person AS p ON p.pid = x.pid
ORDER BY x.activity_id, x.session_date, x.pid
