-- The sources of each edition (publication.json "sources"): the articles, reports and workbooks its figures come from.
CREATE TABLE stg_sources AS
SELECT
  index,
  year,
  s.source ->> 'id' AS source_id,
  s.source ->> 'url' AS url,
  s.source ->> 'title' AS title,
  s.source ->> 'publisher' AS publisher,
  s.source ->> 'date' AS date,
  s.source ->> 'kind' AS kind,
  s.source ->> '$.note.vi' AS note_vi,
  s.source ->> '$.note.en' AS note_en
FROM
  read_editions,
  unnest(publication -> '$.sources[*]') AS s (source);
