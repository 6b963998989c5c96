/**
 * A small reader for one worksheet of an .xlsx workbook: unzips only the parts it needs and reads the cells'
 * values as Excel shows them (cached formula results, shared and inline strings, errors as their text, dates as
 * dates). Much faster than a general workbook library, which matters because raw/ holds dozens of workbooks.
 *
 * It never guesses: a construct it cannot read for certain (a row or cell given twice or out of order, a shared
 * string that does not exist, an empty or non-numeric number, an unknown cell type) is refused with the cell and
 * what was found. Namespace prefixes on element names (`<x:row>`, valid OOXML) are read like plain names.
 */
import { posix } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import type { Cell } from './cells.js';

export class WorkbookError extends Error {
  constructor(
    message: string,
    readonly row?: number,
    readonly column?: string,
  ) {
    super(message);
  }
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function codePoint(reference: string): string {
  const n =
    reference[1] === 'x' || reference[1] === 'X' ? parseInt(reference.slice(2), 16) : Number(reference.slice(1));
  if (!(n >= 0 && n <= 0x10ffff)) throw new WorkbookError(`holds an invalid character reference "&${reference};"`);
  return String.fromCodePoint(n);
}

function decodeXml(text: string): string {
  // Most values hold neither an entity nor an escaped character; the replacements would only copy them.
  if (!text.includes('&') && !text.includes('_x')) return text;
  return text
    .replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) =>
      e[0] === '#' ? codePoint(e) : ENTITIES[e],
    )
    .replace(/_x([0-9A-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/**
 * The XML with comments removed, CDATA sections turned into escaped text, and namespace prefixes dropped from
 * element names, so that `<x:c>` and `<c>` read alike and a commented-out row is not read.
 */
function plainXml(xml: string): string {
  if (xml.includes('<!--')) xml = xml.replace(/<!--[\s\S]*?-->/g, '');
  if (xml.includes('<![CDATA['))
    xml = xml.replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, (_, text: string) =>
      text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'),
    );
  return dropElementPrefixes(xml);
}

const isNameStart = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95; // A-Z a-z _
const isNameChar = (c: number) => isNameStart(c) || (c >= 48 && c <= 57) || c === 46 || c === 45; // 0-9 . -

/**
 * `<p:name` and `</p:name` as `<name` and `</name` (what `/<(\/?)[A-Za-z_][\w.-]*:(?=[A-Za-z_])/g` replaced with
 * `<$1`). A colon is far rarer in a sheet than a `<`, so each colon is found and a prefix looked for before it:
 * several times faster than the regular expression over a sheet of a megabyte.
 */
function dropElementPrefixes(xml: string): string {
  let result = '';
  let kept = 0;
  for (let colon = xml.indexOf(':'); colon !== -1; colon = xml.indexOf(':', colon + 1)) {
    if (!isNameStart(xml.charCodeAt(colon + 1))) continue;
    let start = colon;
    while (isNameChar(xml.charCodeAt(start - 1))) start--;
    const opens = xml[start - 1] === '<' || (xml[start - 1] === '/' && xml[start - 2] === '<');
    if (start === colon || !isNameStart(xml.charCodeAt(start)) || !opens) continue;
    result += xml.slice(kept, start);
    kept = colon + 1;
  }
  return kept === 0 ? xml : result + xml.slice(kept);
}

/** The text of an <si> or <is> element: its <t> runs, leaving out phonetic guides (<rPh>). */
function richText(xml: string): string {
  return [...xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '').matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>|<t(?:\s[^>]*)?\/>/g)]
    .map((m) => decodeXml(m[1] ?? ''))
    .join('');
}

const attributePatterns = new Map<string, RegExp>();

