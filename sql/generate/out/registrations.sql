-- One row per course a person takes in a term, in g_pt_part()'s order (person, term, course):
-- SELECT with unnest, and on one thread the join with the small course table, keep the
-- order, so no sort is needed. birth_year is mostly empty (ingest takes it from the
-- identity number).
WITH reg AS (
    SELECT *, unnest(range(courses)) AS i FROM g_pt_part()
), course AS (
    SELECT *, g_rid(pid, j, i) AS rid, g_course_of(subject, course_base, j, i) AS course_idx FROM reg
)
SELECT pnr_registrations AS person_id,
       term,
       c.course_code,
       g_offering(course.course_idx, term_key, distance) AS course_offering,
       CASE WHEN in_program THEN g_program_code(subject) END AS program_code,
       c.credits,
       first_time,
       home AS home_municipality,
       CASE WHEN g_u(rid, 'centre_on_registration') < 0.92 THEN centre_id END AS centre_id,
       CASE WHEN g_u(rid, 'registration_date') < 0.88 THEN starts - (10 + g_int(rid, 'registration_days', 36))::INTEGER
            WHEN g_u(rid, 'registration_date') < 0.96 THEN starts + g_int(rid, 'registration_days', 15)::INTEGER
       END AS registration_date,
       distance,
       given_birth_year AS birth_year,
       gender_text AS gender,
       parental_education,
       foreign_background
FROM course
JOIN g_course AS c ON c.course_idx = course.course_idx
