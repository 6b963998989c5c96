-- One row per edition (publication) with its coverage: how many units of its universe have the headline score,
-- a published rank, which measures are complete, and how many independent figures its figures were checked against.
CREATE TABLE editions AS
SELECT
  e.index,
  e.year,
  e.unit_set,
  e.published,
  e.publisher,
  e.title_vi,
  e.title_en,
  e.methodology_vi,
  e.methodology_en,
  e.scale_vi,
  e.scale_en,
  e.universe_size,
  coalesce(h.units_scored, 0) AS headline_scored,
  coalesce(h.units_not_scored, 0) AS headline_not_scored,
  coalesce(h.published_ranks, 0) AS headline_published_ranks,
  coalesce(h.is_complete, FALSE) AS headline_complete,
  (
    SELECT
      string_agg(
        c.measure,
        '|'
        ORDER BY
          m.position
      )
    FROM
      edition_measure_coverage c
      JOIN (
        SELECT DISTINCT
          index,
          measure,
          position
        FROM
          stg_measures
      ) m USING (index, measure)
    WHERE
      c.index = e.index
      AND c.year = e.year
      AND c.is_complete
  ) AS complete_measures,
  (
    SELECT
      count(*)
    FROM
      observations_located o
    WHERE
      o.index = e.index
      AND o.year = e.year
  ) AS observations,
  coalesce(v.checked, 0) AS independent_figures_checked,
  coalesce(v.agree, 0) AS independent_figures_agree,
  coalesce(v.declared, 0) AS independent_figures_declared,
  e.not_published_vi,
  e.not_published_en,
  e.license_vi,
  e.license_en,
  e.notes_vi,
  e.notes_en,
  e.folder,
  e.source_urls
FROM
  stg_editions e
  JOIN stg_indices i USING (index)
  LEFT JOIN edition_measure_coverage h ON h.index = e.index
  AND h.year = e.year
  AND h.measure = i.headline
  LEFT JOIN independent_check_counts v ON v.index = e.index
  AND v.year = e.year
ORDER BY
  e.index,
  e.year;
