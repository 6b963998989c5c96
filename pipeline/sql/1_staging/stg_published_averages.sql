-- Averages printed by the publisher or the press (publication.json "published_averages"). tolerance is half a unit
-- of the last printed decimal ("decimals", or the decimals the value is written with), plus a hair for floating point.
CREATE TABLE stg_published_averages AS
WITH
  averages AS (
    SELECT
      index,
      year,
      folder,
      a.average
    FROM
      read_editions,
      unnest(publication -> '$.published_averages[*]') AS a (average)
  )
SELECT
  index,
  year,
  average ->> 'area' AS area_id,
  average ->> 'measure' AS measure,
  (average ->> 'value')::DOUBLE AS value,
  0.5 * pow(
    10,
    - coalesce(
      (average ->> 'decimals')::INTEGER,
      length(split_part(average ->> 'value', '.', 2))
    )
  ) + 1e-9 AS tolerance,
  average ->> 'source' AS source_id,
  coalesce((average ->> 'preferred')::BOOLEAN, FALSE) AS preferred,
  folder || '/publication.json' AS raw_file
FROM
  averages;