function attribute(tag: string, name: string): string | undefined {
  if (!tag.includes(name)) return undefined; // a number cell has no t="…": no need to search for one
  let pattern = attributePatterns.get(name);
  if (!pattern) attributePatterns.set(name, (pattern = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`)));
  const m = pattern.exec(tag);
  return m ? decodeXml(m[1] ?? m[2]) : undefined;
}

/** An attribute in any namespace (`r:id`, `ns1:id`): the relationship id of a <sheet>. */
function prefixedAttribute(tag: string, local: string): string | undefined {
  const m = new RegExp(`\\s[A-Za-z_][\\w.-]*:${local}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag);
  return m ? decodeXml(m[1] ?? m[2]) : undefined;
}

/** Excel's own limits; a reference beyond them is a damaged file, and would make us build a huge array. */
const MAX_ROWS = 1_048_576;
const MAX_COLUMNS = 16_384;
const MAX_PART_BYTES = 200e6;

const u16 = (b: Buffer, at: number) => b.readUInt16LE(at);
const u32 = (b: Buffer, at: number) => b.readUInt32LE(at);
const END_OF_CENTRAL_DIRECTORY = Buffer.from([0x50, 0x4b, 0x05, 0x06]);

/**
 * The parts of a zip archive whose names pass `wanted`, as text. Reads the central directory and inflates with
 * Node's zlib (native, several times faster than a JavaScript inflater); any damage becomes a WorkbookError.
 */
function unzipParts(data: Uint8Array, wanted: (name: string) => boolean): Record<string, string> {
  const bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const parts: Record<string, string> = {};
  let tooBig: string | undefined;
  try {
    const end = bytes.lastIndexOf(END_OF_CENTRAL_DIRECTORY);
    if (end < 0) throw new Error('no zip directory');
    let at = u32(bytes, end + 16);
    for (let n = u16(bytes, end + 10); n > 0; n--) {
      if (u32(bytes, at) !== 0x02014b50) throw new Error('damaged zip directory');
      const [method, compressedSize, size, nameLength] = [
        u16(bytes, at + 10),
        u32(bytes, at + 20),
        u32(bytes, at + 24),
        u16(bytes, at + 28),
      ];
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
      const packed = bytes.subarray(start, start + compressedSize);
      if (packed.length !== compressedSize) throw new Error(`truncated entry ${name}`);
      if (method === 0) parts[name] = packed.toString('utf8');
      else if (method === 8) parts[name] = inflateRawSync(packed, { maxOutputLength: MAX_PART_BYTES }).toString('utf8');
      else throw new Error(`unsupported compression method ${method} in ${name}`);
    }
  } catch (error) {
    throw new WorkbookError(`cannot be read as an xlsx workbook (${(error as Error).message})`);
  }
  if (tooBig)
    throw new WorkbookError(
      `unpacks to more than ${MAX_PART_BYTES / 1e6} MB (${tooBig}); a publication's table is far smaller`,
    );
  return Object.fromEntries(
    Object.entries(parts).map(([name, xml]) => {
      // OOXML forbids document type declarations: their entities could stand for any text.
      if (xml.includes('<!') && /<!DOCTYPE/i.test(xml))
        throw new WorkbookError(`is damaged: its part ${name} declares a DOCTYPE, which a workbook may not`);
      return [name, plainXml(xml)];
    }),
  );
}

/** Column letters to a 0-based index: "A" → 0, "AA" → 26. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + letters.charCodeAt(i) - 64;
  return n - 1;
}

/** A 0-based column index to its letters: 0 → "A", 26 → "AA". */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

export interface Workbook {
  sheetNames: string[];
  /** The cells of a worksheet, by row and column (0-based). */
  sheet(name: string): Cell[][];
}

interface Relationship {
  id: string;
  type: string;
  target: string;
}

/** The relationships of a part (`xl/workbook.xml` → `xl/_rels/workbook.xml.rels`), targets resolved to part names. */
function relationshipsOf(parts: Record<string, string>, part: string): Relationship[] {
  const dir = posix.dirname(part);
  const rels = parts[posix.join(dir, '_rels', `${posix.basename(part)}.rels`)] ?? '';
  return [...rels.matchAll(/<Relationship\b[^>]*>/g)].map((m) => {
    const target = attribute(m[0], 'Target') ?? '';
    return {
      id: attribute(m[0], 'Id') ?? '',
      type: attribute(m[0], 'Type') ?? '',
      target: target.startsWith('/') ? target.slice(1) : posix.normalize(posix.join(dir, target)),
    };
  });
}

/** Opens a workbook once: its sheet list, shared strings and styles are read here, each sheet when asked for. */
export function openWorkbook(bytes: Uint8Array): Workbook {
  const root = unzipParts(bytes, (n) => n === '_rels/.rels');
  const workbookPart =
    relationshipsOf(root, '').find((r) => r.type.endsWith('/officeDocument'))?.target ?? 'xl/workbook.xml';
  const relsPart = posix.join(posix.dirname(workbookPart), '_rels', `${posix.basename(workbookPart)}.rels`);
  const meta = unzipParts(bytes, (n) => n === workbookPart || n === relsPart);
  if (!meta[workbookPart]) throw new WorkbookError(`cannot be read as an xlsx workbook (no ${workbookPart})`);
  const relations = relationshipsOf(meta, workbookPart);
  // By their relationship, or where Excel puts them when a producer leaves the relationship out.
  const partOfType = (type: string) =>
    relations.find((r) => r.type.endsWith(`/${type}`))?.target ??
    posix.join(posix.dirname(workbookPart), `${type}.xml`);
  const sharedPart = partOfType('sharedStrings');
  const stylesPart = partOfType('styles');
  const extra = unzipParts(bytes, (n) => n === sharedPart || n === stylesPart);
  const workbookXml = meta[workbookPart];
  const sheets = [...workbookXml.matchAll(/<sheet\b[^>]*>/g)].map((m) => ({
    name: attribute(m[0], 'name') ?? '',
    rel: prefixedAttribute(m[0], 'id'),
  }));
  const shared = [...(extra[sharedPart] ?? '').matchAll(/<si(?:\s[^>]*)?>([\s\S]*?)<\/si>|<si(?:\s[^>]*)?\/>/g)].map(
    (m) => richText(m[1] ?? ''),
  );
  const workbookPr = /<workbookPr\b[^>]*>/.exec(workbookXml)?.[0] ?? '';
  const date1904 = ['1', 'true'].includes(attribute(workbookPr, 'date1904') ?? '');
  const styles = cellStyles(extra[stylesPart] ?? '');
  const twice = sheets.find((s, i) => sheets.findIndex((t) => t.name === s.name) !== i);
  if (twice) throw new WorkbookError(`is damaged: it has two sheets named "${twice.name}"`);
  return {
    sheetNames: sheets.map((s) => s.name),
    sheet(name: string): Cell[][] {
      const wanted = sheets.find((s) => s.name === name);
      if (!wanted)
        throw new WorkbookError(
          `has no sheet "${name}"; its sheets are ${sheets.map((s) => `"${s.name}"`).join(', ')}`,
        );
      const path = relations.find((r) => r.id === wanted.rel)?.target;
      if (!path) throw new WorkbookError(`is damaged: the sheet "${name}" has no part in the workbook's relationships`);
      const xml = unzipParts(bytes, (n) => n === path)[path];
      if (!xml) throw new WorkbookError(`sheet "${name}" is missing from the workbook`);
      return parseSheet(xml, shared, styles, date1904);
    },
  };
}

type NumberStyle = 'percent' | 'date';

/** Built-in number formats that show a date or time (ECMA-376 §18.8.30, and the East Asian ones). */
const DATE_FORMATS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56,
  57, 58,
]);

