-- Every figure printed for an edition by a source other than the one chiso publishes (raw tables with
-- "role": "independent", and non-preferred published averages), beside the figure chiso publishes for the same
-- thing. agrees: equal within half a unit of the other source's last printed decimal (ranks and changes exactly);
-- null where chiso holds no figure to compare with. declared, declared_vi: the reason given in raw/ for a known
-- disagreement, in English and in Vietnamese.
CREATE TABLE other_source_figures AS
WITH
  figures AS (
    SELECT
      v.index,
      v.year,
      v.unit_id,
      NULL::VARCHAR AS area_id,
      v.measure,
      v.field,
      v.value,
      v.label,
      v.tolerance,
      v.source_id,
      v.declared,
      v.declared_vi,
      v.raw_file,
      v.raw_cell,
      CASE v.field
        WHEN 'value' THEN o.value
        WHEN 'rank' THEN r.rank::DOUBLE
        WHEN 'rank_change' THEN coalesce(o.published_rank_change, c.rank_change)::DOUBLE
      END AS chiso_value,
      CASE
        WHEN v.field = 'group' THEN g."group"
      END AS chiso_label,
      o.source_id AS chiso_source_id,
      o.raw_file AS chiso_raw_file,
      CASE v.field
        WHEN 'rank' THEN o.raw_rank_cell
        WHEN 'rank_change' THEN o.raw_change_cell
        ELSE o.raw_cell
      END AS chiso_raw_cell
    FROM
      stg_source_values v
      LEFT JOIN observations_located o USING (index, year, unit_id, measure)
      LEFT JOIN ranks r USING (index, year, unit_id, measure)
      LEFT JOIN changes c USING (index, year, unit_id, measure)
      LEFT JOIN groups g USING (index, year, unit_id, measure)
    UNION ALL
    SELECT
      p.index,
      p.year,
      NULL,
      p.area_id,
      p.measure,
      'average',
      p.value,
      NULL,
      p.tolerance,
      p.source_id,
      'another source prints a different average',
      'một nguồn khác in số bình quân khác',
      p.raw_file,
      NULL,
      a.published_value,
      NULL,
      a.published_source_id,
      a.raw_file,
      NULL
    FROM
      stg_published_averages p
      JOIN (
        SELECT
          r.*,
          q.raw_file
        FROM
          area_averages r
          JOIN stg_published_averages q ON q.index = r.index
          AND q.year = r.year
          AND q.area_id = r.area_id
          AND q.measure = r.measure
          AND q.source_id = r.published_source_id
      ) a ON a.index = p.index
      AND a.year = p.year
      AND a.area_id = p.area_id
      AND a.measure = p.measure
      AND a.published_source_id <> p.source_id
  )
SELECT
  f.index,
  f.year,
  f.unit_id,
  u.name_vi AS unit_name_vi,
  f.area_id,
  f.measure,
  f.field,
  f.value,
  f.label,
  f.source_id,
  s.url AS source_url,
  s.publisher_vi AS source_publisher_vi,
  s.publisher_en AS source_publisher_en,
  s.kind AS source_kind,
  f.chiso_value,
  f.chiso_label,
  f.chiso_source_id,
  CASE
    WHEN f.field = 'group' THEN f.label = f.chiso_label
    WHEN f.chiso_value IS NOT NULL THEN abs(f.value - f.chiso_value) <= f.tolerance
  END AS agrees,
  f.declared,
  f.declared_vi,
  f.raw_file,
  f.raw_cell,
  f.chiso_raw_file,
  f.chiso_raw_cell
FROM
  figures f
  LEFT JOIN stg_units u USING (unit_id)
  LEFT JOIN stg_sources s USING (index, year, source_id)
ORDER BY
  f.index,
  f.year,
  f.unit_id,
  f.area_id,
  f.measure,
  f.field,
  f.source_id;
