-- Rejected rows of the activity files (activities, activity_goals, activity_sessions,
-- participations) that name an activity (rejects.record_key), one per file and line with
-- its reasons: the decision sheet says of each activity which of its rows could not be
-- read, instead of leaving it to a count in the data quality. A reason that does not
-- start with its column's name gets it in front ("start_term 'autumn' is not a term …").
SELECT
  l.kind,
  r.record_key AS activity_id,
  r.load_id,
  r.file_name,
  r.line,
  string_agg(
    CASE
      WHEN r.rule = 'duplicate_key'
      OR r.column_name IS NULL
      OR starts_with(r.reason, r.column_name || ' ') THEN r.reason
      ELSE r.column_name || ' ' || r.reason
    END,
    '; '
    ORDER BY
      r.column_name
  ) AS reasons
FROM
  rejects r
  JOIN loads l USING (load_id)
WHERE
  l.status = 'loaded'
  AND r.record_key IS NOT NULL
  AND l.kind IN ('activities', 'activity_goals', 'activity_sessions', 'participations')
GROUP BY
  l.kind,
  r.record_key,
  r.load_id,
  r.file_name,
  r.line
