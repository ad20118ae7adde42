-- Followable goals, one per activity and goal_id (the latest load wins).
SELECT activity_id, goal_id, indicator, operator, target::DOUBLE AS target, by_term, canonical_term_key(by_term) AS by_key
FROM raw_activity_goals
QUALIFY row_number() OVER (PARTITION BY activity_id, goal_id ORDER BY _load_id DESC, _line) = 1
