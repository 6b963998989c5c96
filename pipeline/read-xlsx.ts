/**
 * A small reader for one worksheet of an .xlsx workbook: unzips only the parts it needs and reads the cells'
 * values as Excel shows them (cached formula results, shared and inline strings, errors as their text).
 * Much faster than a general workbook library, which matters because raw/ holds dozens of workbooks.
 */
import { inflateRawSync } from 'node:zlib';
import type { Cell } from './numbers.js';

export class WorkbookError extends Error {}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function codePoint(reference: string): string {
  const n = reference[1] === 'x' || reference[1] === 'X' ? parseInt(reference.slice(2), 16) : Number(reference.slice(1));
  if (!(n >= 0 && n <= 0x10ffff)) throw new WorkbookError(`holds an invalid character reference "&${reference};"`);
  return String.fromCodePoint(n);
}

function decodeXml(text: string): string {
  return text
    .replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) => (e[0] === '#' ? codePoint(e) : ENTITIES[e]))
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

/** Excel's own limits; a reference beyond them is a damaged file, and would make us build a huge array. */
const MAX_ROWS = 1_048_576;
const MAX_COLUMNS = 16_384;
const MAX_PART_BYTES = 200e6;
const END_OF_CENTRAL_DIRECTORY = Buffer.from([0x50, 0x4b, 0x05, 0x06]);

const u16 = (b: Buffer, at: number) => b.readUInt16LE(at);
const u32 = (b: Buffer, at: number) => b.readUInt32LE(at);

/**
 * The parts of a zip archive whose names pass `wanted`, as text. Reads the central directory and inflates with
 * Node's zlib (native, several times faster than a JavaScript inflater); any damage becomes a WorkbookError.
 */
