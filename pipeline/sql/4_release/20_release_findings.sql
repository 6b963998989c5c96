-- What each comparison of read_release_comparisons finds: the figures added (counted in release_added), the fields
-- added to released figures (listed), and the counts of changed and removed fields.
CREATE TABLE release_findings AS
SELECT
  c.snapshot,
  min(n.added) AS added,
  coalesce(
    list(
      {
        'index': ch.index,
        'year': ch.year,
        'unit_id': ch.unit_id,
        'measure': ch.measure,
        'field': ch.field,
        'value': ch.after
      }
      ORDER BY
        ch.index,
        ch.year,
        ch.unit_id,
        ch.measure,
        ch.field
    ) FILTER(
      WHERE
        ch.change = 'field-added'
    ),
    []
  ) AS fields_added,
  count(*) FILTER(
    WHERE
      ch.change = 'changed'
  )::INTEGER AS changed,
  count(*) FILTER(
    WHERE
      ch.change = 'removed'
  )::INTEGER AS removed
FROM
  read_release_comparisons c
  JOIN release_added n USING (snapshot)
  LEFT JOIN release_changes ch USING (snapshot)
GROUP BY
  c.snapshot
ORDER BY
  c.snapshot;
