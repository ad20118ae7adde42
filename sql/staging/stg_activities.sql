-- The activity registry; an activity loaded twice keeps its latest load. The
-- municipality defaults to the centre's; need_documented says whether need_id names a
-- need in the inventory (decisions.md: an empty or unknown need is not documented).
SELECT
  a.activity_id,
  a.name,
  a.kind,
  a.type,
  a.centre_id,
  coalesce(a.municipality_code, c.municipality_code) AS municipality_code,
  a.start_term,
  canonical_term_key (a.start_term) AS start_key,
  a.end_term,
  canonical_term_key (a.end_term) AS end_key,
  a.need_id,
  a.need_id IS NOT NULL
  AND a.need_id IN (
    SELECT
      need_id
    FROM
      stg_needs
  ) AS need_documented,
  a.cost_sek
FROM
  raw_activities a
  LEFT JOIN stg_learning_centres c USING (centre_id)
QUALIFY
  row_number() OVER (
    PARTITION BY
      a.activity_id
    ORDER BY
      a._load_id DESC,
      a._line
  ) = 1