/** What a format code shows a number as: text in quotes, escaped characters and [colour] tags are not codes. */
function formatKind(code: string): NumberStyle | undefined {
  const bare = code.replace(/"[^"]*"|\\.|_.|\*./g, '');
  if (bare.includes('%')) return 'percent';
  if (/[dmyhs]/i.test(bare.replace(/\[(?![hms]+\])[^\]]*\]/gi, ''))) return 'date';
  return undefined;
}

/** For each cell style (index in <cellXfs>), whether it shows a number as a percentage or a date. */
function cellStyles(styles: string): Map<number, NumberStyle> {
  const formats = new Map<number, NumberStyle>([
    [9, 'percent'],
    [10, 'percent'],
    ...[...DATE_FORMATS].map((id) => [id, 'date'] as [number, NumberStyle]),
  ]);
  for (const m of styles.matchAll(/<numFmt\b[^>]*>/g)) {
    const id = Number(attribute(m[0], 'numFmtId'));
    const kind = formatKind(attribute(m[0], 'formatCode') ?? '');
    if (kind) formats.set(id, kind);
    else formats.delete(id);
  }
  const cellXfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? '';
  const result = new Map<number, NumberStyle>();
  [...cellXfs.matchAll(/<xf\b[^>]*>/g)].forEach((m, i) => {
    const kind = formats.get(Number(attribute(m[0], 'numFmtId') ?? 0));
    if (kind) result.set(i, kind);
  });
  return result;
}

