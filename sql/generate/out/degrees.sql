-- A degree for the able long-study students, some weeks after their last term.
SELECT g_pnr_text(p.pnr, 0) AS person_id,
       t.ends + (14 + g_int(p.pid, 'degree_date', 50))::INTEGER AS degree_date,
       ['MATKAND', 'DATAING', 'EKONKAND', 'SSKEX', 'GRUNDLEX', 'PSYKAND',
        'AMNLEX', 'HUMKAND', 'SOCIONOM', 'MKVKAND', 'RATTKAND', 'BIOKAND'][p.subject + 1] AS degree_code
FROM g_person AS p
JOIN g_terms AS t ON t.term_key = p.entry_key + p.terms - 1 + p.has_gap::INTEGER
WHERE p.long_study AND p.ability >= 0.35
  AND t.term_key BETWEEN g_from() AND g_to()
  AND t.ends + (14 + g_int(p.pid, 'degree_date', 50))::INTEGER <= g_extract()
ORDER BY degree_date, p.pid
