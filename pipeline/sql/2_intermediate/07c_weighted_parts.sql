-- The weighted-sum rule (PCI, raw/pci/index.json "checks.weighted"): for each unit, year and total, the sum of
-- weight × part / 10 over the parts the unit has. complete: it has every part of the rule for that year; only then
-- is the total checked (08_quality_findings) and counted as checked (15_quality).
CREATE TABLE weighted_parts AS
SELECT
  o.index,
  o.year,
  o.unit_id,
  w.total,
  min(w.tolerance) AS tolerance,
  sum((w.weight * o.value)::DECIMAL(38, 12))::DOUBLE / 10 AS weighted_sum,
  count(o.value) AS parts,
  count(o.value) = min(n.parts) AS complete
FROM
  observations_located o
  JOIN stg_weighted_checks w ON w.index = o.index
  AND w.part = o.measure
  AND o.year BETWEEN w.from_year AND w.to_year
  JOIN (
    SELECT
      index,
      from_year,
      count(*) AS parts
    FROM
      stg_weighted_checks
    GROUP BY ALL
  ) n ON n.index = w.index
  AND n.from_year = w.from_year
GROUP BY
  o.index,
  o.year,
  o.unit_id,
  w.total;
