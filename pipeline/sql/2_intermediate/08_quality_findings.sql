-- Every disagreement the pipeline can see, one row each. severity 'error' stops the build (a transcription slip
-- or an impossible figure); 'warning' is published in the quality dataset and printed in the build output.
-- message says it in English (the build output and the English pages), message_vi in Vietnamese with Vietnamese
-- numbers (45,34) for the Vietnamese pages; an error stops the build and has no message_vi.
CREATE TABLE quality_findings AS
WITH
  measure_names AS (
    SELECT DISTINCT
      index,
      measure,
      name_vi
    FROM
      stg_measures
  ),
  -- The name of each area a published average is for (the disagreements name it by its id, in what).
  area_names AS (
    SELECT DISTINCT
      index,
      year,
      area_id AS what,
      area_name_vi
    FROM
      area_averages
  ),
  located AS (
    SELECT
      o.*,
      r.computed_rank,
      g.computed_group
    FROM
      observations_located o
      JOIN ranks r USING (index, year, unit_id, measure)
      LEFT JOIN groups g USING (index, year, unit_id, measure)
  ),
  -- How many other units share each value of a measure with printed ranks (a tie), for the rank check.
  ties AS (
    SELECT
      o.index,
      o.year,
      o.measure,
      o.value,
      count(*) - 1 AS tied_with
    FROM
      observations_located o
      SEMI JOIN edition_measure_coverage c ON c.index = o.index
      AND c.year = o.year
      AND c.measure = o.measure
      AND c.published_ranks > 0
    WHERE
      o.value IS NOT NULL
    GROUP BY ALL
  ),
  -- Each observation with the decimals its value is written with (up to 3; null for more): a part or total typed
  -- from a printed table.
  measured AS (
    SELECT
      o.*,
      CASE
        WHEN abs(o.value - round(o.value, 0)) < 1e-9 THEN 0
        WHEN abs(o.value - round(o.value, 1)) < 1e-9 THEN 1
        WHEN abs(o.value - round(o.value, 2)) < 1e-9 THEN 2
        WHEN abs(o.value - round(o.value, 3)) < 1e-9 THEN 3
      END AS decimals
    FROM
      observations_located o
  ),
  sum_parts AS (
    -- Declared rounding (publication.json "transcribed_decimals"): each part and the total may be off by half a unit
    -- of their last decimal, so the sum check allows (parts + 1) halves on top of the index's own tolerance.
    SELECT
      o.index,
      o.year,
      o.unit_id,
      s.total,
      sum(o.value::DECIMAL(38, 12))::DOUBLE AS parts_sum,
      count(o.value) AS parts,
      greatest(
        min(s.tolerance),
        coalesce((count(o.value) + 1) * 0.5 * pow(10, - min(e.transcribed_decimals)), 0)
      ) AS tolerance,
      max(o.decimals) AS part_decimals,
      bool_and(o.decimals IS NOT NULL) AS parts_rounded,
      min(e.transcribed_decimals) AS declared_decimals
    FROM
      measured o
      JOIN stg_sum_checks s ON s.index = o.index
      AND s.part = o.measure
      AND o.year BETWEEN coalesce(s.from_year, o.year) AND coalesce(s.to_year, o.year)
      JOIN stg_editions e ON e.index = o.index
      AND e.year = o.year
    GROUP BY ALL
  ),
  -- Pairs of units with printed ranks in the same edition and measure (pairs of printed ranks only: comparing every
  -- pair of units would grow with the square of an edition's size).
  printed_rank_pairs AS (
    SELECT
      a.index,
      a.year,
      a.unit_id,
      a.measure,
      a.raw_file,
      a.raw_rank_cell,
      a.unit_name_vi,
      a.value,
      a.published_rank,
      b.unit_id AS other_unit_id,
      b.unit_name_vi AS other_unit_name_vi,
      b.value AS other_value,
      b.published_rank AS other_published_rank
    FROM
      located a
      JOIN located b ON a.index = b.index
      AND a.year = b.year
      AND a.measure = b.measure
      AND a.unit_id <> b.unit_id
    WHERE
      a.published_rank IS NOT NULL
      AND b.published_rank IS NOT NULL
  ),
  -- The comparisons with an independent figure that disagree.
  disagreements AS (
    SELECT
      *
    FROM
      independent_checks
    WHERE
      NOT agrees
  ),
  -- The printed rank changes that disagree, each change signed as the press writes it (+24, -3, 0).
  rank_change_disagreements AS (
    SELECT
      *,
      CASE
        WHEN printed > 0 THEN '+'
        ELSE ''
      END || printed::INTEGER AS printed_change,
      CASE
        WHEN held > 0 THEN '+'
        ELSE ''
      END || held::INTEGER AS held_change
    FROM
      disagreements
    WHERE
      kind = 'printed-rank-change'
  ),
  parts_expected AS (
    SELECT
      s.index,
      c.year,
      count(*) AS parts
    FROM
      stg_sum_checks s
      JOIN edition_measure_coverage c ON c.index = s.index
      AND c.measure = s.part
      AND c.year BETWEEN coalesce(s.from_year, c.year) AND coalesce(s.to_year, c.year)
    GROUP BY ALL
  )
SELECT
  'published-rank-vs-computed' AS "check",
  -- A tie broken with more decimals than published explains a rank within the tied block; anything else is a slip.
  CASE
    WHEN published_rank BETWEEN computed_rank AND computed_rank + tied_with THEN 'warning'
    ELSE 'error'
  END AS severity,
  index,
  year,
  unit_id,
  measure,
  published_rank::DOUBLE AS published,
  computed_rank::DOUBLE AS computed,
  format(
    'the publication prints rank {} but the scores give rank {}',
    published_rank,
    computed_rank
  ) || CASE
    WHEN tied_with > 0 THEN format(
      ' (tied with {} other unit(s) at {}; the publisher may break ties with more decimals)',
      tied_with,
      value
    )
    ELSE ''
  END AS message,
  CASE
    WHEN severity = 'warning' THEN format(
      'bản công bố in hạng {} nhưng điểm số cho hạng {}',
      published_rank,
      computed_rank
    ) || CASE
      WHEN tied_with > 0 THEN format(
        ' (bằng điểm {} với {} đơn vị khác; nhà công bố có thể phân định bằng nhiều chữ số thập phân hơn)',
        replace(value::VARCHAR, '.', ','),
        tied_with
      )
      ELSE ''
    END
  END AS message_vi,
  raw_file,
  raw_rank_cell AS raw_cell
FROM
  located
  LEFT JOIN ties USING (index, year, measure, value)
WHERE
  published_rank IS NOT NULL
  AND computed_rank IS NOT NULL
  AND published_rank <> computed_rank
UNION ALL
SELECT
  'rank-beyond-universe',
  'error',
  index,
  year,
  unit_id,
  measure,
  published_rank,
  universe_size,
  format(
    'published rank {} is larger than the number of units in the edition ({})',
    published_rank,
    universe_size
  ),
  NULL,
  raw_file,
  raw_rank_cell
FROM
  located
WHERE
  published_rank > universe_size
UNION ALL
SELECT
  'published-ranks-contradict-scores',
  'warning',
  index,
  year,
  unit_id,
  measure,
  published_rank,
  other_published_rank,
  format(
    '{} scores {} with rank {}, but {} scores {} with rank {}',
    unit_name_vi,
    value,
    published_rank,
    other_unit_name_vi,
    other_value,
    other_published_rank
  ),
  format(
    '{} được {} điểm, xếp hạng {}, nhưng {} được {} điểm lại xếp hạng {}',
    unit_name_vi,
    replace(value::VARCHAR, '.', ','),
    published_rank,
    other_unit_name_vi,
    replace(other_value::VARCHAR, '.', ','),
    other_published_rank
  ),
  raw_file,
  raw_rank_cell
FROM
  printed_rank_pairs
WHERE
  value > other_value
  AND published_rank > other_published_rank
UNION ALL
SELECT
  'same-published-rank',
  'warning',
  index,
  year,
  unit_id,
  measure,
  published_rank,
  NULL,
  format(
    '{} and {} are both printed at rank {}{}',
    unit_name_vi,
    other_unit_name_vi,
    published_rank,
    CASE
      WHEN value = other_value THEN ' with the same score (a tie)'
      ELSE ' although their scores differ or are unknown'
    END
  ),
  format(
    '{} và {} cùng được in ở hạng {}{}',
    unit_name_vi,
    other_unit_name_vi,
    published_rank,
    CASE
      WHEN value = other_value THEN ' với cùng số điểm (đồng hạng)'
      ELSE ' dù điểm số khác nhau hoặc không rõ'
    END
  ),
  raw_file,
  raw_rank_cell
FROM
  printed_rank_pairs
WHERE
  unit_id < other_unit_id
  AND published_rank = other_published_rank
  AND value IS DISTINCT FROM other_value
UNION ALL
SELECT
  'published-group-vs-computed',
  'warning',
  index,
  year,
  unit_id,
  measure,
  NULL,
  NULL,
  format(
    'the publication puts it in group "{}" but the scores give "{}"',
    published_group,
    computed_group
  ),
  format(
    'bản công bố xếp vào nhóm "{}" nhưng điểm số cho nhóm "{}"',
    published_group,
    computed_group
  ),
  raw_file,
  raw_cell
FROM
  located
WHERE
  published_group IS NOT NULL
  AND computed_group IS NOT NULL
  AND published_group <> computed_group
UNION ALL
SELECT
  'total-equals-sum-of-parts',
  'error',
  o.index,
  o.year,
  o.unit_id,
  o.measure,
  o.value,
  p.parts_sum,
  format(
    '{} is {} but its {} parts add up to {} (tolerance {})',
    o.measure,
    o.value,
    p.parts,
    round(p.parts_sum, 6),
    p.tolerance
  ) || CASE
    WHEN p.declared_decimals IS NULL
    AND p.parts_rounded
    AND greatest(p.part_decimals, o.decimals) >= 1
    AND abs(o.value - p.parts_sum) <= (p.parts + 1) * 0.5 * pow(10, - greatest(p.part_decimals, o.decimals)) + 1e-9 THEN format(
      '. This is rounding, not a slip: the figures have {} decimal(s), and rounding {} parts and the total can move them apart by up to {}. If the table was typed from a publication that prints {} decimal(s), declare "transcribed_decimals": {} in publication.json',
      greatest(p.part_decimals, o.decimals),
      p.parts,
      round((p.parts + 1) * 0.5 * pow(10, - greatest(p.part_decimals, o.decimals)), 6),
      greatest(p.part_decimals, o.decimals),
      greatest(p.part_decimals, o.decimals)
    )
    ELSE ''
  END,
  NULL,
  o.raw_file,
  o.raw_cell
FROM
  measured o
  JOIN sum_parts p ON p.index = o.index
  AND p.year = o.year
  AND p.unit_id = o.unit_id
  AND p.total = o.measure
  JOIN parts_expected e ON e.index = o.index
  AND e.year = o.year
  AND e.parts = p.parts
WHERE
  o.value IS NOT NULL
  AND abs(o.value - p.parts_sum) > p.tolerance
UNION ALL
SELECT
  'total-equals-weighted-parts',
  'error',
  o.index,
  o.year,
  o.unit_id,
  o.measure,
  o.value,
  w.weighted_sum,
  format(
    '{} is {} but the weighted sum of its {} sub-indices is {} (tolerance {})',
    o.measure,
    o.value,
    w.parts,
    round(w.weighted_sum, 4),
    w.tolerance
  ),
  NULL,
  o.raw_file,
  o.raw_cell
FROM
  observations_located o
  JOIN weighted_parts w ON w.index = o.index
  AND w.year = o.year
  AND w.unit_id = o.unit_id
  AND w.total = o.measure
WHERE
  o.value IS NOT NULL
  AND w.complete
  AND abs(o.value - w.weighted_sum) > w.tolerance
UNION ALL
-- Another source prints a different figure: a declared disagreement is published as a warning; an undeclared one
-- (a transcription that contradicts a press figure, or a new conflict) stops the build at the cell chiso would publish.
SELECT
  CASE
    WHEN declared IS NULL THEN 'independent-figure-disagrees'
    ELSE 'source-disagreement'
  END,
  CASE
    WHEN declared IS NULL THEN 'error'
    ELSE 'warning'
  END,
  index,
  year,
  unit_id,
  measure,
  printed,
  held,
  format(
    '{} {} is {} here, but source {} prints {} ({}{}){}',
    measure,
    what,
    held,
    source_id,
    printed,
    raw_file,
    coalesce(' ' || raw_cell, ''),
    CASE
      WHEN declared IS NULL THEN '; check the publication, or declare the disagreement in that table'
      ELSE '; declared: ' || declared
    END
  ),
  CASE
    WHEN declared IS NOT NULL THEN format(
      '{}, {}: chiso dùng {}, nhưng nguồn {} in {} ({}{})',
      coalesce(m.name_vi, measure),
      CASE what
        WHEN 'value' THEN 'điểm'
        WHEN 'rank' THEN 'thứ hạng'
        WHEN 'rank_change' THEN 'số bậc thay đổi'
        WHEN 'group' THEN 'nhóm'
        ELSE what
      END,
      CASE
        WHEN what IN ('rank', 'rank_change') THEN held::INTEGER::VARCHAR
        ELSE replace(held::VARCHAR, '.', ',')
      END,
      source_id,
      CASE
        WHEN what IN ('rank', 'rank_change') THEN printed::INTEGER::VARCHAR
        ELSE replace(printed::VARCHAR, '.', ',')
      END,
      raw_file,
      coalesce(', ô ' || raw_cell, '')
    ) || '; chiso đã ghi nhận sự khác biệt này: ' || declared_vi
  END,
  coalesce(chiso_raw_file, raw_file),
  CASE
    WHEN chiso_raw_file IS NULL THEN raw_cell
    ELSE chiso_raw_cell
  END
FROM
  disagreements
  LEFT JOIN measure_names m USING (index, measure)
WHERE
  kind = 'source-value'
UNION ALL
SELECT
  'published-rank-change-vs-ranks',
  'warning',
  index,
  year,
  unit_id,
  measure,
  printed,
  held,
  format(
    'the publication prints a rank change of {} but the two ranks chiso holds give {}',
    printed_change,
    held_change
  ),
  format(
    'bản công bố in số bậc thay đổi {} nhưng hai thứ hạng chiso có cho {}',
    printed_change,
    held_change
  ),
  raw_file,
  raw_cell
FROM
  rank_change_disagreements
UNION ALL
SELECT
  'published-average-vs-computed',
  'warning',
  index,
  year,
  NULL,
  measure,
  printed,
  held,
  format(
    '{} printed average {} (source {}) differs from chiso''s unweighted mean of the provinces {} by more than rounding',
    what,
    printed,
    source_id,
    round(held, 4)
  ),
  format(
    'số bình quân {} do nguồn {} in là {}, khác bình quân không trọng số của các tỉnh do chiso tính ({}) nhiều hơn mức làm tròn',
    CASE what
      WHEN 'national' THEN 'cả nước'
      ELSE coalesce(a.area_name_vi, what)
    END,
    source_id,
    replace(printed::VARCHAR, '.', ','),
    replace(round(held, 4)::VARCHAR, '.', ',')
  ),
  NULL,
  NULL
FROM
  disagreements
  LEFT JOIN area_names a USING (index, year, what)
WHERE
  kind = 'published-average'
UNION ALL
SELECT
  'published-group-count',
  'warning',
  index,
  year,
  NULL,
  NULL,
  printed,
  held,
  format(
    'source {} prints {} unit(s) in group {}, but chiso holds {} there',
    source_id,
    printed::INTEGER,
    what,
    held::INTEGER
  ),
  format(
    'nguồn {} in {} đơn vị ở nhóm {}, nhưng chiso có {} đơn vị ở nhóm đó',
    source_id,
    printed::INTEGER,
    what,
    held::INTEGER
  ),
  raw_file,
  NULL
FROM
  disagreements
WHERE
  kind = 'group-count';
