-- Rank and value change against the previous edition of the same index. Positive rank_change = moved up.
-- Both are suppressed (null, with the reason) across a comparability break or a change of unit set, and when the
-- unit or its previous value was not scored. The rank change alone is also suppressed when the two editions did
-- not rank the same units (PCI 2005 ranked 42 provinces, 2006 all 64; a province not scored one year): a place
-- among 42 is not a place among 64, whatever the unit-set label says.
CREATE TABLE changes AS
WITH
  current AS (
    SELECT
      o.index,
      o.year,
      o.unit_id,
      o.measure,
      o.value,
      o.status,
      r.rank,
      p.previous_year,
      p.unit_set,
      p.previous_unit_set
    FROM
      observations_located o
      JOIN ranks r USING (index, year, unit_id, measure)
      JOIN previous_editions p USING (index, year)
  ),
  breaks AS (
    SELECT
      c.index,
      c.year,
      c.unit_id,
      c.measure,
      bool_or(b.suppress_changes) AS suppressed
    FROM
      current c
      JOIN stg_breaks b ON b.index = c.index
      AND b.year > c.previous_year
      AND b.year <= c.year
      AND (
        b.measure IS NULL
        OR b.measure = c.measure
      )
    GROUP BY ALL
  ),
  compared AS (
    SELECT
      c.index,
      c.year,
      c.unit_id,
      c.measure,
      c.previous_year,
      c.value,
      c.rank,
      prev.value AS previous_value,
      prev.rank AS previous_rank,
      CASE
        WHEN c.previous_year IS NULL THEN 'first-edition'
        WHEN c.previous_unit_set <> c.unit_set THEN 'unit-set-change'
        WHEN coalesce(breaks.suppressed, FALSE) THEN 'comparability-break'
        WHEN prev.unit_id IS NULL THEN 'not-in-previous-edition'
        WHEN c.status = 'not-scored' THEN 'not-scored'
        WHEN prev.status = 'not-scored' THEN 'not-scored-in-previous-edition'
        WHEN c.rank IS NOT NULL
        AND prev.rank IS NOT NULL
        AND NOT coalesce(s.same_units, FALSE) THEN 'ranked-units-differ'
      END AS reason
    FROM
      current c
      -- ranks has one row per observation (one per measure of edition_measure_coverage), so current holds every
      -- observation of the previous edition too, with its rank.
      LEFT JOIN current prev ON prev.index = c.index
      AND prev.year = c.previous_year
      AND prev.unit_id = c.unit_id
      AND prev.measure = c.measure
      LEFT JOIN breaks ON breaks.index = c.index
      AND breaks.year = c.year
      AND breaks.unit_id = c.unit_id
      AND breaks.measure = c.measure
      LEFT JOIN same_ranked_units s ON s.index = c.index
      AND s.year = c.year
      AND s.measure = c.measure
  )
SELECT
  index,
  year,
  unit_id,
  measure,
  previous_year,
  CASE
    WHEN reason IS NULL THEN previous_rank - rank
  END AS rank_change,
  -- "+ 0.0" turns the -0.0 that rounding a tiny negative difference gives into 0.
  CASE
    WHEN reason IS NULL
    OR reason = 'ranked-units-differ' THEN round(value - previous_value, 6) + 0.0
  END AS value_change,
  reason AS change_note
FROM
  compared;
