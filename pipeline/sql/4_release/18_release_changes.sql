-- The fields of released figures that each comparison of read_release_comparisons changes: a snapshot ('build'
-- for this build's observations, else a recorded release of read_release_snapshots) against the release before it.
-- A field that a released figure did not have (a rank, a group) is "field-added"; a non-null field that differs is
-- "changed", and one that disappears (or the whole figure) is "removed". Figures that are new are only counted
-- (18b_release_added.sql): listing each of their fields would make this table as large as the release.
CREATE TABLE release_changes AS
WITH
  after_figures AS (
    SELECT
      c.snapshot AS compared,
      f.* EXCLUDE (snapshot)
    FROM
      read_release_comparisons c
      JOIN release_figures f ON f.snapshot = c.snapshot
  ),
  before_figures AS (
    SELECT
      c.snapshot AS compared,
      f.* EXCLUDE (snapshot)
    FROM
      read_release_comparisons c
      JOIN release_figures f ON f.snapshot = c.compared_with
  ),
  fields AS (
    SELECT
      compared AS snapshot,
      index,
      year,
      unit_id,
      measure,
      f.field,
      f.before,
      f.after
    FROM
      before_figures b
      LEFT JOIN after_figures a USING (compared, index, year, unit_id, measure),
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
