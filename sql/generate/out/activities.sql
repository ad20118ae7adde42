-- TENTA-LJD leaves municipality_code empty: it defaults to its centre's municipality.
SELECT activity_id, name, kind, type, centre_id,
       CASE WHEN activity_id <> 'TENTA-LJD' THEN municipality_code END AS municipality_code,
       term_from_key(start_key) AS start_term,
       term_from_key(end_key) AS end_term,
       need_id,
       cost_sek
FROM g_activity
ORDER BY kind, start_key, activity_id
