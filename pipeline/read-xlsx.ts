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

function attribute(tag: string, name: string): string | undefined {
  return new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
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

export function readWorksheet(bytes: Uint8Array, sheet: string): Cell[][] {
  const meta = unzipParts(bytes, (n) => n === 'xl/workbook.xml' || n === 'xl/_rels/workbook.xml.rels');
  if (!meta['xl/workbook.xml']) throw new WorkbookError('cannot be read as an xlsx workbook (no xl/workbook.xml)');
  const sheets = [...meta['xl/workbook.xml'].matchAll(/<sheet\b[^>]*>/g)].map((m) => ({ name: decodeXml(attribute(m[0], 'name') ?? ''), rel: attribute(m[0], 'r:id') }));
  const wanted = sheets.find((s) => s.name === sheet);
  if (!wanted) throw new WorkbookError(`has no sheet "${sheet}"; its sheets are ${sheets.map((s) => `"${s.name}"`).join(', ')}`);
  const relation = [...(meta['xl/_rels/workbook.xml.rels'] ?? '').matchAll(/<Relationship\b[^>]*>/g)].find((m) => attribute(m[0], 'Id') === wanted.rel);
  const target = relation ? attribute(relation[0], 'Target')! : '';
  const path = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
  const parts = unzipParts(bytes, (n) => n === path || n === 'xl/sharedStrings.xml');
  if (!parts[path]) throw new WorkbookError(`sheet "${sheet}" is missing from the workbook`);
  const shared = [...(parts['xl/sharedStrings.xml'] ?? '').matchAll(/<si>([\s\S]*?)<\/si>|<si\/>/g)].map((m) => richText(m[1] ?? ''));

  const rows: Cell[][] = [];
  for (const row of parts[path].matchAll(/<row\b([^>]*)>([\s\S]*?)<\/row>/g)) {
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
