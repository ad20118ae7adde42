-- A small, independent reading of indicators.md and decisions.md over the raw tables of
-- an ingested data set: every activity goal's value, 95 % interval, n and status at the
-- review term R (the latest term with registrations), and each activity's
-- recommendation. The generator test uses it to show that the planted effects come out
-- as data-samples/README.md says; it is not the pipeline's model.
WITH reg AS (
    SELECT DISTINCT ON (person_id, term, course_code, course_offering)
           person_id, term, term_key(term) AS tk, course_code, course_offering, credits::DOUBLE AS hp
    FROM raw_registrations
), review AS (
    SELECT max(tk) AS r FROM reg
), covered AS (
    SELECT DISTINCT tk FROM reg
), res AS (
    SELECT DISTINCT person_id, course_code, course_offering, module_code, result_date, credits::DOUBLE AS credits,
           coalesce(upper(grade) NOT IN ('F', 'FX', 'U'), true) AS pass, term
    FROM raw_results
), linked AS (
    -- a result belongs to the registration of its term, else to the latest registration on
    -- the course (and offering) that starts on or before the result date
    SELECT x.*, g.tk
    FROM res AS x
    JOIN reg AS g ON g.person_id = x.person_id AND g.course_code = x.course_code
                 AND (x.course_offering = '' OR g.course_offering = x.course_offering)
                 AND (CASE WHEN x.term IS NOT NULL THEN g.term = x.term ELSE term_start(g.term) <= x.result_date END)
    QUALIFY x.term IS NOT NULL
         OR row_number() OVER (PARTITION BY x.person_id, x.course_code, x.course_offering, x.module_code, x.result_date, x.credits, x.pass
                               ORDER BY g.tk DESC) = 1
), earned AS (
    SELECT g.person_id, g.tk, g.course_code, g.hp,
           least(g.hp, coalesce(CASE WHEN bool_or(l.module_code IS NOT NULL)
                    THEN sum(l.credits) FILTER (WHERE l.module_code IS NOT NULL AND l.pass AND l.result_date <= term_end(g.term) + 30)
                    ELSE sum(l.credits) FILTER (WHERE l.module_code IS NULL AND l.pass AND l.result_date <= term_end(g.term) + 30) END, 0)) AS earned
    FROM reg AS g
    LEFT JOIN linked AS l ON l.person_id = g.person_id AND l.course_code = g.course_code AND l.tk = g.tk
    GROUP BY g.person_id, g.tk, g.term, g.course_code, g.hp
), person_terms AS (
    SELECT person_id, min(tk) AS first_tk, list(DISTINCT tk) AS tks FROM reg GROUP BY person_id
),

-- recruitment ------------------------------------------------------------------------
rec AS (
    SELECT p.activity_id, p.person_id, term_key(term_of(min(p.session_date))) AS a
    FROM raw_participations AS p JOIN raw_activities AS act USING (activity_id)
    WHERE act.kind = 'recruitment'
    GROUP BY p.activity_id, p.person_id
), rec_flags AS (
    SELECT r.*, pt.first_tk IS NULL OR pt.first_tk > r.a AS prospect,
           coalesce(list_contains(pt.tks, r.a + 1), false) AS reg1,
           coalesce(list_contains(pt.tks, r.a + 2), false) AS reg2,
           r.a + 1 IN (SELECT tk FROM covered) AS cov1,
           r.a + 2 IN (SELECT tk FROM covered) AS cov2
    FROM rec AS r LEFT JOIN person_terms AS pt USING (person_id)
    WHERE r.a <= (SELECT r FROM review)
), rec_values AS (
    SELECT activity_id, 'linked' AS indicator, count(DISTINCT person_id)::DOUBLE AS value, NULL::DOUBLE AS lo, NULL::DOUBLE AS hi, count(DISTINCT person_id) AS n
    FROM rec_flags GROUP BY activity_id
    UNION ALL
    SELECT activity_id, 'prospects', count(*) FILTER (WHERE prospect), NULL, NULL, count(*) FILTER (WHERE prospect)
    FROM rec_flags GROUP BY activity_id
    UNION ALL
    SELECT activity_id, 'conversion_1t', k / n, wilson_low(k, n, 1.959964), wilson_high(k, n, 1.959964), n
    FROM (SELECT activity_id, count(*) FILTER (WHERE prospect AND cov1 AND reg1)::DOUBLE AS k,
                 count(*) FILTER (WHERE prospect AND cov1)::DOUBLE AS n
          FROM rec_flags GROUP BY activity_id)
    UNION ALL
    SELECT activity_id, 'conversion_2t', k / n, wilson_low(k, n, 1.959964), wilson_high(k, n, 1.959964), n
    FROM (SELECT activity_id, count(*) FILTER (WHERE prospect AND cov2 AND (reg1 OR reg2))::DOUBLE AS k,
                 count(*) FILTER (WHERE prospect AND cov2)::DOUBLE AS n
          FROM rec_flags GROUP BY activity_id)
    UNION ALL
    SELECT activity_id, 'reach', sum(participants)::DOUBLE, NULL, NULL, sum(participants)
    FROM raw_activity_sessions
    WHERE term_key(term_of(session_date)) <= (SELECT r FROM review)
    GROUP BY activity_id
),

