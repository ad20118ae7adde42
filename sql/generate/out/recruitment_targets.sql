SELECT scope, indicator, operator, target, term_from_key(g_to() + by_off) AS by_term
FROM g_target
ORDER BY scope = 'region' DESC, scope, indicator, by_term
