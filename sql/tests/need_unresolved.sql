-- severity: warn. Activities whose need_id is empty or not in the needs inventory (the model asks every activity to answer a documented need).
SELECT
  activity_id,
  need_id
FROM
  raw_activities
WHERE
  need_id IS NULL
  OR need_id NOT IN (
    SELECT
      need_id
    FROM
      raw_needs
  )
