-- severity: warn. Goals naming an indicator of the other activity kind (a recruitment indicator on a throughput activity or the reverse); they cannot be judged.
SELECT g.activity_id, g.goal_id, g.indicator, a.kind
FROM raw_activity_goals g JOIN raw_activities a USING (activity_id)
WHERE (a.kind = 'recruitment' AND g.indicator IN ('participants', 'participant_prestationsgrad', 'prestationsgrad_oe', 'participant_completion_rate', 'completion_rate_diff', 'participant_retention'))
   OR (a.kind = 'throughput' AND g.indicator IN ('reach', 'linked', 'prospects', 'conversion_1t', 'conversion_2t', 'converted_first_generation_share', 'cost_per_conversion'))
