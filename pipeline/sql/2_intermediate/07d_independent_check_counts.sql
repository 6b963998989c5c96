-- Per edition: how many figures were checked against an independent figure (independent_checks), how many agree,
-- and how many disagree with a declaration. The editions table and the quality summary both report these counts.
CREATE TABLE independent_check_counts AS
SELECT
  index,
  year,
  count(*) AS checked,
  count(*) FILTER(
    WHERE
      agrees
  ) AS agree,
  count(*) FILTER(
    WHERE
      NOT agrees
      AND declared IS NOT NULL
  ) AS declared
FROM
  independent_checks
GROUP BY ALL;
