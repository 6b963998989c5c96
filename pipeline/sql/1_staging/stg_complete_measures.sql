-- The measures an edition publishes for every unit (publication.json "complete_measures"; the reader has checked
-- the claim): only these are ranked, grouped and averaged.
CREATE TABLE stg_complete_measures AS
SELECT
  index,
  year,
  m.measure
FROM
  read_editions,
  unnest(publication ->> '$.complete_measures[*]') AS m (measure);
