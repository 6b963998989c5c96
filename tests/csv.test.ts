/** The one CSV writer: numbers exactly as DuckDB writes them, and text that a spreadsheet never runs. */
import { describe, expect, it } from 'vitest';
import { formatDouble, toCsv } from '../pipeline/write/csv.js';
import { openDatabase, queryRows } from '../pipeline/load/duckdb.js';

describe('the CSV writer', () => {
  it('writes doubles as DuckDB does', async () => {
    const values = [
      92,
      45.34,
      -0.000034,
      0.0001,
      0.00001,
      1e-7,
      123456789012345.6,
      1e16,
      2.5e20,
      -15,
      4.605517387390137,
      1 / 3,
      0.1 + 0.2,
    ];
    const db = await openDatabase();
    const rows = await queryRows<{ v: string }>(
      db,
      `SELECT CAST(CAST(v AS DOUBLE) AS VARCHAR) AS v FROM (VALUES ${values.map((v) => `(${v.toExponential()})`).join(', ')}) t(v)`,
    );
    expect(values.map(formatDouble)).toEqual(rows.map((r) => r.v));
  });

  it('neutralises text that a spreadsheet would run as a formula, and keeps numbers numbers', () => {
    const csv = toCsv(
      [
        { name: 'note', type: 'text' },
        { name: 'value', type: 'double' },
      ],
      [
        ['=HYPERLINK("http://x/","y")', -3],
        ['+1', null],
        ['@a', 1.5],
        ['\tb', 0],
      ],
    );
    expect(csv.split('\n').slice(1, 5)).toEqual([
      `"'=HYPERLINK(""http://x/"",""y"")",-3.0`,
      "'+1,",
      "'@a,1.5",
      "'\tb,0.0",
    ]);
  });

  it('starts with a byte-order mark only when asked (for files that people open in Excel)', () => {
    expect(toCsv([{ name: 'tỉnh', type: 'text' }], [['Hà Nội']], { bom: true }).startsWith('\ufefftỉnh\n')).toBe(true);
    expect(toCsv([{ name: 'tỉnh', type: 'text' }], [['Hà Nội']]).startsWith('tỉnh')).toBe(true);
  });
});