function unzipParts(bytes: Buffer, wanted: (name: string) => boolean): Record<string, string> {
  const parts: Record<string, string> = {};
  let tooBig: string | undefined;
  try {
    const end = bytes.lastIndexOf(END_OF_CENTRAL_DIRECTORY);
    if (end < 0) throw new Error('no zip directory');
    let at = u32(bytes, end + 16);
    for (let n = u16(bytes, end + 10); n > 0; n--) {
      if (u32(bytes, at) !== 0x02014b50) throw new Error('damaged zip directory');
      const [method, compressedSize, size, nameLength] = [u16(bytes, at + 10), u32(bytes, at + 20), u32(bytes, at + 24), u16(bytes, at + 28)];
      const name = bytes.toString('utf8', at + 46, at + 46 + nameLength);
      const local = u32(bytes, at + 42);
      at += 46 + nameLength + u16(bytes, at + 30) + u16(bytes, at + 32);
      if (!wanted(name)) continue;
      if (size > MAX_PART_BYTES) {
        tooBig = name;
        break;
      }
      if (u32(bytes, local) !== 0x04034b50) throw new Error(`damaged entry ${name}`);
      const start = local + 30 + u16(bytes, local + 26) + u16(bytes, local + 28);
      const data = bytes.subarray(start, start + compressedSize);
      if (data.length !== compressedSize) throw new Error(`truncated entry ${name}`);
      if (method === 0) parts[name] = data.toString('utf8');
      else if (method === 8) parts[name] = inflateRawSync(data, { maxOutputLength: MAX_PART_BYTES }).toString('utf8');
      else throw new Error(`unsupported compression method ${method} in ${name}`);
    }
  } catch (error) {
    throw new WorkbookError(`cannot be read as an xlsx workbook (${(error as Error).message})`);
  }
  if (tooBig) throw new WorkbookError(`unpacks to more than ${MAX_PART_BYTES / 1e6} MB (${tooBig}); a publication's table is far smaller`);
  return parts;
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
export function openWorkbook(data: Uint8Array): Workbook {
  const bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const meta = unzipParts(bytes, (n) => ['xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/sharedStrings.xml', 'xl/styles.xml'].includes(n));
  if (!meta['xl/workbook.xml']) throw new WorkbookError('cannot be read as an xlsx workbook (no xl/workbook.xml)');
  const sheets = [...meta['xl/workbook.xml'].matchAll(/<sheet\b[^>]*>/g)].map((m) => ({ name: decodeXml(attribute(m[0], 'name') ?? ''), rel: attribute(m[0], 'r:id') }));
  const relations = [...(meta['xl/_rels/workbook.xml.rels'] ?? '').matchAll(/<Relationship\b[^>]*>/g)].map((m) => m[0]);
  const shared = [...(meta['xl/sharedStrings.xml'] ?? '').matchAll(/<si>([\s\S]*?)<\/si>|<si\/>/g)].map((m) => richText(m[1] ?? ''));
  const percentStyles = percentStyleIndexes(meta['xl/styles.xml'] ?? '');
  return {
    sheetNames: sheets.map((s) => s.name),
    sheet(name: string): Cell[][] {
      const wanted = sheets.find((s) => s.name === name);
      if (!wanted) throw new WorkbookError(`has no sheet "${name}"; its sheets are ${sheets.map((s) => `"${s.name}"`).join(', ')}`);
      const relation = relations.find((r) => attribute(r, 'Id') === wanted.rel);
      const target = relation && attribute(relation, 'Target');
      if (!target) throw new WorkbookError(`is damaged: the sheet "${name}" has no part in the workbook's relationships`);
      const path = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
      const xml = unzipParts(bytes, (n) => n === path)[path];
      if (!xml) throw new WorkbookError(`sheet "${name}" is missing from the workbook`);
      return parseSheet(xml, shared, percentStyles);
    },
  };
}

/** Cell styles that show a number as a percentage (built-in formats 9 and 10, or a custom format with %). */
function percentStyleIndexes(styles: string): Set<number> {
  const percentFormats = new Set([9, 10]);
  for (const m of styles.matchAll(/<numFmt\b[^>]*>/g)) {
    if (decodeXml(attribute(m[0], 'formatCode') ?? '').replace(/"[^"]*"|\\./g, '').includes('%')) percentFormats.add(Number(attribute(m[0], 'numFmtId')));
  }
  const cellXfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? '';
  const indexes = new Set<number>();
  [...cellXfs.matchAll(/<xf\b[^>]*>/g)].forEach((m, i) => {
    if (percentFormats.has(Number(attribute(m[0], 'numFmtId')))) indexes.add(i);
  });
  return indexes;
}

/**
 * The cells as a person sees them. A number formatted as a percentage becomes the text Excel shows ("91.2%"), so
 * it is never read as 0.912; a formula saved without its value becomes its text ("=B2+C2"): both are then refused
 * with a clear message rather than read wrong.
 */
function parseSheet(xml: string, shared: string[], percentStyles: Set<number>): Cell[][] {
  const rows: Cell[][] = [];
  for (const row of xml.matchAll(/<row\b([^>]*)>([\s\S]*?)<\/row>/g)) {
    const rowRef = attribute(row[1], 'r');
    const r = rowRef === undefined ? rows.length : Number(rowRef) - 1;
    if (!(r >= 0 && r < MAX_ROWS)) throw new WorkbookError(`is damaged: a row number (${attribute(row[1], 'r')}) beyond Excel's ${MAX_ROWS} rows`);
    const cells: Cell[] = [];
    for (const c of row[2].matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const attrs = c[1];
      const body = c[2] ?? '';
      const type = attribute(attrs, 't');
      const v = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
      const formula = /<f\b[^>]*>([\s\S]*?)<\/f>/.exec(body)?.[1];
      let value: Cell = null;
      if (type === 'inlineStr') value = richText(body);
      else if (v === undefined) value = formula ? `=${decodeXml(formula)}` : null;
      else if (type === 's') value = shared[Number(v)] ?? null;
      else if (type === 'str' || type === 'e') value = decodeXml(v);
      else if (type === 'b') value = v === '1' ? 'TRUE' : 'FALSE';
      else if (percentStyles.has(Number(attribute(attrs, 's')))) value = `${Number((Number(v) * 100).toPrecision(12))}%`;
      else value = Number(v);
      const ref = attribute(attrs, 'r');
      const column = ref === undefined ? cells.length : columnNumber(ref);
      if (!(column >= 0 && column < MAX_COLUMNS)) throw new WorkbookError(`is damaged: a cell reference (${attribute(attrs, 'r')}) beyond Excel's ${MAX_COLUMNS} columns`);
      cells[column] = value;
    }
    rows[r] = Array.from(cells, (x) => x ?? null);
  }
  return Array.from(rows, (x) => x ?? []);
}
