-- The activity log: sessions per activity term on weekdays spread over the teaching
-- weeks, who of the consenting participants came to which session, and the headcount
-- (the linked ones plus those who did not consent to follow-up).
CREATE OR REPLACE TEMP TABLE g_session AS
WITH terms AS (
    SELECT activity_id, sessions_per_term, hours, consent_share, unnest(range(start_key, last_session_key + 1)) AS term_key
    FROM g_activity
), numbered AS (
    SELECT *, unnest(range(sessions_per_term)) AS session_no FROM terms
)
SELECT n.activity_id, n.term_key, n.session_no, n.hours, n.consent_share,
       -- session k of n falls in the k-th of n equal parts of teaching days 10-129 (a
       -- term is 140 days, so every session lies inside its term)
       g_weekday(t.starts + (10 + (n.session_no * 120) // n.sessions_per_term
                             + g_mod(g_fixed2(n.activity_id, n.term_key * 8 + n.session_no, 'session_day'), 120 // n.sessions_per_term))::INTEGER) AS session_date
FROM numbered AS n JOIN g_terms AS t ON t.term_key = n.term_key;

CREATE OR REPLACE TEMP TABLE g_participation AS
-- recruitment: one session in the term of the slot, 12 % come again the next term
SELECT r.activity_id, r.pid, s.session_date
FROM g_rec_participant AS r
JOIN g_activity AS a ON a.activity_id = r.activity_id
JOIN g_session AS s ON s.activity_id = r.activity_id AND s.term_key = r.a_key
                   AND s.session_no = g_int(r.pid, 'rec_session', a.sessions_per_term)
UNION ALL
SELECT r.activity_id, r.pid, s.session_date
FROM g_rec_participant AS r
JOIN g_session AS s ON s.activity_id = r.activity_id AND s.term_key = r.a_key + 1 AND s.session_no = 0
WHERE g_u(r.pid, 'rec_again') < 0.12
UNION ALL
-- throughput: from a first session on, one to three sessions in a row
SELECT tp.activity_id, tp.pid, s.session_date
FROM g_tp_participant AS tp
JOIN g_activity AS a ON a.activity_id = tp.activity_id
JOIN g_session AS s ON s.activity_id = tp.activity_id AND s.term_key = tp.term_key
WHERE s.session_no BETWEEN g_int2(tp.pid, tp.term_key, 'tp_first', a.sessions_per_term)
                       AND g_int2(tp.pid, tp.term_key, 'tp_first', a.sessions_per_term) + g_int2(tp.pid, tp.term_key, 'tp_more', 3);

CREATE OR REPLACE TEMP TABLE g_session_count AS
SELECT s.activity_id, s.session_date, s.hours,
       count(p.pid) AS linked,
       count(p.pid) + round(count(p.pid) * (1 / s.consent_share - 1))::BIGINT
           + g_mod(g_key2(s.activity_id, s.session_date, 'walk_ins'), 3) AS participants
FROM g_session AS s
LEFT JOIN g_participation AS p ON p.activity_id = s.activity_id AND p.session_date = s.session_date
GROUP BY s.activity_id, s.session_date, s.hours, s.consent_share;