-- throughput -------------------------------------------------------------------------
tp AS (
    SELECT DISTINCT p.activity_id, p.person_id, term_key(term_of(p.session_date)) AS a
    FROM raw_participations AS p JOIN raw_activities AS act USING (activity_id)
    WHERE act.kind = 'throughput'
), part_reg AS (
    SELECT t.activity_id, t.a, e.*, (e.earned >= e.hp)::INTEGER AS completed
    FROM tp AS t JOIN earned AS e ON e.person_id = t.person_id AND e.tk = t.a
    WHERE t.a <= (SELECT r FROM review)
), non_part AS (
    SELECT s.activity_id, s.a, e.course_code, e.earned, e.hp, (e.earned >= e.hp)::INTEGER AS completed
    FROM (SELECT DISTINCT activity_id, a FROM tp) AS s
    JOIN earned AS e ON e.tk = s.a
    ANTI JOIN tp AS t ON t.activity_id = s.activity_id AND t.a = s.a AND t.person_id = e.person_id
), pool_course AS (
    SELECT activity_id, a, course_code, count(*) AS n, avg(completed) AS rate, sum(earned) / sum(hp) AS pg
    FROM non_part GROUP BY ALL
), pool_term AS (
    SELECT activity_id, a, avg(completed) AS rate, sum(earned) / sum(hp) AS pg
    FROM non_part GROUP BY ALL
), part_pool AS (
    SELECT p.*,
           CASE WHEN pc.n >= 5 THEN pc.rate ELSE pt.rate END AS pool_rate,
           p.hp * CASE WHEN pc.n >= 5 THEN pc.pg ELSE pt.pg END AS expected
    FROM part_reg AS p
    LEFT JOIN pool_course AS pc ON pc.activity_id = p.activity_id AND pc.a = p.a AND pc.course_code = p.course_code
    JOIN pool_term AS pt ON pt.activity_id = p.activity_id AND pt.a = p.a
), units AS (
    -- delta-method units: a person in a participation term
    SELECT activity_id, person_id, a, sum(earned) AS y, sum(hp) AS x, sum(expected) AS ex
    FROM part_pool GROUP BY ALL
), tp_values AS (
    SELECT activity_id, 'participants' AS indicator, count(DISTINCT person_id)::DOUBLE AS value, NULL::DOUBLE AS lo, NULL::DOUBLE AS hi,
           count(DISTINCT person_id) AS n
    FROM part_reg GROUP BY activity_id
    UNION ALL
    SELECT activity_id, 'participant_completion_rate', k / n, wilson_low(k, n, 1.959964), wilson_high(k, n, 1.959964), n
    FROM (SELECT activity_id, sum(completed)::DOUBLE AS k, count(*)::DOUBLE AS n FROM part_reg GROUP BY activity_id)
    UNION ALL
    SELECT activity_id, 'completion_rate_diff', avg(completed - pool_rate),
           avg(completed - pool_rate) - 1.959964 * stddev_samp(completed - pool_rate) / sqrt(count(*)),
           avg(completed - pool_rate) + 1.959964 * stddev_samp(completed - pool_rate) / sqrt(count(*)), count(*)
    FROM part_pool GROUP BY activity_id
    UNION ALL
    SELECT activity_id, 'participant_prestationsgrad', r, ratio_delta_low(r, se, 1.959964), ratio_delta_high(r, se, 1.959964, true), n
    FROM (SELECT activity_id, sum(y) / sum(x) AS r, count(*) AS n,
                 ratio_delta_se(count(*), sum(x), sum(y), sum(x * x), sum(y * y), sum(x * y)) AS se
          FROM units GROUP BY activity_id)
    UNION ALL
    SELECT activity_id, 'prestationsgrad_oe', r, ratio_delta_low(r, se, 1.959964), ratio_delta_high(r, se, 1.959964), n
    FROM (SELECT activity_id, sum(y) / sum(ex) AS r, count(*) AS n,
                 ratio_delta_se(count(*), sum(ex), sum(y), sum(ex * ex), sum(y * y), sum(ex * y)) AS se
          FROM units GROUP BY activity_id)
    UNION ALL
    SELECT activity_id, 'participant_retention', k / n, wilson_low(k, n, 1.959964), wilson_high(k, n, 1.959964), n
    FROM (SELECT u.activity_id, count(*) FILTER (WHERE list_contains(pt.tks, u.a + 1))::DOUBLE AS k, count(*)::DOUBLE AS n
          FROM units AS u JOIN person_terms AS pt USING (person_id)
          WHERE u.a + 1 IN (SELECT tk FROM covered)
          GROUP BY u.activity_id)
),