const NUMBER = /^\s*-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/;

/** A date serial as Excel shows it, in ISO form: 45293 → "2024-01-02", with the time when there is one. */
function serialDate(serial: number, date1904: boolean): string {
  // Day 0 of the 1900 system is 1899-12-31, and Excel counts a 29 February 1900 that never was.
  const days = date1904 ? serial + 1462 : serial < 61 ? serial + 1 : serial;
  const ms = Math.round((days - 2) * 86_400_000) + Date.UTC(1900, 0, 1);
  const iso = new Date(ms).toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19).replace('T', ' ');
}

const isWordChar = (c: number) => isNameStart(c) || (c >= 48 && c <= 57);

interface Element {
  attributes: string;
  /** Undefined when the element closes itself. */
  content: string | undefined;
}

/**
 * The elements `<name …>…</name>` and `<name …/>` of `xml`, as the regular expression
 * /<name\b((?:[^>"']|"[^"]*"|'[^']*')*?)(?:\/>|>([\s\S]*?)<\/name>)/g matches them (attributes, content): found with
 * indexOf, several times faster than the expression over a sheet of a megabyte.
 */
function elements(xml: string, name: string): Element[] {
  const found: Element[] = [];
  const open = `<${name}`;
  const close = `</${name}>`;
  for (let at = xml.indexOf(open); at !== -1;) {
    const start = at + open.length;
    let end = -1;
    // The attributes end at the first '/>' or '>' outside quotes; a quote never closed, or no closing tag, is no match.
    for (let i = start; i < xml.length && (i > start || !isWordChar(xml.charCodeAt(i)));) {
      const c = xml.charCodeAt(i);
      if (c === 34 || c === 39) {
        const quote = xml.indexOf(xml[i], i + 1);
        if (quote === -1) break;
        i = quote + 1;
      } else if (c === 47 && xml.charCodeAt(i + 1) === 62) {
        found.push({ attributes: xml.slice(start, i), content: undefined });
        end = i + 2;
        break;
      } else if (c === 62) {
        const closing = xml.indexOf(close, i + 1);
        if (closing === -1) break;
        found.push({ attributes: xml.slice(start, i), content: xml.slice(i + 1, closing) });
        end = closing + close.length;
        break;
      } else i++;
    }
    at = xml.indexOf(open, end === -1 ? at + 1 : end);
  }
  return found;
}

/**
 * The cells as a person sees them. A number formatted as a percentage becomes the text Excel shows ("91.2%"), and
 * one formatted as a date the date ("2024-01-02"), so neither is ever read as a plain number; a formula saved
 * without its value becomes its text ("=B2+C2"): all are then refused with a clear message rather than read wrong.
 */
function parseSheet(xml: string, shared: string[], styles: Map<number, NumberStyle>, date1904: boolean): Cell[][] {
  const rows: Cell[][] = [];
  let previousRow = -1;
  const sheetData = /<sheetData\b[^>]*\/>|<sheetData\b[^>]*>([\s\S]*?)<\/sheetData>/.exec(xml);
  for (const row of elements(sheetData?.[1] ?? '', 'row')) {
    const rowRef = attribute(row.attributes, 'r');
    if (rowRef !== undefined && !/^\d+$/.test(rowRef))
      throw new WorkbookError(`is damaged: a row is numbered "${rowRef}"`);
    const r = rowRef === undefined ? previousRow + 1 : Number(rowRef) - 1;
    if (!(r >= 0 && r < MAX_ROWS))
      throw new WorkbookError(`is damaged: a row number (${rowRef}) beyond Excel's ${MAX_ROWS} rows`);
    if (r <= previousRow) {
      throw new WorkbookError(
        `is damaged: row ${r + 1} is given ${r === previousRow ? 'twice' : 'after row ' + (previousRow + 1)} in the sheet, so which cells belong to it is unknown`,
        r + 1,
      );
    }
    previousRow = r;
    const cells: Cell[] = [];
    let previousColumn = -1;
    for (const c of elements(row.content ?? '', 'c')) {
      const attrs = c.attributes;
      const ref = attribute(attrs, 'r');
      let column = previousColumn + 1;
      if (ref !== undefined) {
        const parts = /^([A-Z]{1,3})(\d+)$/.exec(ref);
        if (!parts) throw new WorkbookError(`is damaged: a cell in row ${r + 1} has the reference "${ref}"`, r + 1);
        if (Number(parts[2]) !== r + 1)
          throw new WorkbookError(`is damaged: the cell ${ref} is written in row ${r + 1}`, r + 1);
        column = columnIndex(parts[1]);
      }
      if (!(column >= 0 && column < MAX_COLUMNS))
        throw new WorkbookError(`is damaged: a cell reference (${ref}) beyond Excel's ${MAX_COLUMNS} columns`, r + 1);
      if (column <= previousColumn) {
        throw new WorkbookError(
          `is damaged: the cell ${columnLetter(column)}${r + 1} is given ${column === previousColumn ? 'twice' : 'after ' + columnLetter(previousColumn) + (r + 1)}, so its value is unknown`,
          r + 1,
          columnLetter(column),
        );
      }
      previousColumn = column;
      cells[column] = cellValue(attrs, c.content ?? '', shared, styles, date1904, r + 1, column);
    }
    rows[r] = Array.from(cells, (x) => x ?? null);
  }
  return Array.from(rows, (x) => x ?? []);
}

