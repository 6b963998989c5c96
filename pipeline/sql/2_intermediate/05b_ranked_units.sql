-- The units each edition ranks on each measure: its universe, less the units it did not score on that measure.
CREATE TABLE ranked_units AS
SELECT
  u.index,
  u.year,
  m.measure,
  u.unit_id
FROM
  stg_edition_universe u
  JOIN (
    SELECT DISTINCT
      index,
      year,
      measure
    FROM
      observations_located
  ) m USING (index, year)
WHERE
  NOT EXISTS (
    SELECT
      1
    FROM
      observations_located o
    WHERE
      o.index = u.index
      AND o.year = u.year
      AND o.measure = m.measure
      AND o.unit_id = u.unit_id
      AND o.status = 'not-scored'
  );
