-- Learning centres; a centre loaded twice keeps its latest load.
SELECT
  centre_id,
  name,
  municipality_code
FROM
  raw_learning_centres
QUALIFY
  row_number() OVER (
    PARTITION BY
      centre_id
    ORDER BY
      _load_id DESC,
      _line
  ) = 1
