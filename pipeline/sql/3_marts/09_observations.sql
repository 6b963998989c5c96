-- The public tidy table: one row per (index, year, unit, measure) that a publication gave, with ranks, changes,
-- groups and where each value came from.
CREATE TABLE observations AS
SELECT
  o.index,
  o.year,
  o.unit_set,
  o.unit_id,
  o.unit_name_vi,
  o.unit_name_en,
  o.gso_code,
  o.gso_code_vintage,
  o.region_id AS region,
  o.measure,
  o.value,
  r.rank,
  r.rank_of,
  r.rank_source,
  r.computed_rank,
  r.units_scored,
  c.rank_change,
  o.published_rank_change,
  c.value_change,
  c.previous_year,
  c.change_note,
  g."group",
  g.group_source,
  o.status,
  o.status_note_vi,
  o.status_note_en,
  o.source_id,
  o.source_url,
  o.source_kind,
  o.raw_file,
  o.raw_sheet,
  o.raw_cell,
  o.raw_rank_cell,
  o.raw_change_cell
FROM
  observations_located o
  JOIN ranks r USING (index, year, unit_id, measure)
  JOIN changes c USING (index, year, unit_id, measure)
  LEFT JOIN groups g USING (index, year, unit_id, measure)
ORDER BY
  o.index,
  o.year,
  o.unit_id,
  o.measure;
