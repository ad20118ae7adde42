-- The activity registry with the effects planted in it: data-samples/README.md gives the
-- arithmetic and the recommendation each activity is meant to get, and
-- test/generate/sample.test.ts checks it. Terms are offsets from the last term
-- L = g_to(); a term before the first term g_from() is moved up to it.
--
-- Recruitment activities: per_term linked participants in each of their terms; of those,
-- nonprospects_per_term already study (registered in or before the term), and
-- converters[i] of the prospects register within two terms (the pattern repeats).
-- Throughput activities: per_term students registered in the term, drawn from the
-- students living in the activity's county (07_throughput.sql); eligible: 'all',
-- 'distance' or 'new' (first-term) students; p_complete is the chance that a
-- participant's registration is completed by the term cutoff (NULL: like anyone's).
-- consent_share: the linked participants' share of a session's headcount.
CREATE OR REPLACE TEMP TABLE g_activity_spec AS
SELECT * FROM (VALUES
    ('INSP-KRA',  'Inspirationsdag: vägar till högskolestudier',            'recruitment', 'inspiration',  'LC-KRAMFORS',   '2282', -6, NULL, 'N-KRA-1', 45000,
        14, 1, [4, 5],  NULL::DOUBLE, NULL,  NULL::VARCHAR, 1, 4.0, 0.70),
    ('BESOK-HJD', 'Studiebesök på campus Östersund för vuxna i Härjedalen', 'recruitment', 'study_visit',  'LC-SVEG',       '2361', -6, NULL, 'N-HJD-1', 60000,
        12, 1, [1, 0],  NULL, NULL,  NULL, 2, 6.0, 0.80),
    ('INSP-OVK',  'Inspirationskväll om distansstudier',                    'recruitment', 'inspiration',  'LC-OVIK',       '2284', -5, NULL, 'N-OVK-1', 30000,
        14, 2, [3, 2],  NULL, NULL,  NULL, 1, 2.5, 0.70),
    ('PROVA-RAG', 'Prova på en universitetsföreläsning',                    'recruitment', 'lecture',      'LC-RAGUNDA',    '2303', -4, NULL, 'N-RAG-1', 8000,
        2,  0, [1, 0],  NULL, NULL,  NULL, 1, 1.5, 0.50),
    ('FÖREL-ÅRE', 'Öppen föreläsning: att plugga på distans',               'recruitment', 'lecture',      'LC-ARE',        '2321', -3, NULL, NULL,      12000,
        10, 1, [2],     NULL, NULL,  NULL, 1, 1.5, 0.60),
    ('MENT-ÖSD',  'Mentorskap för distansstudenter',                        'throughput',  'mentoring',    NULL,            '2380', -5, NULL, 'N-ÖSD-1', 80000,
        15, 0, NULL,    0.88, '23', 'distance', 6, 1.0, 0.85),
    ('STUD-SDH',  'Studieverkstad',                                         'throughput',  'study_skills', 'LC-SODERHAMN',  '2182', -4, NULL, 'N-SDH-1', 35000,
        12, 0, NULL,    NULL, '21', 'all',      4, 2.0, 0.85),
    ('TENTA-HUD', 'Tentamensstöd på lärcentrum',                            'throughput',  'exam_support', 'LC-HUDIKSVALL', '2184', -7, -3,   'N-HUD-1', 25000,
        10, 0, NULL,    0.80, '21', 'all',      3, 3.5, 0.90),
    ('TENTA-LJD', 'Tentamensstöd och skrivarstuga',                         'throughput',  'exam_support', 'LC-LJUSDAL',    '2161', -5, NULL, 'N-LJD-1', 30000,
        12, 0, NULL,    0.86, '21', 'all',      3, 3.5, 0.90),
    ('STUD-SOL',  'Studieteknik för nya studenter',                         'throughput',  'study_skills', 'LC-SOLLEFTEA',  '2283', -1, NULL, 'N-SOL-1', 20000,
        12, 0, NULL,    0.75, '22', 'new',      4, 2.0, 0.85)
) AS a(activity_id, name, kind, type, centre_id, municipality_code, start_off, end_off, need_id, cost_sek,
       per_term, nonprospects_per_term, converters, p_complete, county, eligible, sessions_per_term, hours,
       consent_share);

-- The activities with their term keys inside the data set's window.
CREATE OR REPLACE TEMP TABLE g_activity AS
SELECT *,
       greatest(g_from(), g_to() + start_off) AS start_key,
       CASE WHEN end_off IS NOT NULL THEN greatest(g_from(), g_to() + end_off) END AS end_key,
       CASE WHEN end_off IS NOT NULL THEN greatest(g_from(), g_to() + end_off) ELSE g_to() END AS last_session_key
FROM g_activity_spec;

