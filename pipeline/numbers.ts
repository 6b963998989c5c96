/**
 * Strict number reading. Vietnamese sources write 45,34 for 45.34 and 1.234 for 1234, so a table declares its
 * decimal mark and anything that does not fit it exactly is an error, never a guess.
 */
import { describeUnusual } from './text.js';

export type Cell = string | number | null;
export type Read<T> = { ok: true; value: T } | { ok: false; problem: string };

const PLAIN = { '.': /^-?\d+(\.\d+)?$/, ',': /^-?\d+(,\d+)?$/ } as const;

export function readNumber(cell: Cell, decimal: '.' | ','): Read<number> {
  if (typeof cell === 'number') {
    // -0 is 0: a minus sign on zero would be published as "-0.0".
    return Number.isFinite(cell) ? { ok: true, value: cell === 0 ? 0 : cell } : { ok: false, problem: `expected a number, found ${cell}` };
  }
  const text = (cell ?? '').trim();
  if (PLAIN[decimal].test(text)) {
    const value = Number(text.replace(',', '.'));
    if (!Number.isFinite(value)) {
      return { ok: false, problem: `expected a number, found a string of ${text.replace(/\D/g, '').length} digits ("${text.slice(0, 20)}…"), too long to be a figure (a pasted identifier?)` };
    }
    return { ok: true, value: value === 0 ? 0 : value };
  }
  const other = decimal === '.' ? ',' : '.';
  if (PLAIN[other].test(text)) {
    return {
      ok: false,
      problem: `expected a number with '${decimal}' as decimal mark, found "${text}" (written with '${other}'; fix the table's "decimal" in publication.json if the whole table uses '${other}')`,
    };
  }
  if (text.startsWith('=')) {
    return { ok: false, problem: `expected a number, found the formula "${text}" with no saved value (open the workbook in a spreadsheet program and save it, so the result is stored)` };
  }
  if (/^-?\d+([.,]\d+)?\s*%$/.test(text)) {
    return { ok: false, problem: `expected a number, found the percentage "${text}" (a cell formatted as percent, or typed with %): write the number of percentage points, e.g. 91.2` };
  }
  if (/^-?\d{1,3}([.,\s]\d{3})+([.,]\d+)?$/.test(text)) {
    return { ok: false, problem: `expected a plain number, found "${text}" with a thousands separator` };
  }
  return { ok: false, problem: `expected a number, found "${text}"${describeUnusual(text)}` };
}

/** A published rank: a whole number from 1 up. */
export function readRank(cell: Cell): Read<number> {
  const n = readNumber(cell, '.');
  if (!n.ok) return { ok: false, problem: n.problem.replace('a number', 'a rank (whole number)') };
  if (!Number.isInteger(n.value) || n.value < 1) return { ok: false, problem: `expected a rank (whole number ≥ 1), found ${n.value}` };
  return n;
}

export function isBlank(cell: Cell): boolean {
  return cell === null || (typeof cell === 'string' && cell.trim() === '');
}
