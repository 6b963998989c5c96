-- The corrections check of each comparison that must declare its changes (read_release_comparisons
-- .checks_corrections): every changed or removed figure needs a correction of the comparison's release (its version)
-- in raw/corrections.json, and every correction of that release a changed or removed figure. A correction declares
-- a change when its index, year, unit, measure and field are the figure's and its "from" and "to" are the figures
-- before and after: numbers equal within 1e-9, text exactly, null for none. One row per problem: an 'undeclared-change' (with the change) or an
-- 'unmatched-correction' (with its position in the file's list, from 0).
CREATE TABLE release_correction_checks AS
WITH
  corrections AS (
    SELECT
      position,
      release,
      index,
      year,
      unit AS unit_id,
      measure,
      field,
      CASE
        WHEN json_type("from") IN ('UBIGINT', 'BIGINT', 'DOUBLE') THEN "from"::DOUBLE
      END AS from_number,
      CASE
        WHEN json_type("from") = 'VARCHAR' THEN "from" ->> '$'
      END AS from_text,
      CASE
        WHEN json_type("to") IN ('UBIGINT', 'BIGINT', 'DOUBLE') THEN "to"::DOUBLE
      END AS to_number,
      CASE
        WHEN json_type("to") = 'VARCHAR' THEN "to" ->> '$'
      END AS to_text
    FROM
      release_corrections
  ),
  altered AS (
    SELECT
      c.version AS release,
      ch.*
    FROM
      release_changes ch
      JOIN read_release_comparisons c USING (snapshot)
    WHERE
      c.checks_corrections
      AND ch.change IN ('changed', 'removed')
  ),
  matches AS (
    SELECT
      a.*,
      k.position
    FROM
      altered a
      JOIN corrections k USING (release, index, year, unit_id, measure, field)
    WHERE
      CASE
        WHEN k.from_number IS NOT NULL THEN abs(k.from_number - TRY_CAST (a.before AS DOUBLE)) < 1e-9
        ELSE k.from_text IS NOT DISTINCT FROM a.before
      END
      AND CASE
        WHEN k.to_number IS NOT NULL THEN abs(k.to_number - TRY_CAST (a.after AS DOUBLE)) < 1e-9
        ELSE k.to_text IS NOT DISTINCT FROM a.after
      END
  )
SELECT
  'undeclared-change' AS problem,
  a.* EXCLUDE (release),
  NULL::INTEGER AS position
FROM
  altered a
  ANTI JOIN matches m USING (snapshot, index, year, unit_id, measure, field)
UNION ALL
SELECT
  'unmatched-correction',
  c.snapshot,
  k.index,
  k.year,
  k.unit_id,
  k.measure,
  k.field,
  NULL,
  NULL,
  NULL,
  k.position
FROM
  read_release_comparisons c
  JOIN corrections k ON k.release = c.version
  AND c.checks_corrections
  ANTI JOIN matches m ON m.snapshot = c.snapshot
  AND m.position = k.position
ORDER BY
  snapshot,
  problem,
  change,
  position,
  index,
  year,
  unit_id,
  measure,
  field;
