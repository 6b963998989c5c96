-- Every correction of raw/corrections.json (read and validated by release/releases.ts), in the file's order
-- (position, from 0): its fields, "from" and "to" as the file gives them (a number, a text or null), and the whole
-- correction as one value (for changelog.json).
CREATE TABLE release_corrections AS
SELECT
  position,
  unnest(correction),
  correction
FROM
  (
    SELECT
      generate_subscripts(corrections, 1) - 1 AS position,
      unnest(corrections) AS correction
    FROM
      read_json(
        getvariable ('corrections_file'),
        columns = {
          corrections: 'STRUCT(index VARCHAR, year INTEGER, unit VARCHAR, measure VARCHAR, field VARCHAR, "from" JSON, "to" JSON, reason STRUCT(vi VARCHAR, en VARCHAR), source VARCHAR, release VARCHAR)[]'
        }
      )
  );
