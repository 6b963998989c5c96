-- The units each edition covers, one row each.
CREATE TABLE stg_edition_universe AS
SELECT index, year, u.unit_id
FROM read_editions, unnest(universe->>'$[*]') AS u(unit_id);
