-- Throughput activities pick their participants among the students registered in each
-- of their terms who live in the activity's county (only distance or first-term
-- students when the activity is for those). The students of a county (and kind) are
-- ranked by a hash once per term, and the activities that share them take consecutive
-- ranks: exactly per_term participants a term when the county has that many, and no
-- student in two activities in one term.

-- Each activity term with the first rank its participants take.
CREATE OR REPLACE TEMP TABLE g_tp_active AS
SELECT a.activity_id, a.county, a.eligible, a.per_term, a.p_complete, t.term_key,
       coalesce(sum(a.per_term) OVER (PARTITION BY a.county, a.eligible, t.term_key ORDER BY a.activity_id
                                     ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS first_rank
FROM g_activity AS a
JOIN g_terms AS t ON t.term_key BETWEEN a.start_key AND a.last_session_key
WHERE a.kind = 'throughput';

-- The most participants the activities of one county, kind and term take together.
SET VARIABLE g_tp_top = (SELECT coalesce(max(first_rank + per_term), 1)::BIGINT FROM g_tp_active);

CREATE OR REPLACE TEMP TABLE g_tp_participant AS
WITH pool AS (
    SELECT k.county, k.eligible, pt.term_key, pt.pid
    FROM g_person_terms_all() AS pt
    JOIN (SELECT DISTINCT county, eligible FROM g_tp_active) AS k ON k.county = left(pt.home, 2)
    WHERE k.eligible = 'all' OR (k.eligible = 'distance' AND pt.distance) OR (k.eligible = 'new' AND pt.first_time)
), picked AS (
    -- the first students of the hash order, as many as the activities of the group take:
    -- a top-n per group (min_by with n), not a sort of the whole pool
    SELECT county, eligible, term_key,
           min_by(pid, (g_key2(pid, term_key, 'throughput')::UHUGEINT << 32) | pid::UHUGEINT, getvariable('g_tp_top')) AS pids
    FROM pool
    GROUP BY county, eligible, term_key
), ranked AS (
    SELECT county, eligible, term_key, unnest(pids) AS pid, generate_subscripts(pids, 1) - 1 AS rank
    FROM picked
)
SELECT a.activity_id, r.pid, r.term_key, a.p_complete
FROM ranked AS r
JOIN g_tp_active AS a ON a.county = r.county AND a.eligible = r.eligible AND a.term_key = r.term_key
WHERE r.rank >= a.first_rank AND r.rank < a.first_rank + a.per_term;

-- The participants' terms and chances, on the person: the large files take them from
-- there (06_careers.sql), as a left join would not keep the order of their rows. Text,
-- as '<term key>=<chance>' separated by spaces (an empty chance: like anyone's).
UPDATE g_person AS p SET tp_chances = t.chances
FROM (SELECT pid, string_agg(term_key::VARCHAR || '=' || coalesce(p_complete::VARCHAR, ''), ' ' ORDER BY term_key) AS chances
      FROM g_tp_participant GROUP BY pid) AS t
WHERE p.pid = t.pid;
