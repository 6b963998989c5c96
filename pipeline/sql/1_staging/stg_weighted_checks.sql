-- The weighted-sum checks (raw/pci/index.json "checks.weighted"): one row per period and part, with its weight;
-- the total must equal the sum of weight × part / 10 within the tolerance.
CREATE TABLE stg_weighted_checks AS
WITH
  checks AS (
    SELECT
      index,
      c.chk
    FROM
      read_indices,
      unnest(definition -> '$.checks.weighted[*]') AS c (chk)
  )
SELECT
  index,
  chk ->> 'total' AS total,
  (chk ->> 'from')::INTEGER AS from_year,
  (chk ->> 'to')::INTEGER AS to_year,
  p.part,
  (chk -> 'weights' ->> p.part)::DOUBLE AS weight,
  (chk ->> 'tolerance')::DOUBLE AS tolerance
FROM
  checks,
  unnest(json_keys(chk -> 'weights')) AS p (part);
