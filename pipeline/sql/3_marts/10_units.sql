-- The unit registry (raw/units/): the 63 provinces of 2008–2025, Hà Tây, and the 34 units of 1 July 2025, with
-- their codes, regions, spellings and the crosswalk to the unit each merged into. The current units first.
CREATE TABLE units AS
SELECT
  unit_id,
  era,
  unit_sets,
  name_vi,
  name_en,
  official_name_vi,
  type,
  gso_code,
  gso_code_vintage,
  iso_3166_2,
  region_id,
  region_vi,
  region_en,
  valid_from,
  valid_to,
  successor_id,
  aliases
FROM
  stg_units
ORDER BY
  era DESC,
  gso_code NULLS LAST,
  unit_id;
