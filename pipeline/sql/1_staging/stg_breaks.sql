-- Comparability breaks (raw/<index>/index.json "breaks"): one row per break and measure; measure is null for a
-- break of the whole index. suppress_changes: no change is computed across it.
CREATE TABLE stg_breaks AS
SELECT
  index,
  (b.brk ->> 'year')::INTEGER AS year,
  m.measure,
  (b.brk ->> 'suppress_changes')::BOOLEAN AS suppress_changes,
  b.brk ->> '$.note.vi' AS note_vi,
  b.brk ->> '$.note.en' AS note_en
FROM
  read_indices,
  unnest(definition -> '$.breaks[*]') AS b (brk),
  unnest(
    CASE
      WHEN (b.brk -> 'measures') IS NULL THEN [NULL]
      ELSE b.brk ->> '$.measures[*]'
    END
  ) AS m (measure);
