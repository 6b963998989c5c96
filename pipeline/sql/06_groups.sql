-- Groups of the headline measure.
--   quartiles (PAPI): four groups by percentile of the score among the scored units of a complete edition:
--     ≥ 75th percentile, 50th–75th, 25th–50th, below the 25th (percentiles interpolated, as Excel's QUARTILE.INC).
--   bands (PAR INDEX): fixed thresholds on the unit's own score (A ≥ 90, B ≥ 80, C ≥ 70, D below).
--   published (PCI): the label the publisher printed.
CREATE TABLE groups AS
WITH headline AS (
  SELECT o.*, i.group_method, c.is_complete
  FROM observations_located o
  JOIN stg_indices i ON i.index = o.index AND i.headline = o.measure
  JOIN edition_measure_coverage c ON c.index = o.index AND c.year = o.year AND c.measure = o.measure
),
quartiles AS (
  SELECT index, year,
    quantile_cont(value, 0.75) AS q75, quantile_cont(value, 0.5) AS q50, quantile_cont(value, 0.25) AS q25
  FROM headline WHERE group_method = 'quartiles' AND is_complete AND value IS NOT NULL
  GROUP BY index, year
),
computed AS (
  SELECT h.index, h.year, h.unit_id, h.measure,
    CASE
      WHEN h.group_method = 'quartiles' AND q.q75 IS NOT NULL AND h.value IS NOT NULL THEN
        CASE WHEN h.value >= q.q75 THEN '1-best' WHEN h.value >= q.q50 THEN '2-high-average'
             WHEN h.value >= q.q25 THEN '3-low-average' ELSE '4-poor' END
      WHEN h.group_method = 'bands' AND h.value IS NOT NULL THEN
        (SELECT label FROM stg_group_bands b WHERE b.index = h.index AND h.value >= b.min ORDER BY b.min DESC LIMIT 1)
    END AS computed_group,
    h.published_group
  FROM headline h
  LEFT JOIN quartiles q USING (index, year)
)
SELECT index, year, unit_id, measure,
  coalesce(published_group, computed_group) AS "group",
  CASE WHEN published_group IS NOT NULL THEN 'published' WHEN computed_group IS NOT NULL THEN 'computed' END AS group_source,
  computed_group, published_group
FROM computed;
