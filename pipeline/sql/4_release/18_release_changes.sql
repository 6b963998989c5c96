-- The figures added, changed or removed in each comparison of read_release_comparisons: a snapshot ('build' for
-- this build's observations, else a recorded release of read_release_snapshots) against the release before it.
-- A figure that is new is "added"; a field that an existing figure did not have (a rank, a group) is
-- "field-added"; a non-null field that differs is "changed", and one that disappears (or the whole figure) is
-- "removed".
CREATE TABLE release_changes AS
WITH
  figures AS (
    SELECT
      'build' AS snapshot,
      index,
      year,
      unit_id,
      measure,
      value,
      rank,
      "group"
    FROM
      observations
    UNION ALL
    SELECT
      *
    FROM
      read_release_snapshots
  ),
  after_figures AS (
    SELECT
      c.snapshot AS compared,
      f.* EXCLUDE (snapshot)
    FROM
      read_release_comparisons c
      JOIN figures f ON f.snapshot = c.snapshot
  ),
  before_figures AS (
    SELECT
      c.snapshot AS compared,
      f.* EXCLUDE (snapshot)
    FROM
      read_release_comparisons c
      JOIN figures f ON f.snapshot = c.compared_with
  ),
  fields AS (
    SELECT
      compared AS snapshot,
      index,
      year,
      unit_id,
      measure,
      b.unit_id IS NULL AS new_figure,
      f.field,
      f.before,
      f.after
    FROM
      after_figures a
      FULL JOIN before_figures b USING (compared, index, year, unit_id, measure),
      LATERAL (
        VALUES
          ('value', b.value::VARCHAR, a.value::VARCHAR),
          ('rank', b.rank::VARCHAR, a.rank::VARCHAR),
          ('group', b."group", a."group")
      ) f (field, before, after)
  )
SELECT
  snapshot,
  index,
  year,
  unit_id,
  measure,
  field,
  before,
  after,
  CASE
    WHEN before IS NULL
    AND new_figure THEN 'added'
    WHEN before IS NULL THEN 'field-added'
    WHEN after IS NULL THEN 'removed'
    ELSE 'changed'
  END AS change
FROM
  fields
WHERE
  before IS DISTINCT FROM after
ORDER BY
  snapshot,
  index,
  year,
  unit_id,
  measure,
  field;
