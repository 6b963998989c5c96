-- The units each edition covers, one row each.
CREATE TABLE stg_edition_universe AS
SELECT
  index,
  year,
  unnest(from_json(universe, '["VARCHAR"]')) AS unit_id
FROM
  read_editions;
