SELECT centre_id, name, municipality_code
FROM g_centre
ORDER BY centre_id
