-- The sum checks (raw/<index>/index.json "checks.sum" for every year, "checks.sums" for some years): one row per
-- part; the total must equal the sum of its parts within the tolerance.
CREATE TABLE stg_sum_checks AS
WITH
  checks AS (
    SELECT
      index,
      definition -> '$.checks.sum' AS chk
    FROM
      read_indices
    WHERE
      (definition -> '$.checks.sum') IS NOT NULL
    UNION ALL
    SELECT
      index,
      c.chk
    FROM
      read_indices,
      unnest(definition -> '$.checks.sums[*]') AS c (chk)
  )
SELECT
  index,
  chk ->> 'total' AS total,
  p.part,
  (chk ->> 'tolerance')::DOUBLE AS tolerance,
  (chk ->> 'from')::INTEGER AS from_year,
  (chk ->> 'to')::INTEGER AS to_year
FROM
  checks,
  unnest(chk ->> '$.parts[*]') AS p (part);
