-- The rank to publish: the publication's own rank where it printed one (never overwritten), otherwise the
-- computed one. rank_of is the size of the edition's universe ("6/63" even when some units were not scored).
CREATE TABLE ranks AS
SELECT
  o.index,
  o.year,
  o.unit_id,
  o.measure,
  coalesce(o.published_rank, r.computed_rank) AS rank,
  CASE
    WHEN o.published_rank IS NOT NULL THEN 'published'
    WHEN r.computed_rank IS NOT NULL THEN 'computed'
  END AS rank_source,
  r.computed_rank,
  o.universe_size AS rank_of,
  c.units_scored
FROM
  observations_located o
  JOIN edition_measure_coverage c USING (index, year, measure)
  LEFT JOIN computed_ranks r USING (index, year, unit_id, measure);
