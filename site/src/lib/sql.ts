/** The SQL page's tables (each a Parquet file the pipeline writes) and its example queries in both languages. */
import type { Lang } from './data';

export const SQL_TABLES = ['observations', 'units', 'measures', 'editions', 'regional_averages', 'quality'] as const;

const HEADLINES = '(SELECT DISTINCT index, measure FROM measures WHERE is_headline)';

const EXAMPLES: { title: Record<Lang, string>; sql: string }[] = [
  {
    title: { vi: 'PAPI 2024: 10 tỉnh, thành phố đứng đầu', en: 'PAPI 2024: the top 10' },
    sql: `SELECT rank, unit_name_vi, value
FROM observations
WHERE index = 'papi' AND year = 2024 AND measure = 'total'
ORDER BY rank
LIMIT 10`,
  },
  {
    title: { vi: 'Phú Thọ qua mọi chỉ số', en: 'Phú Thọ across all indices' },
    sql: `SELECT index, year, measure, value, rank, rank_of, rank_change
FROM observations
JOIN ${HEADLINES} USING (index, measure)
WHERE unit_id = 'phu-tho'
ORDER BY index, year`,
  },
  {
    title: { vi: 'Thứ hạng thay đổi hơn 20 bậc', en: 'Rank changes of more than 20 places' },
    sql: `SELECT index, year, unit_name_vi, rank, rank_change
FROM observations
JOIN ${HEADLINES} USING (index, measure)
WHERE abs(rank_change) > 20
ORDER BY abs(rank_change) DESC, index, year`,
  },
  {
    title: { vi: 'Số dòng của từng bảng', en: 'Rows in each table' },
    sql: `SELECT 'observations' AS table_name, count(*) AS n FROM observations
UNION ALL SELECT 'units', count(*) FROM units
UNION ALL SELECT 'editions', count(*) FROM editions`,
  },
];

export function sqlExamples(lang: Lang): { title: string; sql: string }[] {
  return EXAMPLES.map((e) => ({ title: e.title[lang], sql: e.sql }));
}
