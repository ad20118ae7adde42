-- The needs inventory (behovsinventering); a need loaded twice keeps its latest load.
SELECT
  need_id,
  documented_on,
  source,
  description,
  centre_id,
  municipality_code
FROM
  raw_needs
QUALIFY
  row_number() OVER (
    PARTITION BY
      need_id
    ORDER BY
      _load_id DESC,
      _line
  ) = 1
