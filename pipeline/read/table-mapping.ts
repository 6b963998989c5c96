/**
 * Applies a table's declarative mapping (publication.json "tables") to a grid: finds the unit names and, for each
 * unit, the cells holding each measure's value, published rank and published group.
 */
import type { Cell } from './cells.js';
import { isBlank } from './cells.js';
import type { Problem } from '../validate/problems.js';
import { columnIndex, columnLetter, type Grid } from './grid.js';
import { closest, describeUnusual, foldSpace } from './text.js';

export interface TableSpec {
  file: string;
  sheet?: string;
  layout?: 'unit-per-row' | 'unit-per-column';
  header_row?: number;
  header_column?: string;
  first_row?: number;
  last_row?: number;
  first_column?: string;
  last_column?: string;
  unit_header: string;
  unit_column?: string;
  values: Record<string, Location>;
  ranks?: Record<string, Location>;
  groups?: Record<string, Location>;
  rank_changes?: Record<string, Location>;
  role?: 'values' | 'independent';
  declared_header?: string;
  declared_header_vi?: string;
  source?: string;
  source_header?: string;
  decimal?: '.' | ',';
  missing_values?: Record<string, { vi: string; en: string }>;
  rows_outside?: Record<string, string>;
}

/** A header to look for, or a column pinned by its letter whose header is checked. */
export type Location = string | { column: string; header: string };

export type CellKind = 'value' | 'rank' | 'group' | 'rank_change';

export interface LocatedCell {
  kind: CellKind;
  measure: string;
  cell: Cell;
  row: number;
  column: string;
}

export interface TableRow {
  unitName: string;
  row: number;
  column: string;
  cells: LocatedCell[];
  sourceIds: string[];
  /** Column of the row's source ids, when the table has a source column. */
  sourceColumn?: string;
  /** independent tables: the declared reason of a known disagreement, if any, in both languages. */
  declared?: { vi: string; en: string };
}

export interface TableRead {
  rows: TableRow[];
  problems: Problem[];
  /**
   * Every text cell of the rows outside the mapped range (or, for a unit-per-column table, of the name row outside
   * its columns), above and below it, whatever lies between: a province named there would be silently left out.
   */
  outside: OutsideCell[];
}

/** A text cell the table does not read: before or after its range, or beside a row's empty province cell. */
export interface OutsideCell {
  row: number;
  column: string;
  text: string;
  side: 'before' | 'after' | 'beside';
  unitColumn?: string;
}

const cellText = (c: Cell) => (c === null ? '' : foldSpace(String(c)));

/** The mapped cells of a table: [kind, measure, location]. */
function mappedHeaders(spec: TableSpec): [CellKind, string, Location][] {
  const entries = (kind: CellKind, map: Record<string, Location> | undefined) =>
    Object.entries(map ?? {}).map(([measure, location]) => [kind, measure, location] as [CellKind, string, Location]);
  return [
    ...entries('value', spec.values),
    ...entries('rank', spec.ranks),
    ...entries('group', spec.groups),
    ...entries('rank_change', spec.rank_changes),
  ];
}

const keyOf = (location: Location) =>
  typeof location === 'string' ? location : `${location.column}:${location.header}`;

/** Finds each wanted label among the labels of a header line (a row or a column). */
function locateLabels(
  labels: Cell[],
  wanted: string[],
  where: string,
  file: string,
  at: (i: number) => Partial<Problem>,
) {
  const positions = new Map<string, number>();
  const problems: Problem[] = [];
  const folded = labels.map(cellText);
  for (const label of wanted) {
    const target = foldSpace(label);
    const hits = folded.flatMap((text, i) => (text === target ? [i] : []));
    if (hits.length === 1) positions.set(label, hits[0]);
    else if (hits.length > 1)
      problems.push({
        file,
        ...at(hits[1]),
        message: `"${label}" appears ${hits.length} times in ${where}; a mapped header must be unique`,
      });
    else {
      const near = closest(target, folded.filter(Boolean), (t) => t, 3).map((t) => `"${t}"${describeUnusual(t)}`);
      problems.push({
        file,
        ...at(-1),
        message: `no header "${label}"${describeUnusual(label)} in ${where}; closest: ${near.join(', ') || 'none (the line is empty)'}`,
      });
    }
  }
  return { positions, problems };
}

function lastFilledRow(grid: Grid): number {
  for (let r = grid.rows.length; r >= 1; r--) if (grid.rows[r - 1].some((c) => !isBlank(c))) return r;
  return 0;
}

