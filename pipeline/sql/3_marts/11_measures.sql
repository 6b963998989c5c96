-- The codebook of measures (raw/<index>/index.json): one row per measure and scale, with the years the scale
-- applies, in each index's own order of its measures.
CREATE TABLE measures AS
SELECT
  m.index,
  m.measure,
  m.name_vi,
  m.name_en,
  m.unit,
  m.direction,
  m.from_year,
  m.to_year,
  m.scale_min,
  m.scale_max,
  (i.headline = m.measure) AS is_headline,
  m.note_vi,
  m.note_en
FROM
  stg_measures m
  JOIN stg_indices i USING (index)
ORDER BY
  m.index,
  m.position,
  m.measure,
  m.from_year;
