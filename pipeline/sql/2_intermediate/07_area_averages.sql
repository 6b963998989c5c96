-- Averages per socio-economic region and for the whole country. mean_value is chiso's unweighted mean of the
-- provincial values (summed as DECIMAL, exactly, so the same whatever order the rows come in), for every complete
-- measure of a legacy (63/64-unit) edition; published_value is the average the publisher or the press printed (raw
-- publication.json "published_averages"; where two sources differ, the preferred one, the other is in
-- source_values). The publisher's national figure may be computed at respondent level, so the two need not agree; a
-- difference beyond rounding is a quality finding.
CREATE TABLE area_averages AS
WITH
  computed AS (
    SELECT
      o.index,
      o.year,
      o.measure,
      coalesce(o.region_id, 'national') AS area_id,
      avg(o.value::DECIMAL(38, 12)) AS mean_value,
      count(o.value) AS units_scored,
      count(*) AS units
    FROM
      observations_located o
      JOIN edition_measure_coverage c USING (index, year, measure)
    WHERE
      c.is_complete
      AND o.unit_set <> 'merged-34'
    GROUP BY
      GROUPING SETS ((o.index, o.year, o.measure, o.region_id), (o.index, o.year, o.measure))
  ),
  published AS (
    SELECT
      p.*,
      s.url AS source_url,
      s.kind AS source_kind
    FROM
      stg_published_averages p
      LEFT JOIN stg_sources s USING (index, year, source_id)
    WHERE
      p.preferred
      OR NOT EXISTS (
        SELECT
          1
        FROM
          stg_published_averages q
        WHERE
          q.index = p.index
          AND q.year = p.year
          AND q.area_id = p.area_id
          AND q.measure = p.measure
          AND q.source_id <> p.source_id
      )
  ),
  regions AS (
    SELECT DISTINCT
      region_id,
      region_vi,
      region_en
    FROM
      stg_units
    WHERE
      region_id IS NOT NULL
  )
SELECT
  index,
  year,
  measure,
  area_id,
  CASE
    WHEN area_id = 'national' THEN 'Cả nước'
    ELSE r.region_vi
  END AS area_name_vi,
  CASE
    WHEN area_id = 'national' THEN 'Whole country'
    ELSE r.region_en
  END AS area_name_en,
  c.mean_value,
  c.units_scored,
  c.units,
  p.value AS published_value,
  p.source_id AS published_source_id,
  p.source_url AS published_source_url,
  p.source_kind AS published_source_kind,
  p.tolerance AS published_tolerance
FROM
  computed c
  FULL OUTER JOIN published p USING (index, year, measure, area_id)
  LEFT JOIN regions r ON r.region_id = area_id;
