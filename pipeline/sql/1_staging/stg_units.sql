-- The provincial units of raw/units/ (the registry as read): the 63 provinces of 2008–2025, Hà Tây, and the 34
-- units of 1 July 2025, with their codes, region and successor. unit_sets and aliases are '|'-separated.
CREATE TABLE stg_units AS
SELECT
  unit ->> 'id' AS unit_id,
  unit ->> 'era' AS era,
  unit ->> 'name_vi' AS name_vi,
  unit ->> 'name_en' AS name_en,
  unit ->> 'official_name_vi' AS official_name_vi,
  unit ->> 'type' AS type,
  unit ->> 'gso_code' AS gso_code,
  unit ->> 'gso_code_vintage' AS gso_code_vintage,
  unit ->> 'iso_3166_2' AS iso_3166_2,
  unit ->> 'region_id' AS region_id,
  unit ->> 'region_vi' AS region_vi,
  unit ->> 'region_en' AS region_en,
  unit ->> 'valid_from' AS valid_from,
  unit ->> 'valid_to' AS valid_to,
  unit ->> 'successor_id' AS successor_id,
  array_to_string(unit ->> '$.unit_sets[*]', '|') AS unit_sets,
  -- each spelling once, in the registry's order
  array_to_string(
    list_filter(
      unit ->> '$.aliases[*]',
      (a, i) -> list_position(unit ->> '$.aliases[*]', a) = i
    ),
    '|'
  ) AS aliases
FROM
  read_units;
