-- How many figures each comparison of read_release_comparisons adds: figures of its snapshot that the release
-- before it did not have, with at least one field (value, rank or group) to publish.
CREATE TABLE release_added AS
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
  added AS (
    SELECT
      c.snapshot,
      count(*) AS added
    FROM
      read_release_comparisons c
      JOIN figures a ON a.snapshot = c.snapshot
      ANTI JOIN figures b ON b.snapshot = c.compared_with
      AND b.index = a.index
      AND b.year = a.year
      AND b.unit_id = a.unit_id
      AND b.measure = a.measure
    WHERE
      a.value IS NOT NULL
      OR a.rank IS NOT NULL
      OR a."group" IS NOT NULL
    GROUP BY
      c.snapshot
  )
SELECT
  c.snapshot,
  coalesce(n.added, 0)::INTEGER AS added
FROM
  read_release_comparisons c
  LEFT JOIN added n USING (snapshot)
ORDER BY
  c.snapshot;
