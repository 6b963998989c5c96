-- How much of each edition's universe each measure covers. A measure is complete when the edition claims it in
-- complete_measures (the reader has checked the claim): only complete measures are ranked, grouped and averaged.
CREATE TABLE edition_measure_coverage AS
SELECT
  o.index,
  o.year,
  o.measure,
  min(o.universe_size) AS universe_size,
  count(o.value) AS units_scored,
  count(*) FILTER(
    WHERE
      o.status = 'not-scored'
  ) AS units_not_scored,
  count(o.published_rank) AS published_ranks,
  (c.measure IS NOT NULL) AS is_complete
FROM
  observations_located o
  LEFT JOIN stg_complete_measures c USING (index, year, measure)
GROUP BY
  o.index,
  o.year,
  o.measure,
  c.measure;
