-- The sources of each edition (publication.json "sources"): the articles, reports and workbooks its figures come from.
-- A publisher is a name (the same in both languages) or {"vi": …, "en": …}.
CREATE TABLE stg_sources AS
SELECT
  index,
  year,
  s.source ->> 'id' AS source_id,
  s.source ->> 'url' AS url,
  s.source ->> 'title' AS title,
  s.source ->> 'title_lang' AS title_lang,
  s.source ->> '$.description.vi' AS description_vi,
  s.source ->> '$.description.en' AS description_en,
  coalesce(s.source ->> '$.publisher.vi', s.source ->> 'publisher') AS publisher_vi,
  coalesce(s.source ->> '$.publisher.en', s.source ->> 'publisher') AS publisher_en,
  s.source ->> 'date' AS date,
  coalesce(CAST(s.source -> 'date_approximate' AS BOOLEAN), FALSE) AS date_approximate,
  s.source ->> 'kind' AS kind,
  s.source ->> '$.note.vi' AS note_vi,
  s.source ->> '$.note.en' AS note_en
FROM
  read_editions,
  unnest(publication -> '$.sources[*]') AS s (source);
