SELECT need_id, documented_on, source, description, centre_id, municipality_code
FROM g_need
ORDER BY documented_on, need_id
