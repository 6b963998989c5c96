-- One row per figure an independent table (another source for the same edition) prints: a value, rank, printed
-- rank change or group, with half a unit of its last printed decimal as tolerance.
CREATE TABLE stg_source_values AS
SELECT
  index,
  year,
  unit_id,
  measure,
  field,
  value,
  label,
  tolerance,
  source_id,
  declared,
  declared_vi,
  raw_file,
  raw_cell
FROM
  read_source_values;
