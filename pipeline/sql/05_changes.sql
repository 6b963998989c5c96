-- Rank and value change against the previous edition of the same index. Positive rank_change = moved up.
-- Suppressed (null, with the reason) across a comparability break or a change of unit set.
CREATE TABLE previous_edition AS
SELECT index, year, unit_set,
  lag(year) OVER (PARTITION BY index ORDER BY year) AS previous_year,
  lag(unit_set) OVER (PARTITION BY index ORDER BY year) AS previous_unit_set
FROM stg_editions;

CREATE TABLE changes AS
WITH current AS (
  SELECT o.index, o.year, o.unit_id, o.measure, o.value, r.rank, p.previous_year, p.unit_set, p.previous_unit_set
  FROM observations_located o
  JOIN ranks r USING (index, year, unit_id, measure)
  JOIN previous_edition p USING (index, year)
),
breaks AS (
  SELECT c.index, c.year, c.unit_id, c.measure, bool_or(b.suppress_changes) AS suppressed
  FROM current c
  JOIN stg_breaks b ON b.index = c.index AND b.year > c.previous_year AND b.year <= c.year
    AND (b.measure IS NULL OR b.measure = c.measure)
  GROUP BY ALL
)
SELECT
  c.index, c.year, c.unit_id, c.measure, c.previous_year,
  CASE WHEN reason IS NULL THEN prev_rank.rank - c.rank END AS rank_change,
  CASE WHEN reason IS NULL THEN round(c.value - prev.value, 6) END AS value_change,
  reason AS change_note
FROM current c
LEFT JOIN observations_located prev
  ON prev.index = c.index AND prev.year = c.previous_year AND prev.unit_id = c.unit_id AND prev.measure = c.measure
LEFT JOIN ranks prev_rank
  ON prev_rank.index = c.index AND prev_rank.year = c.previous_year AND prev_rank.unit_id = c.unit_id AND prev_rank.measure = c.measure
LEFT JOIN breaks
  ON breaks.index = c.index AND breaks.year = c.year AND breaks.unit_id = c.unit_id AND breaks.measure = c.measure,
LATERAL (SELECT CASE
  WHEN c.previous_year IS NULL THEN 'first-edition'
  WHEN c.previous_unit_set <> c.unit_set THEN 'unit-set-change'
  WHEN coalesce(breaks.suppressed, false) THEN 'comparability-break'
  WHEN prev.unit_id IS NULL THEN 'not-in-previous-edition'
END AS reason);
