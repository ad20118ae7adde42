-- Followable goals, one per activity and goal_id (the latest load wins), with the kind of
-- activity their indicator belongs to (indicators.md: recruitment or throughput; the
-- lists of src/contract/indicator-names.ts): a goal on the other kind's indicator can
-- never be judged, and the decision sheet says so (status invalid).
SELECT activity_id, goal_id, indicator, operator, target::DOUBLE AS target, by_term, canonical_term_key(by_term) AS by_key,
  CASE
    WHEN indicator IN ('reach', 'linked', 'prospects', 'conversion_1t', 'conversion_2t', 'converted_first_generation_share', 'cost_per_conversion') THEN 'recruitment'
    WHEN indicator IN ('participants', 'participant_prestationsgrad', 'prestationsgrad_oe', 'participant_completion_rate', 'completion_rate_diff', 'participant_retention') THEN 'throughput'
  END AS indicator_kind
FROM raw_activity_goals
QUALIFY row_number() OVER (PARTITION BY activity_id, goal_id ORDER BY _load_id DESC, _line) = 1
