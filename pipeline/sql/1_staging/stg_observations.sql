-- One row per (edition, unit, measure) the edition's own tables give, as read and validated by pipeline/read/
-- (numbers read strictly, names matched to units, not-scored units declared), with the cells it was read from. A
-- view, not a table: its one reader, 01_observations_located.sql, copies it anyway.
CREATE VIEW stg_observations AS
SELECT
  index,
  year,
  unit_id,
  measure,
  value,
  published_rank,
  published_group,
  status,
  status_note_vi,
  status_note_en,
  source_id,
  raw_file,
  raw_sheet,
  raw_cell,
  raw_rank_cell,
  published_rank_change,
  raw_change_cell
FROM
  read_observations;
