-- The public quality report: every finding, then one summary row per check and edition saying how many
-- units were checked and how many disagreed. Ordered by every column: the table has no key, and the same input must
-- give the same order.
CREATE TABLE quality AS
WITH
  checked AS (
    SELECT
      'published-rank-vs-computed' AS "check",
      o.index,
      o.year,
      count(*) AS units_checked
    FROM
      observations_located o
      JOIN ranks r USING (index, year, unit_id, measure)
    WHERE
      o.published_rank IS NOT NULL
      AND r.computed_rank IS NOT NULL
    GROUP BY ALL
    UNION ALL
    SELECT
      'total-equals-sum-of-parts',
      o.index,
      o.year,
      count(*)
    FROM
      observations_located o
      JOIN (
        SELECT DISTINCT
          index,
          total,
          from_year,
          to_year
        FROM
          stg_sum_checks
      ) s ON s.index = o.index
      AND s.total = o.measure
      AND o.year BETWEEN coalesce(s.from_year, o.year) AND coalesce(s.to_year, o.year)
    WHERE
      o.value IS NOT NULL
    GROUP BY ALL
    UNION ALL
    SELECT
      'total-equals-weighted-parts',
      o.index,
      o.year,
      count(*)
    FROM
      observations_located o
      JOIN weighted_parts w ON w.index = o.index
      AND w.year = o.year
      AND w.unit_id = o.unit_id
      AND w.total = o.measure
    WHERE
      o.value IS NOT NULL
      AND w.complete
    GROUP BY ALL
  )
SELECT
  "check",
  severity,
  index,
  year,
  unit_id,
  measure,
  published,
  computed,
  message,
  message_vi,
  raw_file,
  raw_cell,
  NULL::BIGINT AS units_checked,
  NULL::BIGINT AS units_failed
FROM
  quality_findings
UNION ALL
SELECT
  c."check",
  'summary',
  c.index,
  c.year,
  NULL,
  NULL,
  NULL,
  NULL,
  format('{} of {} checked', c.units_checked - coalesce(f.failed, 0), c.units_checked) || ' agree',
  format(
    '{}/{} đơn vị được kiểm tra khớp',
    c.units_checked - coalesce(f.failed, 0),
    c.units_checked
  ),
  NULL,
  NULL,
  c.units_checked,
  coalesce(f.failed, 0)
FROM
  checked c
  LEFT JOIN (
    SELECT
      "check",
      index,
      year,
      count(DISTINCT unit_id) AS failed
    FROM
      quality_findings
    GROUP BY ALL
  ) f USING ("check", index, year)
UNION ALL
SELECT
  'independent-figures',
  'summary',
  index,
  year,
  NULL,
  NULL,
  NULL,
  NULL,
  format('checked against {} independent figures: {} agree', checked, agree) || CASE
    WHEN declared > 0 THEN format(' ({} declared disagreement(s))', declared)
    ELSE ''
  END,
  format('đối chiếu với {} số liệu độc lập: {} khớp', checked, agree) || CASE
    WHEN declared > 0 THEN format(' ({} khác biệt đã ghi nhận)', declared)
    ELSE ''
  END,
  NULL,
  NULL,
  checked,
  checked - agree
FROM
  independent_check_counts
ORDER BY
  index,
  year,
  "check",
  severity,
  unit_id,
  measure,
  message,
  message_vi,
  published,
  computed,
  raw_file,
  raw_cell,
  units_checked,
  units_failed;
