-- Most identity numbers in 12 digits, some 19900101-1234 or 900101-1234; birth_year
-- mostly empty (ingest takes it from the number).
SELECT g_pnr_text(p.pnr, CASE WHEN g_u(p.pid, 'form_registrations') < 0.82 THEN 0
                              WHEN g_u(p.pid, 'form_registrations') < 0.90 THEN 1 ELSE 2 END) AS person_id,
       t.term,
       r.course_code,
       r.course_offering,
       r.program_code,
       r.credits,
       r.first_time,
       r.home AS home_municipality,
       r.centre_id,
       r.registration_date,
       r.distance,
       CASE WHEN p.birth_year_given THEN p.birth_year END AS birth_year,
       p.gender_text AS gender,
       p.parental_education,
       p.foreign_background
FROM g_reg AS r
JOIN g_person AS p ON p.pid = r.pid
JOIN g_terms AS t ON t.term_key = r.term_key
ORDER BY r.term_key, r.pid, r.i