export function readTableRows(grid: Grid, spec: TableSpec, file: string): TableRead {
  return (spec.layout ?? 'unit-per-row') === 'unit-per-row'
    ? readUnitPerRow(grid, spec, file)
    : readUnitPerColumn(grid, spec, file);
}

function sourceIdsOf(cell: Cell, spec: TableSpec): string[] {
  const ids = cellText(cell)
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);
  return ids.length ? ids : spec.source ? [spec.source] : [];
}

/** A row's declared disagreement: its reason in English and in Vietnamese, each in its column, or neither. */
function declaredReason(
  spec: TableSpec,
  line: Cell[],
  positions: Map<string, number>,
  file: string,
  row: number,
  problems: Problem[],
): { vi: string; en: string } | undefined {
  if (!spec.declared_header || !spec.declared_header_vi) return undefined;
  const [enColumn, viColumn] = [positions.get(spec.declared_header)!, positions.get(spec.declared_header_vi)!];
  const en = cellText(line[enColumn] ?? null);
  const vi = cellText(line[viColumn] ?? null);
  if (en && vi) return { vi, en };
  if (en || vi) {
    const [given, missing, column] = en
      ? [`in English under "${spec.declared_header}"`, `in Vietnamese under "${spec.declared_header_vi}"`, viColumn]
      : [`in Vietnamese under "${spec.declared_header_vi}"`, `in English under "${spec.declared_header}"`, enColumn];
    problems.push({
      file,
      row,
      column: columnLetter(column),
      message: `the disagreement is declared ${given} but not ${missing}: give the reason in both languages`,
    });
  }
  return undefined;
}

function readUnitPerRow(grid: Grid, spec: TableSpec, file: string) {
  const headerRow = spec.header_row ?? 1;
  const headers = grid.rows[headerRow - 1] ?? [];
  const mapped = mappedHeaders(spec);
  const unitLocation: Location = spec.unit_column
    ? { column: spec.unit_column, header: spec.unit_header }
    : spec.unit_header;
  const wanted = [
    unitLocation,
    ...mapped.map(([, , h]) => h),
    ...(spec.source_header ? [spec.source_header] : []),
    ...(spec.declared_header ? [spec.declared_header] : []),
    ...(spec.declared_header_vi ? [spec.declared_header_vi] : []),
  ];
  const searched = [...new Set(wanted.filter((w): w is string => typeof w === 'string'))];
  const { positions, problems } = locateLabels(headers, searched, `header row ${headerRow}`, file, (i) => ({
    row: headerRow,
    ...(i >= 0 ? { column: columnLetter(i) } : {}),
  }));
  for (const pinned of wanted.filter((w) => typeof w !== 'string')) {
    const found = cellText(headers[columnIndex(pinned.column)] ?? null);
    if (found !== foldSpace(pinned.header)) {
      problems.push({
        file,
        row: headerRow,
        column: pinned.column,
        message: `expected the header "${pinned.header}", found "${found}"`,
      });
    }
    positions.set(keyOf(pinned), columnIndex(pinned.column));
  }
  if (problems.length) return { rows: [], problems, outside: [] };
  const unitCol = positions.get(keyOf(unitLocation))!;
  const first = spec.first_row ?? headerRow + 1;
  const last = spec.last_row ?? lastFilledRow(grid);
  const rows: TableRow[] = [];
  const outside: OutsideCell[] = [];
  for (let r = first; r <= last; r++) {
    const line = grid.rows[r - 1] ?? [];
    const cells = mapped.map(([kind, measure, location]) => {
      const col = positions.get(keyOf(location))!;
      return { kind, measure, cell: line[col] ?? null, row: r, column: columnLetter(col) };
    });
    const unitCell = line[unitCol] ?? null;
    if (isBlank(unitCell)) {
      if (cells.some((c) => !isBlank(c.cell))) {
        problems.push({
          file,
          row: r,
          column: columnLetter(unitCol),
          message: `the row has values but no province name under "${spec.unit_header}"`,
        });
      }
      // A province named in another column of a row without a name would be left out just the same.
      line.forEach((cell, c) => {
        const text = typeof cell === 'string' ? cellText(cell) : '';
        if (text)
          outside.push({ row: r, column: columnLetter(c), text, side: 'beside', unitColumn: columnLetter(unitCol) });
      });
      continue;
    }
    const sourceCol = spec.source_header ? positions.get(spec.source_header)! : undefined;
    const sourceCell = sourceCol === undefined ? null : (line[sourceCol] ?? null);
    const declared = declaredReason(spec, line, positions, file, r, problems);
    rows.push({
      ...(declared ? { declared } : {}),
      unitName: cellText(unitCell),
      row: r,
      column: columnLetter(unitCol),
      cells,
      sourceIds: sourceIdsOf(sourceCell, spec),
      ...(sourceCol === undefined ? {} : { sourceColumn: columnLetter(sourceCol) }),
    });
  }
  const declaredOutside = new Set(Object.keys(spec.rows_outside ?? {}).map(Number));
  for (const r of declaredOutside) {
    const where = { file, row: r, column: columnLetter(unitCol) };
    if (r === headerRow || (r >= first && r <= last))
      problems.push({
        ...where,
        message: `"rows_outside" lists row ${r}, which is inside the table (rows ${first} to ${last})`,
      });
    else if (!cellText(grid.rows[r - 1]?.[unitCol] ?? null))
      problems.push({ ...where, message: `"rows_outside" lists row ${r}, which names no province` });
  }
  for (let r = 1; r <= grid.rows.length; r++) {
    if (r === headerRow || (r >= first && r <= last) || declaredOutside.has(r)) continue;
    (grid.rows[r - 1] ?? []).forEach((cell, c) => {
      const text = typeof cell === 'string' ? cellText(cell) : '';
      if (text) outside.push({ row: r, column: columnLetter(c), text, side: r < first ? 'before' : 'after' });
    });
  }
  return { rows, problems, outside };
}

