-- The sources of each edition (publication.json "sources"): the articles, reports and workbooks its figures come from.
-- A publisher is a name (the same in both languages) or {"vi": …, "en": …}. The sources are parsed once, into the
-- fields named here: each ->> would parse the whole source again.
CREATE TABLE stg_sources AS
SELECT
  index,
  year,
  s.id AS source_id,
  s.url,
  s.title,
  s.title_lang,
  s.description.vi AS description_vi,
  s.description.en AS description_en,
  coalesce(s.publisher ->> 'vi', s.publisher ->> '$') AS publisher_vi,
  coalesce(s.publisher ->> 'en', s.publisher ->> '$') AS publisher_en,
  s.date,
  coalesce(s.date_approximate, FALSE) AS date_approximate,
  s.kind,
  s.note.vi AS note_vi,
  s.note.en AS note_en
FROM
  read_editions,
  unnest(
    json_transform(
      publication -> 'sources',
      '[{"id": "VARCHAR", "url": "VARCHAR", "title": "VARCHAR", "title_lang": "VARCHAR",
         "description": {"vi": "VARCHAR", "en": "VARCHAR"}, "publisher": "JSON", "date": "VARCHAR",
         "date_approximate": "BOOLEAN", "kind": "VARCHAR", "note": {"vi": "VARCHAR", "en": "VARCHAR"}}]'
    )
  ) AS u (s);
