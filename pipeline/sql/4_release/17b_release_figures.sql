-- Every figure a release comparison can compare, by snapshot: 'build' for this build's observations, else a recorded
-- release of read_release_snapshots. Read by the release diff (18_release_changes.sql, 18b_release_added.sql); a view,
-- not a table: a copy of every figure would only cost time and memory on a large release.
CREATE VIEW release_figures AS
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
  read_release_snapshots;