function readUnitPerColumn(grid: Grid, spec: TableSpec, file: string) {
  const problems: Problem[] = [];
  const nameRow = spec.header_row ?? 1;
  if (!spec.header_column || !spec.first_column || !spec.last_column) {
    return {
      rows: [],
      problems: [{ file, message: 'a unit-per-column table needs "header_column", "first_column" and "last_column"' }],
      outside: [],
    };
  }
  const labelCol = columnIndex(spec.header_column);
  const corner = cellText(grid.rows[nameRow - 1]?.[labelCol] ?? null);
  if (corner !== foldSpace(spec.unit_header)) {
    problems.push({
      file,
      row: nameRow,
      column: spec.header_column,
      message: `expected the label "${spec.unit_header}" above the province names, found "${corner}"`,
    });
  }
  const mapped = mappedHeaders(spec);
  if (spec.unit_column || mapped.some(([, , h]) => typeof h !== 'string')) {
    return {
      rows: [],
      problems: [
        {
          file,
          message:
            'a unit-per-column table finds its rows by label; "unit_column" and pinned columns are for unit-per-row tables',
        },
      ],
      outside: [],
    };
  }
  const labels = grid.rows.map((r) => r[labelCol] ?? null);
  const located = locateLabels(
    labels,
    [...new Set(mapped.map(([, , h]) => h as string))],
    `column ${spec.header_column}`,
    file,
    (i) => ({
      column: spec.header_column,
      ...(i >= 0 ? { row: i + 1 } : {}),
    }),
  );
  problems.push(...located.problems);
  if (problems.length) return { rows: [], problems, outside: [] };
  const rows: TableRow[] = [];
  for (let c = columnIndex(spec.first_column); c <= columnIndex(spec.last_column); c++) {
    const unitCell = grid.rows[nameRow - 1]?.[c] ?? null;
    const cells = mapped.map(([kind, measure, label]) => {
      const r = located.positions.get(label as string)! + 1;
      return { kind, measure, cell: grid.rows[r - 1]?.[c] ?? null, row: r, column: columnLetter(c) };
    });
    if (isBlank(unitCell)) {
      if (cells.some((x) => !isBlank(x.cell)))
        problems.push({
          file,
          row: nameRow,
          column: columnLetter(c),
          message: 'the column has values but no province name',
        });
      continue;
    }
    rows.push({
      unitName: cellText(unitCell),
      row: nameRow,
      column: columnLetter(c),
      cells,
      sourceIds: spec.source ? [spec.source] : [],
    });
  }
  const outside: OutsideCell[] = [];
  const nameLine = grid.rows[nameRow - 1] ?? [];
  for (let c = 0; c < nameLine.length; c++) {
    if (c === labelCol || (c >= columnIndex(spec.first_column) && c <= columnIndex(spec.last_column))) continue;
    const text = cellText(nameLine[c] ?? null);
    if (text)
      outside.push({
        row: nameRow,
        column: columnLetter(c),
        text,
        side: c < columnIndex(spec.first_column) ? 'before' : 'after',
      });
  }
  return { rows, problems, outside };
}
