-- One row per measure and scale period (raw/<index>/index.json "measures"): position is the measure's place in
-- index.json (0 = first), which orders the codebook and the wide tables' columns.
CREATE TABLE stg_measures AS
WITH
  measures AS (
    SELECT
      index,
      m.measure,
      (m.position - 1)::INTEGER AS position
    FROM
      read_indices,
      unnest(definition -> '$.measures[*]')
    WITH
      ORDINALITY AS m (measure, position)
  )
SELECT
  index,
  measure ->> 'id' AS measure,
  position,
  measure ->> '$.name.vi' AS name_vi,
  measure ->> '$.name.en' AS name_en,
  measure ->> 'unit' AS unit,
  measure ->> 'direction' AS direction,
  (s.scale ->> 'from')::INTEGER AS from_year,
  (s.scale ->> 'to')::INTEGER AS to_year,
  (s.scale ->> 'min')::DOUBLE AS scale_min,
  (s.scale ->> 'max')::DOUBLE AS scale_max,
  measure ->> '$.note.vi' AS note_vi,
  measure ->> '$.note.en' AS note_en
FROM
  measures,
  unnest(measure -> '$.scales[*]') AS s (scale);