-- One documented need per activity but FÖREL-ÅRE, plus one no activity answers yet.
CREATE OR REPLACE TEMP TABLE g_need AS
WITH n AS (
    SELECT * FROM (VALUES
        ('N-KRA-1', 'LC-KRAMFORS',   '2282', 7, 'Behovsinventering Lärcentrum Kramfors',
            'Få vuxna i kommunen söker sig till högskolan; de saknar kunskap om vägar in, behörighet och studiefinansiering.'),
        ('N-HJD-1', 'LC-SVEG',       '2361', 7, 'Behovsinventering Härjedalens kommun, kompetensförsörjning',
            'Långt till campus: vuxna i Härjedalen har aldrig sett en högskolemiljö och tvekar att söka.'),
        ('N-OVK-1', 'LC-OVIK',       '2284', 6, 'Lärcentrum Örnsköldsvik, enkät till kommuninvånare',
            'Intresse för distansstudier bland yrkesverksamma, men osäkerhet om hur studier kombineras med arbete.'),
        ('N-RAG-1', 'LC-RAGUNDA',    '2303', 5, 'Samrådsmöte Ragunda kommun och Mittuniversitetet',
            'Efterfrågan på smakprov av universitetsundervisning på orten.'),
        ('N-ÖSD-1', NULL,            '2380', 6, 'Kursvärderingar och avbrottsanalys, Mittuniversitetet',
            'Distansstudenter avbryter oftare än campusstudenter och saknar kontakt med andra studenter.'),
        ('N-SDH-1', 'LC-SODERHAMN',  '2182', 5, 'Behovsinventering Lärcentrum Söderhamn',
            'Studenter som läser via lärcentrum efterfrågar stöd i studieteknik och akademiskt skrivande.'),
        ('N-HUD-1', 'LC-HUDIKSVALL', '2184', 8, 'Behovsinventering Lärcentrum Hudiksvall',
            'Studenter behöver kunna skriva salstentamen på hemorten i stället för på campus.'),
        ('N-LJD-1', 'LC-LJUSDAL',    '2161', 6, 'Behovsinventering Lärcentrum Ljusdal',
            'Studenter klarar inte tentamina i tid; behov av lokal tentamensplats och skrivstöd.'),
        ('N-SOL-1', 'LC-SOLLEFTEA',  '2283', 2, 'Behovsinventering Lärcentrum Sollefteå',
            'Nya studenter saknar studievana och hoppar av under första terminen.'),
        ('N-BRA-1', 'LC-BRACKE',     '2305', 3, 'Behovsinventering Lärcentrum Bräcke',
            'Behov av handledning för studenter inom vård och omsorg som läser på distans.')
    ) AS n(need_id, centre_id, municipality_code, terms_before_last, source, description)
)
-- Documented in the spring or autumn some terms before the last, a little before its term began.
SELECT need_id, t.starts - 40 AS documented_on,
       source || ' ' || year(t.starts - 40) AS source, description, centre_id, municipality_code
FROM n JOIN g_terms AS t ON t.term_key = greatest(g_from() - 1, g_to() - terms_before_last);

-- Followable goals: activity indicators of indicators.md, judged at the review of by_term.
CREATE OR REPLACE TEMP TABLE g_goal AS
SELECT activity_id, goal_id, indicator, operator, target, term_from_key(g_to() + by_off) AS by_term
FROM (VALUES
    ('INSP-KRA',  'G1', 'conversion_2t',               '>=', 0.15,  0),
    ('INSP-KRA',  'G2', 'reach',                       '>=', 120,   0),
    ('BESOK-HJD', 'G1', 'conversion_2t',               '>=', 0.20,  0),
    ('INSP-OVK',  'G1', 'conversion_2t',               '>=', 0.25,  0),
    ('INSP-OVK',  'G2', 'linked',                      '>=', 50,    0),
    ('PROVA-RAG', 'G1', 'conversion_2t',               '>=', 0.20,  0),
    ('FÖREL-ÅRE', 'G1', 'conversion_1t',               '>=', 0.10,  0),
    ('MENT-ÖSD',  'G1', 'participant_completion_rate', '>=', 0.70,  0),
    ('MENT-ÖSD',  'G2', 'completion_rate_diff',        '>=', 0.10,  0),
    ('STUD-SDH',  'G1', 'participant_completion_rate', '>=', 0.80,  0),
    ('STUD-SDH',  'G2', 'participant_prestationsgrad', '>=', 0.90,  0),
    ('TENTA-HUD', 'G1', 'participant_completion_rate', '>=', 0.70, -3),
    ('TENTA-LJD', 'G1', 'prestationsgrad_oe',          '>=', 1.05,  0),
    ('TENTA-LJD', 'G2', 'participants',                '>=', 40,    0),
    ('STUD-SOL',  'G1', 'participant_completion_rate', '>=', 0.75,  2),
    ('STUD-SOL',  'G2', 'participant_retention',       '>=', 0.80,  2)
) AS g(activity_id, goal_id, indicator, operator, target, by_off);
