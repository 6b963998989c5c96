-- Each edition beside the previous edition of the same index (null for the first): what a change compares with.
CREATE TABLE previous_editions AS
SELECT
  index,
  year,
  unit_set,
  lag (year) OVER (
    PARTITION BY
      index
    ORDER BY
      year
  ) AS previous_year,
  lag (unit_set) OVER (
    PARTITION BY
      index
    ORDER BY
      year
  ) AS previous_unit_set
FROM
  stg_editions;
