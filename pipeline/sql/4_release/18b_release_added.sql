-- How many figures each comparison of read_release_comparisons adds: figures of its snapshot that the release
-- before it did not have, with at least one field (value, rank or group) to publish.
CREATE TABLE release_added AS
WITH
  added AS (
    SELECT
      c.snapshot,
      count(*) AS added
    FROM
      read_release_comparisons c
      JOIN release_figures a ON a.snapshot = c.snapshot
      ANTI JOIN release_figures b ON b.snapshot = c.compared_with
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
