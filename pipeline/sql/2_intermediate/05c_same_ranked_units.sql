-- Whether an edition ranks the same units as its previous edition on a measure (same number, same members).
CREATE TABLE same_ranked_units AS
WITH
  sizes AS (
    SELECT
      index,
      year,
      measure,
      count(*) AS units
    FROM
      ranked_units
    GROUP BY ALL
  ),
  common AS (
    SELECT
      a.index,
      a.year,
      a.measure,
      count(*) AS units
    FROM
      ranked_units a
      JOIN previous_editions p USING (index, year)
      JOIN ranked_units b ON b.index = a.index
      AND b.year = p.previous_year
      AND b.measure = a.measure
      AND b.unit_id = a.unit_id
    GROUP BY ALL
  )
SELECT
  p.index,
  p.year,
  s.measure,
  coalesce(
    s.units = c.units
    AND prev.units = c.units,
    FALSE
  ) AS same_units
FROM
  previous_editions p
  JOIN sizes s ON s.index = p.index
  AND s.year = p.year
  LEFT JOIN sizes prev ON prev.index = p.index
  AND prev.year = p.previous_year
  AND prev.measure = s.measure
  LEFT JOIN common c ON c.index = p.index
  AND c.year = p.year
  AND c.measure = s.measure;
