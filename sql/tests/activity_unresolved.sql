-- severity: warn. activity_id values in goals, sessions or participations that are not in the activity registry.
SELECT
  'activity_goals' AS source,
  activity_id
FROM
  raw_activity_goals
WHERE
  activity_id NOT IN (
    SELECT
      activity_id
    FROM
      raw_activities
  )
UNION ALL
SELECT
  'activity_sessions',
  activity_id
FROM
  raw_activity_sessions
WHERE
  activity_id NOT IN (
    SELECT
      activity_id
    FROM
      raw_activities
  )
UNION ALL
SELECT
  'participations',
  activity_id
FROM
  raw_participations
WHERE
  activity_id NOT IN (
    SELECT
      activity_id
    FROM
      raw_activities
  )
