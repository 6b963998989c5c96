-- Every figure another source printed for an edition, beside the figure chiso publishes: computed in
-- 2_intermediate/07a_other_source_figures.sql (the checks in 07b use them too).
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
  source_id;
