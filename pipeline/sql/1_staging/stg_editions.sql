-- One row per edition (raw/<index>/<year>/publication.json): where it comes from and how large its universe is
-- (the units it covers: the unit set's, or those its tables list when "universe" is "listed").
CREATE TABLE stg_editions AS
SELECT
  index,
  year,
  publication ->> 'unit_set' AS unit_set,
  json_array_length(universe)::INTEGER AS universe_size,
  publication ->> 'published' AS published,
  publication ->> 'publisher' AS publisher,
  publication ->> '$.title.vi' AS title_vi,
  publication ->> '$.title.en' AS title_en,
  publication ->> '$.methodology.vi' AS methodology_vi,
  publication ->> '$.methodology.en' AS methodology_en,
  publication ->> '$.scale.vi' AS scale_vi,
  publication ->> '$.scale.en' AS scale_en,
  publication ->> '$.license.vi' AS license_vi,
  publication ->> '$.license.en' AS license_en,
  publication ->> '$.not_published.vi' AS not_published_vi,
  publication ->> '$.not_published.en' AS not_published_en,
  array_to_string(publication ->> '$.notes[*].vi', chr(10)) AS notes_vi,
  array_to_string(publication ->> '$.notes[*].en', chr(10)) AS notes_en,
  folder,
  array_to_string(publication ->> '$.sources[*].url', ' ') AS source_urls,
  (publication ->> 'transcribed_decimals')::INTEGER AS transcribed_decimals
FROM
  read_editions;
