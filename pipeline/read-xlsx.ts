/**
 * A small reader for one worksheet of an .xlsx workbook: unzips only the parts it needs and reads the cells'
 * values as Excel shows them (cached formula results, shared and inline strings, errors as their text).
 * Much faster than a general workbook library, which matters because raw/ holds dozens of workbooks.
 */
import { strFromU8, unzipSync } from 'fflate';
import type { Cell } from './numbers.js';

export class WorkbookError extends Error {}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeXml(text: string): string {
  return text
    .replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) =>
      e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : ENTITIES[e],
    )
    .replace(/_x([0-9A-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** The text of an <si> or <is> element: its <t> runs, leaving out phonetic guides (<rPh>). */
function richText(xml: string): string {
  return [...xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '').matchAll(/<t\b[^>]*>([\s\S]*?)<\/t>|<t\b[^>]*\/>/g)].map((m) => decodeXml(m[1] ?? '')).join('');
}

const attributePatterns = new Map<string, RegExp>();

function attribute(tag: string, name: string): string | undefined {
  let pattern = attributePatterns.get(name);
  if (!pattern) attributePatterns.set(name, (pattern = new RegExp(`\\s${name}="([^"]*)"`)));
  return pattern.exec(tag)?.[1];
}

function unzipParts(bytes: Uint8Array, wanted: (name: string) => boolean): Record<string, string> {
  try {
    const files = unzipSync(bytes, { filter: (f) => wanted(f.name) });
    return Object.fromEntries(Object.entries(files).map(([name, data]) => [name, strFromU8(data)]));
  } catch (error) {
    throw new WorkbookError(`cannot be read as an xlsx workbook (${(error as Error).message})`);
  }
}

function columnNumber(ref: string): number {
  let n = 0;
  for (const ch of ref) {
    const code = ch.charCodeAt(0);
    if (code < 65 || code > 90) break;
    n = n * 26 + code - 64;
  }
  return n - 1;
}

export interface Workbook {
  sheetNames: string[];
  /** The cells of a worksheet, by row and column (0-based). */
  sheet(name: string): Cell[][];
}

/** Opens a workbook once: its sheet list and shared strings are read here, each sheet when asked for. */
export function openWorkbook(bytes: Uint8Array): Workbook {
  const meta = unzipParts(bytes, (n) => n === 'xl/workbook.xml' || n === 'xl/_rels/workbook.xml.rels' || n === 'xl/sharedStrings.xml');
  if (!meta['xl/workbook.xml']) throw new WorkbookError('cannot be read as an xlsx workbook (no xl/workbook.xml)');
  const sheets = [...meta['xl/workbook.xml'].matchAll(/<sheet\b[^>]*>/g)].map((m) => ({ name: decodeXml(attribute(m[0], 'name') ?? ''), rel: attribute(m[0], 'r:id') }));
  const relations = [...(meta['xl/_rels/workbook.xml.rels'] ?? '').matchAll(/<Relationship\b[^>]*>/g)].map((m) => m[0]);
  const shared = [...(meta['xl/sharedStrings.xml'] ?? '').matchAll(/<si>([\s\S]*?)<\/si>|<si\/>/g)].map((m) => richText(m[1] ?? ''));
  return {
    sheetNames: sheets.map((s) => s.name),
    sheet(name: string): Cell[][] {
      const wanted = sheets.find((s) => s.name === name);
      if (!wanted) throw new WorkbookError(`has no sheet "${name}"; its sheets are ${sheets.map((s) => `"${s.name}"`).join(', ')}`);
      const relation = relations.find((r) => attribute(r, 'Id') === wanted.rel);
      const target = relation ? attribute(relation, 'Target')! : '';
      const path = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
      const xml = unzipParts(bytes, (n) => n === path)[path];
      if (!xml) throw new WorkbookError(`sheet "${name}" is missing from the workbook`);
      return parseSheet(xml, shared);
    },
  };
}

function parseSheet(xml: string, shared: string[]): Cell[][] {
  const rows: Cell[][] = [];
  for (const row of xml.matchAll(/<row\b([^>]*)>([\s\S]*?)<\/row>/g)) {
    const r = Number(attribute(row[1], 'r')) - 1;
    const cells: Cell[] = [];
    for (const c of row[2].matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const attrs = c[1];
      const body = c[2] ?? '';
      const type = attribute(attrs, 't');
      const v = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
      let value: Cell = null;
      if (type === 'inlineStr') value = richText(body);
      else if (v === undefined) value = null;
      else if (type === 's') value = shared[Number(v)] ?? null;
      else if (type === 'str' || type === 'e') value = decodeXml(v);
      else if (type === 'b') value = v === '1' ? 'TRUE' : 'FALSE';
      else value = Number(v);
      cells[columnNumber(attribute(attrs, 'r') ?? 'A')] = value;
    }
    rows[r] = Array.from(cells, (x) => x ?? null);
  }
  return Array.from(rows, (x) => x ?? []);
}
