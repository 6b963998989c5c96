-- Each observation as read from raw/, with its edition's unit set and universe size, the unit's names and
-- region, and the URL of the source it was read from.
CREATE TABLE observations_located AS
SELECT
  o.index,
  o.year,
  e.unit_set,
  o.unit_id,
  u.name_vi AS unit_name_vi,
  u.name_en AS unit_name_en,
  u.gso_code,
  u.gso_code_vintage,
  u.region_id,
  u.region_vi,
  u.region_en,
  o.measure,
  o.value,
  o.published_rank,
  o.published_group,
  o.published_rank_change,
  o.status,
  o.status_note_vi,
  o.status_note_en,
  e.universe_size,
  o.source_id,
  s.url AS source_url,
  s.kind AS source_kind,
  o.raw_file,
  o.raw_sheet,
  o.raw_cell,
  o.raw_rank_cell,
  o.raw_change_cell
FROM
  stg_observations o
  JOIN stg_editions e USING (index, year)
  JOIN stg_units u USING (unit_id)
  LEFT JOIN stg_sources s USING (index, year, source_id);
