-- Every activity id seen in an activity file, in a loaded row or a rejected one
-- (activities, activity_goals, activity_sessions, participations), so that the decision
-- sheet lists each: an activity never vanishes because its own row could not be read.
-- `loaded` says whether its activities row is in stg_activities; when it is not, the
-- reject_ columns name the rejected activities row (latest load first), and are NULL
-- when the activities file never had a row for it; `seen_in` names the files it is in.
-- For a loaded activity, `reject_after_loaded` says a later load rejected a new row for
-- it: the sheet then shows an earlier version, and says so.
WITH
  seen AS (
    SELECT DISTINCT
      activity_id,
      'activities' AS kind
    FROM
      raw_activities
    UNION
    SELECT DISTINCT
      activity_id,
      'activity_goals'
    FROM
      raw_activity_goals
    UNION
    SELECT DISTINCT
      activity_id,
      'activity_sessions'
    FROM
      raw_activity_sessions
    UNION
    SELECT DISTINCT
      activity_id,
      'participations'
    FROM
      raw_participations
    UNION
    SELECT DISTINCT
      activity_id,
      kind
    FROM
      stg_activity_rejects
  ),
  own_reject AS (
    SELECT
      activity_id,
      load_id,
      file_name,
      line,
      reasons
    FROM
      stg_activity_rejects
    WHERE
      kind = 'activities'
    QUALIFY
      row_number() OVER (
        PARTITION BY
          activity_id
        ORDER BY
          load_id DESC,
          line
      ) = 1
  )
SELECT
  s.activity_id,
  s.activity_id IN (
    SELECT
      activity_id
    FROM
      stg_activities
  ) AS loaded,
  -- the files in the contract's order
  list(
    s.kind
    ORDER BY
      list_position(['activities', 'activity_goals', 'activity_sessions', 'participations'], s.kind)
  ) AS seen_in,
  any_value(o.file_name) AS reject_file,
  any_value(o.line) AS reject_line,
  any_value(o.reasons) AS reject_reasons,
  coalesce(any_value(o.load_id) > any_value(l.load_id), false) AS reject_after_loaded
FROM
  seen s
  LEFT JOIN own_reject o USING (activity_id)
  LEFT JOIN (
    SELECT
      activity_id,
      max(_load_id) AS load_id
    FROM
      raw_activities
    GROUP BY ALL
  ) l USING (activity_id)
GROUP BY
  s.activity_id
