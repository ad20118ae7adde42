SELECT g.activity_id, g.goal_id, g.indicator, g.operator, g.target, g.by_term
FROM g_goal AS g
ORDER BY g.activity_id, g.goal_id