function cellValue(
  attrs: string,
  body: string,
  shared: string[],
  styles: Map<number, NumberStyle>,
  date1904: boolean,
  row: number,
  column: number,
): Cell {
  // The cell's address is made only for a message: most cells need none.
  const refuse = (what: string) =>
    new WorkbookError(`the cell ${columnLetter(column)}${row} ${what}`, row, columnLetter(column));
  const type = attribute(attrs, 't') ?? 'n';
  let v: string | undefined;
  let formula: string | undefined;
  if (body.startsWith('<v>') && body.indexOf('<', 3) === body.length - 4 && body.endsWith('</v>')) {
    // Most cells are a value alone, <v>…</v>: no formula, no inline string to look for.
    v = decodeXml(body.slice(3, -4));
  } else {
    const vMatch = /<v(?:\s[^>]*)?>([\s\S]*?)<\/v>|<v(?:\s[^>]*)?\/>/.exec(body);
    v = vMatch ? decodeXml(vMatch[1] ?? '') : undefined;
    const formulaTag = /<f\b[^>]*\/>|<f\b[^>]*>([\s\S]*?)<\/f>/.exec(body);
    formula = formulaTag ? decodeXml(formulaTag[1] ?? '') || '(a formula shared with another cell)' : undefined;
    if (type !== 'inlineStr' && /<is[\s>]/.test(body))
      throw refuse(`holds an inline string but its type is t="${type}"`);
  }
  if (type === 'inlineStr') {
    const is = /<is(?:\s[^>]*)?>([\s\S]*?)<\/is>/.exec(body);
    if (is) return richText(is[1]);
    if (v === undefined) return null;
    return v;
  }
  if (v === undefined) return formula ? `=${formula}` : null;
  switch (type) {
    case 's': {
      if (!/^\d+$/.test(v.trim()) || Number(v) >= shared.length) {
        throw refuse(
          `refers to the shared string "${v}", but the workbook has ${shared.length} shared string(s) (numbered from 0): the file is damaged`,
        );
      }
      return shared[Number(v)];
    }
    case 'str':
    case 'e':
      return v;
    case 'd':
      return v.trim();
    case 'b':
      if (v.trim() === '1' || v.trim() === '0') return v.trim() === '1' ? 'TRUE' : 'FALSE';
      throw refuse(`is a true/false cell holding "${v}"`);
    case 'n': {
      if (!NUMBER.test(v))
        throw refuse(
          v.trim() === ''
            ? 'is a number cell with an empty value (<v></v>)'
            : `is a number cell holding "${v}", which is not a number`,
        );
      const n = Number(v);
      const style = styles.get(Number(attribute(attrs, 's') ?? 0));
      if (style === 'percent') return `${Number((n * 100).toPrecision(12))}%`;
      if (style === 'date') return serialDate(n, date1904);
      return n;
    }
    default:
      throw refuse(`has the unknown type t="${type}"`);
  }
}
