-- Groups of the headline measure.
--   quartiles (PAPI): four groups by percentile of the score among the scored units of a complete edition:
--     ≥ 75th percentile, 50th–75th, 25th–50th, below the 25th. The percentiles are interpolated by the index's
--     quartile_rule: inclusive = position (n − 1)·p + 1 (Excel QUARTILE.INC); hazen = position n·p + 0.5, which
--     reproduces the publisher's printed group counts (PAPI: 16/16/15/16 of 63, 15 in the top group of 61).
--   bands (PAR INDEX): fixed thresholds on the unit's own score, per year (2018: A ≥ 80, B ≥ 75, C ≥ 70).
--   published (PCI): the label the publisher printed.
CREATE TABLE groups AS
WITH
  headline AS (
    SELECT
      o.*,
      i.group_method,
      i.quartile_rule,
      c.is_complete
    FROM
      observations_located o
      JOIN stg_indices i ON i.index = o.index
      AND i.headline = o.measure
      JOIN edition_measure_coverage c ON c.index = o.index
      AND c.year = o.year
      AND c.measure = o.measure
  ),
  scored AS (
    SELECT
      index,
      year,
      min(quartile_rule) AS quartile_rule,
      list_sort(list(value)) AS v,
      count(*) AS n
    FROM
      headline
    WHERE
      group_method = 'quartiles'
      AND is_complete
      AND value IS NOT NULL
    GROUP BY
      index,
      year
  ),
  positions AS (
    SELECT
      s.*,
      p.p,
      greatest(
        1,
        least(
          n,
          CASE
            WHEN quartile_rule = 'hazen' THEN n * p.p + 0.5
            ELSE (n - 1) * p.p + 1
          END
        )
      ) AS h
    FROM
      scored s,
      (
        VALUES
          (0.25),
          (0.5),
          (0.75)
      ) p (p)
  ),
  quartiles AS (
    SELECT
      index,
      year,
      max(q) FILTER(
        WHERE
          p = 0.75
      ) AS q75,
      max(q) FILTER(
        WHERE
          p = 0.5
      ) AS q50,
      max(q) FILTER(
        WHERE
          p = 0.25
      ) AS q25
    FROM
      (
        SELECT
          index,
          year,
          p,
          v[floor(h)::INTEGER] + (h - floor(h)) * (v[least(n, floor(h)::INTEGER + 1)] - v[floor(h)::INTEGER]) AS q
        FROM
          positions
      )
    GROUP BY
      index,
      year
  ),
  computed AS (
    SELECT
      h.index,
      h.year,
      h.unit_id,
      h.measure,
      CASE
        WHEN h.group_method = 'quartiles'
        AND q.q75 IS NOT NULL
        AND h.value IS NOT NULL THEN CASE
          WHEN h.value >= q.q75 THEN '1-best'
          WHEN h.value >= q.q50 THEN '2-high-average'
          WHEN h.value >= q.q25 THEN '3-low-average'
          ELSE '4-poor'
        END
        WHEN h.group_method = 'bands'
        AND h.value IS NOT NULL THEN (
          SELECT
            label
          FROM
            stg_group_bands b
          WHERE
            b.index = h.index
            AND h.value >= b.min
            AND h.year >= coalesce(b.from_year, h.year)
            AND h.year <= coalesce(b.to_year, h.year)
          ORDER BY
            b.min DESC
          LIMIT
            1
        )
      END AS computed_group,
      h.published_group
    FROM
      headline h
      LEFT JOIN quartiles q USING (index, year)
  )
SELECT
  index,
  year,
  unit_id,
  measure,
  coalesce(published_group, computed_group) AS "group",
  CASE
    WHEN published_group IS NOT NULL THEN 'published'
    WHEN computed_group IS NOT NULL THEN 'computed'
  END AS group_source,
  computed_group,
  published_group
FROM
  computed;
