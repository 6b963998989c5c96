-- Standard competition ranking (1, 2, 2, 4) of each complete measure within its edition, higher value first.
-- Fragmentary measures are never ranked.
CREATE TABLE computed_ranks AS
SELECT
  o.index,
  o.year,
  o.unit_id,
  o.measure,
  rank() OVER (
    PARTITION BY
      o.index,
      o.year,
      o.measure
    ORDER BY
      o.value DESC
  ) AS computed_rank
FROM
  observations_located o
  JOIN edition_measure_coverage c USING (index, year, measure)
WHERE
  c.is_complete
  AND o.value IS NOT NULL;
