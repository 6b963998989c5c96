/** A table is read as a whole: blank rows inside the mapped range are skipped, never an end of the table. */
import { describe, expect, it } from 'vitest';
import type { Cell } from '../pipeline/read/cells.js';
import { readTableRows, type TableSpec } from '../pipeline/read/table-mapping.js';

const spec = (extra: Partial<TableSpec> = {}): TableSpec => ({
  file: 't.csv',
  unit_header: 'province',
  values: { score: 'score' },
  source: 'S1',
  ...extra,
});
const grid = (rows: Cell[][]) => ({ rows });
const names = (read: ReturnType<typeof readTableRows>) => read.rows.map((r) => `${r.unitName}@${r.row}`);

describe('reading a table as a whole', () => {
  const rows: Cell[][] = [['province', 'score'], ['Hà Nội', 80], [], [null, null], ['Cà Mau', 70], [], ['Đà Nẵng', 79]];

  it('skips blank rows inside the range and reads every province below them (no last_row)', () => {
    const read = readTableRows(grid(rows), spec(), 't.csv');
    expect(read.problems).toEqual([]);
    expect(names(read)).toEqual(['Hà Nội@2', 'Cà Mau@5', 'Đà Nẵng@7']);
    expect(read.outside).toEqual([]);
  });

  it('skips blank rows inside an explicit range too, and lists every named cell outside it, past blank rows', () => {
    const read = readTableRows(
      grid([...rows, [], [], ['Ghi chú', null], ['Huế', 1]]),
      spec({ first_row: 3, last_row: 6 }),
      't.csv',
    );
    expect(names(read)).toEqual(['Cà Mau@5']);
    expect(read.outside.map((c) => `${c.text}@${c.row}:${c.side}`)).toEqual([
      'Hà Nội@2:before',
      'Đà Nẵng@7:after',
      'Ghi chú@10:after',
      'Huế@11:after',
    ]);
  });

  it('lists the names printed beside an empty province cell inside the range', () => {
    const read = readTableRows(
      grid([
        ['province', 'score', 'note'],
        ['Hà Nội', 80, null],
        [null, null, 'Cà Mau'],
      ]),
      spec(),
      't.csv',
    );
    expect(read.outside).toEqual([{ row: 3, column: 'C', text: 'Cà Mau', side: 'beside', unitColumn: 'A' }]);
  });

  it('leaves out of the check the rows declared in "rows_outside"', () => {
    const read = readTableRows(
      grid([...rows, ['Hà Nội', 80]]),
      spec({ last_row: 7, rows_outside: { '8': 'Hà Nội repeated as the highlight box' } }),
      't.csv',
    );
    expect(read.problems).toEqual([]);
    expect(read.outside).toEqual([]);
  });

  it('reads a unit-per-column table across a blank column inside its range', () => {
    const read = readTableRows(
      grid([
        ['', 'Tỉnh', 'Hà Nội', null, 'Cà Mau', 'Huế'],
        ['', 'score', 60, null, 61, 62],
      ]),
      spec({ layout: 'unit-per-column', header_column: 'B', first_column: 'C', last_column: 'E', unit_header: 'Tỉnh' }),
      't.xlsx',
    );
    expect(read.rows.map((r) => `${r.unitName}@${r.column}`)).toEqual(['Hà Nội@C', 'Cà Mau@E']);
    expect(read.outside.map((c) => `${c.text}@${c.column}`)).toEqual(['Huế@F']);
  });
});