-- goals and recommendations ------------------------------------------------------------
goal_status AS (
    SELECT g.activity_id, g.goal_id, g.indicator, g.operator, g.target::DOUBLE AS target, g.by_term, v.value, v.lo, v.hi, v.n,
           CASE
               WHEN (SELECT r FROM review) < term_key(g.by_term) THEN 'not_due'
               WHEN g.indicator IN ('reach', 'linked', 'prospects', 'participants') THEN
                   CASE WHEN v.value IS NULL THEN 'insufficient'
                        WHEN (g.operator = '>=' AND v.value >= g.target) OR (g.operator = '<=' AND v.value <= g.target) THEN 'met'
                        ELSE 'missed' END
               WHEN v.value IS NULL OR v.n < 10 OR v.lo IS NULL THEN 'insufficient'
               WHEN g.operator = '>=' THEN
                   CASE WHEN v.lo >= g.target THEN 'met' WHEN v.value >= g.target THEN 'likely_met'
                        WHEN v.hi >= g.target THEN 'likely_missed' ELSE 'missed' END
               ELSE
                   CASE WHEN v.hi <= g.target THEN 'met' WHEN v.value <= g.target THEN 'likely_met'
                        WHEN v.lo <= g.target THEN 'likely_missed' ELSE 'missed' END
           END AS status
    FROM raw_activity_goals AS g
    LEFT JOIN (SELECT * FROM rec_values UNION ALL SELECT * FROM tp_values) AS v
           ON v.activity_id = g.activity_id AND v.indicator = g.indicator
), per_activity AS (
    SELECT a.activity_id, a.end_term, a.need_id,
           count(s.goal_id) AS goals,
           count(s.goal_id) FILTER (WHERE s.status <> 'not_due') AS due,
           count(s.goal_id) FILTER (WHERE s.status = 'insufficient') AS insufficient,
           count(s.goal_id) FILTER (WHERE s.status = 'missed') AS missed,
           count(s.goal_id) FILTER (WHERE s.status IN ('met', 'likely_met')) AS met
    FROM raw_activities AS a LEFT JOIN goal_status AS s USING (activity_id)
    GROUP BY ALL
), recommendation AS (
    SELECT activity_id,
           CASE
               WHEN end_term IS NOT NULL AND term_key(end_term) < (SELECT r FROM review) THEN 'ended'
               WHEN need_id IS NULL OR need_id NOT IN (SELECT need_id FROM raw_needs) OR goals = 0 THEN 'develop'
               WHEN due = 0 THEN 'in_progress'
               WHEN insufficient = due THEN 'insufficient_data'
               WHEN missed = due - insufficient THEN 'end'
               WHEN met = due - insufficient THEN 'continue'
               ELSE 'develop'
           END AS recommendation
    FROM per_activity
)
SELECT s.activity_id, r.recommendation, s.goal_id, s.indicator, s.operator, s.target, s.by_term,
       round(s.value, 4) AS value, round(s.lo, 4) AS lo, round(s.hi, 4) AS hi, s.n, s.status
FROM goal_status AS s JOIN recommendation AS r USING (activity_id)
ORDER BY s.activity_id, s.goal_id
