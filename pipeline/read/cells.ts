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
    return Number.isFinite(cell)
      ? { ok: true, value: cell === 0 ? 0 : cell }
      : { ok: false, problem: `expected a number, found ${cell}` };
  }
  const text = (cell ?? '').trim();
  if (PLAIN[decimal].test(text)) {
    const value = Number(text.replace(',', '.'));
    if (!Number.isFinite(value)) {
      return {
        ok: false,
        problem: `expected a number, found a string of ${text.replace(/\D/g, '').length} digits ("${text.slice(0, 20)}…"), too long to be a figure (a pasted identifier?)`,
      };
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
    return {
      ok: false,
      problem: `expected a number, found the formula "${text}" with no saved value (open the workbook in a spreadsheet program and save it, so the result is stored)`,
    };
  }
  if (/^-?\d+([.,]\d+)?\s*%$/.test(text)) {
    return {
      ok: false,
      problem: `expected a number, found the percentage "${text}" (a cell formatted as percent, or typed with %): write the number of percentage points, e.g. 91.2`,
    };
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
  if (!Number.isInteger(n.value) || n.value < 1)
    return { ok: false, problem: `expected a rank (whole number ≥ 1), found ${n.value}` };
  return n;
}

export function isBlank(cell: Cell): boolean {
  return cell === null || (typeof cell === 'string' && cell.trim() === '');
}

/**
 * A printed rank change, strictly: "tăng 32 bậc" → +32, "giảm 7 bậc" → −7, "giữ nguyên" → 0 (case and spaces folded,
 * "tăng 06 bậc" as printed), or a signed whole number (+3, −7, 0). Positive = moved up, as in rank_change.
 */
export function readRankChange(cell: Cell): Read<number> {
  if (typeof cell === 'number') {
    return Number.isInteger(cell)
      ? { ok: true, value: cell }
      : { ok: false, problem: `expected a rank change (whole number), found ${cell}` };
  }
  const text = String(cell).normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
  if (text === 'giữ nguyên') return { ok: true, value: 0 };
  const phrase = /^(tăng|giảm) (\d+) bậc$/.exec(text);
  if (phrase) {
    const n = Number(phrase[2]);
    if (n === 0) return { ok: false, problem: `"${cell}": a change of 0 places is written "giữ nguyên"` };
    return { ok: true, value: phrase[1] === 'tăng' ? n : -n };
  }
  const signed = /^([+\-−])(\d+)$/.exec(text);
  if (signed) return { ok: true, value: signed[1] === '+' ? Number(signed[2]) : -Number(signed[2]) };
  if (text === '0') return { ok: true, value: 0 };
  return {
    ok: false,
    problem: `expected a printed rank change ("tăng N bậc", "giảm N bậc", "giữ nguyên", or a signed whole number such as +3 or -7), found "${cell}"`,
  };
}
