-- Averages per socio-economic region and for the whole country, beside the average the publisher or the press
-- printed: computed in 2_intermediate/07_area_averages.sql (the checks in 07b use them too).
CREATE TABLE regional_averages AS
SELECT
  *
FROM
  area_averages
ORDER BY
  index,
  year,
  measure,
  area_id;
