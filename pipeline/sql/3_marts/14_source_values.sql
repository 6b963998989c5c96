-- Every figure another source printed for an edition, beside the figure chiso publishes: computed in
-- 2_intermediate/07a_other_source_figures.sql (the checks in 07b use them too). Ordered by every column: the table has
-- no key, and the same input must give the same order.
CREATE TABLE source_values AS
SELECT
  *
FROM
  other_source_figures
ORDER BY
  index,
  year,
  unit_id,
  area_id,
  measure,
  field,
  source_id,
  unit_name_vi,
  value,
  label,
  source_url,
  source_publisher_vi,
  source_publisher_en,
  source_kind,
  chiso_value,
  chiso_label,
  chiso_source_id,
  agrees,
  declared,
  declared_vi,
  raw_file,
  raw_cell,
  chiso_raw_file,
  chiso_raw_cell;
