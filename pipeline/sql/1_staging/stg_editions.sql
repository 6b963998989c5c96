-- One row per edition (raw/<index>/<year>/publication.json): where it comes from and how large its universe is
-- (the units it covers: the unit set's, or those its tables list when "universe" is "listed"). The document is parsed
-- once, into the fields named here: each ->> would parse all of it again (4x slower).
CREATE TABLE stg_editions AS
WITH
  parsed AS (
    SELECT
      index,
      year,
      folder,
      universe,
      json_transform(
        publication,
        '{"unit_set": "VARCHAR", "published": "VARCHAR", "publisher": "VARCHAR",
          "title": {"vi": "VARCHAR", "en": "VARCHAR"}, "methodology": {"vi": "VARCHAR", "en": "VARCHAR"},
          "scale": {"vi": "VARCHAR", "en": "VARCHAR"}, "license": {"vi": "VARCHAR", "en": "VARCHAR"},
          "not_published": {"vi": "VARCHAR", "en": "VARCHAR"}, "notes": [{"vi": "VARCHAR", "en": "VARCHAR"}],
          "sources": [{"url": "VARCHAR"}], "transcribed_decimals": "INTEGER"}'
      ) AS p
    FROM
      read_editions
  )
SELECT
  index,
  year,
  p.unit_set,
  json_array_length(universe)::INTEGER AS universe_size,
  p.published,
  p.publisher,
  p.title.vi AS title_vi,
  p.title.en AS title_en,
  p.methodology.vi AS methodology_vi,
  p.methodology.en AS methodology_en,
  p.scale.vi AS scale_vi,
  p.scale.en AS scale_en,
  p.license.vi AS license_vi,
  p.license.en AS license_en,
  p.not_published.vi AS not_published_vi,
  p.not_published.en AS not_published_en,
  array_to_string([n.vi FOR n IN p.notes], chr(10)) AS notes_vi,
  array_to_string([n.en FOR n IN p.notes], chr(10)) AS notes_en,
  folder,
  array_to_string([s.url FOR s IN p.sources], ' ') AS source_urls,
  p.transcribed_decimals
FROM
  parsed;
