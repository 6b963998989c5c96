-- How many units a source prints in each group (publication.json "group_counts"), checked against the groups.
CREATE TABLE stg_group_counts AS
SELECT
  index,
  year,
  g.count ->> 'group' AS group_label,
  (g.count ->> 'count')::INTEGER AS printed_count,
  g.count ->> 'source' AS source_id,
  folder || '/publication.json' AS raw_file
FROM
  read_editions,
  unnest(publication -> '$.group_counts[*]') AS g (count);
