-- Every comparison of chiso's figures with an independent printed figure of the same edition, one row each:
-- another source's value, rank or printed change (other_source_figures), a published average (against chiso's mean),
-- a printed group count (against the groups chiso holds: equal for a complete edition; for a fragment the
-- groups known cannot outnumber the printed count), and a printed rank change (against the two ranks chiso holds).
CREATE TABLE independent_checks AS
WITH
  group_counts AS (
    SELECT
      k.index,
      k.year,
      k.group_label,
      k.printed_count,
      k.source_id,
      k.raw_file,
      count(g.unit_id) AS held,
      min(c.is_complete) AS is_complete
    FROM
      stg_group_counts k
      JOIN stg_indices i ON i.index = k.index
      JOIN edition_measure_coverage c ON c.index = k.index
      AND c.year = k.year
      AND c.measure = i.headline
      LEFT JOIN groups g ON g.index = k.index
      AND g.year = k.year
      AND g.measure = i.headline
      AND g."group" = k.group_label
    GROUP BY ALL
  )
SELECT
  'source-value' AS kind,
  index,
  year,
  unit_id,
  measure,
  field AS what,
  value AS printed,
  chiso_value AS held,
  agrees,
  declared,
  declared_vi,
  source_id,
  raw_file,
  raw_cell,
  chiso_raw_file,
  chiso_raw_cell
FROM
  other_source_figures
WHERE
  agrees IS NOT NULL
  AND field <> 'average'
UNION ALL
SELECT
  'published-average',
  index,
  year,
  NULL,
  measure,
  area_id,
  published_value,
  mean_value,
  abs(published_value - mean_value) <= published_tolerance + 0.005,
  NULL,
  NULL,
  published_source_id,
  NULL,
  NULL,
  NULL,
  NULL
FROM
  area_averages
WHERE
  published_value IS NOT NULL
  AND mean_value IS NOT NULL
UNION ALL
SELECT
  'group-count',
  index,
  year,
  NULL,
  NULL,
  group_label,
  printed_count,
  held,
  CASE
    WHEN is_complete THEN held = printed_count
    ELSE held <= printed_count
  END,
  NULL,
  NULL,
  source_id,
  raw_file,
  NULL,
  NULL,
  NULL
FROM
  group_counts
UNION ALL
SELECT
  'printed-rank-change',
  o.index,
  o.year,
  o.unit_id,
  o.measure,
  'rank_change',
  o.published_rank_change,
  c.rank_change,
  o.published_rank_change = c.rank_change,
  NULL,
  NULL,
  o.source_id,
  o.raw_file,
  o.raw_change_cell,
  NULL,
  NULL
FROM
  observations_located o
  JOIN changes c USING (index, year, unit_id, measure)
WHERE
  o.published_rank_change IS NOT NULL
  AND c.rank_change IS NOT NULL;
