-- Score bands of an index grouped by bands (PAR INDEX, raw/par-index/index.json "groups.bands"): a unit is in the
-- highest band whose min its score reaches, among the bands valid in its year (from_year/to_year null = always).
CREATE TABLE stg_group_bands AS
SELECT
  index,
  b.band ->> 'label' AS label,
  (b.band ->> 'min')::DOUBLE AS min,
  (b.band ->> 'from')::INTEGER AS from_year,
  (b.band ->> 'to')::INTEGER AS to_year
FROM
  read_indices,
  unnest(definition -> '$.groups.bands[*]') AS b (band);
