-- One row per index (raw/<index>/index.json): names, publisher, headline measure and how its groups are made.
CREATE TABLE stg_indices AS
SELECT
  index,
  definition ->> '$.name.vi' AS name_vi,
  definition ->> '$.name.en' AS name_en,
  definition ->> '$.full_name.vi' AS full_name_vi,
  definition ->> '$.full_name.en' AS full_name_en,
  definition ->> '$.publisher.vi' AS publisher_vi,
  definition ->> '$.publisher.en' AS publisher_en,
  definition ->> 'url' AS url,
  definition ->> 'headline' AS headline,
  definition ->> '$.groups.method' AS group_method,
  coalesce(definition ->> '$.groups.quartile_rule', 'inclusive') AS quartile_rule
FROM
  read_indices;
