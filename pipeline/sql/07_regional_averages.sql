-- Unweighted means of the provincial values per socio-economic region and for the whole country, for every
-- complete measure of a legacy (63/64-unit) edition. These are chiso's own averages of the published provincial
-- figures, not the publisher's national figure (which may be computed at respondent level).
CREATE TABLE regional_averages AS
SELECT o.index, o.year, o.measure,
  coalesce(o.region_id, 'national') AS area_id,
  CASE WHEN o.region_id IS NULL THEN 'Cả nước' ELSE any_value(o.region_vi) END AS area_name_vi,
  CASE WHEN o.region_id IS NULL THEN 'Whole country' ELSE any_value(o.region_en) END AS area_name_en,
  avg(o.value) AS mean_value,
  count(o.value) AS units_scored,
  count(*) AS units
FROM observations_located o
JOIN edition_measure_coverage c USING (index, year, measure)
WHERE c.is_complete AND o.unit_set <> 'merged-34'
GROUP BY GROUPING SETS ((o.index, o.year, o.measure, o.region_id), (o.index, o.year, o.measure));
