-- changelog.json: one entry per data release, newest first (read_release_comparisons.entry; the rebuild of a recorded
-- release is none), with what it found against the release before it and the corrections it carries.
CREATE TABLE changelog AS
SELECT
  c.version,
  c.date,
  c.changes,
  c.compared_with,
  f.added,
  to_json(f.fields_added) AS fields_added,
  f.changed,
  f.removed,
  coalesce(
    (
      SELECT
        to_json(
          list(
            k.correction
            ORDER BY
              k.position
          )
        )
      FROM
        release_corrections k
      WHERE
        k.release = c.version
    ),
    '[]'::JSON
  ) AS corrections
FROM
  read_release_comparisons c
  JOIN release_findings f USING (snapshot)
WHERE
  c.entry IS NOT NULL
ORDER BY
  c.entry;
