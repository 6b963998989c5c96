/**
 * Writes Excel workbooks (Office Open XML) for journalists: headers in bold, frozen header row, numbers as numbers,
 * text as inline strings. Written directly (a few XML parts zipped with fixed dates) because it is fast and gives
 * byte-identical files for the same rows; a sheet's rows may come in batches (streamed from DuckDB), and are then
 * zipped as they come, so that a large table is never held whole.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { strToU8, Zip, ZipDeflate } from 'fflate';
import { columnLetter } from '../read/grid.js';
import { neutraliseText } from './spreadsheet-safety.js';

/**
 * A zip entry's time is stored as local wall-clock fields (MS-DOS date and time), and fflate takes them from a Date
 * in the process's time zone: built from local fields, the stored fields are 2000-01-01 00:00 whatever TZ is.
 */
const fixedDate = () => new Date(2000, 0, 1, 0, 0, 0);

const escapeXml = (text: string) =>
  text
    // XML 1.0 cannot hold these control characters, even escaped.
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');

function cellXml(ref: string, value: unknown, style: number): string {
  if (value === null || value === undefined || value === '') return '';
  const s = style ? ` s="${style}"` : '';
  if (typeof value === 'number' || typeof value === 'bigint') return `<c r="${ref}"${s}><v>${Number(value)}</v></c>`;
  if (typeof value === 'boolean') return `<c r="${ref}"${s} t="b"><v>${value ? 1 : 0}</v></c>`;
  return `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${escapeXml(neutraliseText(String(value)))}</t></is></c>`;
}

type Row = Record<string, unknown>;

export interface Sheet {
  name: string;
  headers: [key: string, label: string][];
  /** The rows, or batches of rows as they come. */
  rows: Row[] | AsyncIterable<Row[]>;
  /** Excel number formats by column key, e.g. "0.00" for a column published with two decimals. */
  numberFormats?: Record<string, string>;
  /** Column widths in characters by column key (otherwise from the header). */
  widths?: Record<string, number>;
  /** Wrap long text in these columns. */
  wrap?: string[];
}

/** Cell styles: 0 plain, 1 bold header, then one per number format, then wrapped text (only if a sheet wraps). */
function stylesFor(sheets: Sheet[]): { xml: string; styleOf: (format: string | undefined, wrap: boolean) => number } {
  const formats = [...new Set(sheets.flatMap((s) => Object.values(s.numberFormats ?? {})))];
  const numFmts = formats.map((code, i) => `<numFmt numFmtId="${164 + i}" formatCode="${escapeXml(code)}"/>`).join('');
  const wraps = sheets.some((s) => s.wrap?.length);
  const xfs = [
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>',
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>',
    ...formats.map(
      (_, i) => `<xf numFmtId="${164 + i}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`,
    ),
    ...(wraps
      ? [
          '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment wrapText="1" vertical="top"/></xf>',
        ]
      : []),
  ];
  const xml =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
    (formats.length ? `<numFmts count="${formats.length}">${numFmts}</numFmts>` : '') +
    '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>' +
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    `<cellXfs count="${xfs.length}">${xfs.join('')}</cellXfs></styleSheet>`;
  return { xml, styleOf: (format, wrap) => (format ? 2 + formats.indexOf(format) : wrap ? 2 + formats.length : 0) };
}

/** A worksheet's XML, in parts: the head, a part per batch of rows, the tail. */
async function* sheetXml(sheet: Sheet, styleOf: (format: string | undefined, wrap: boolean) => number) {
  const { headers } = sheet;
  const line = (r: number, values: unknown[], styles: number[]) =>
    `<row r="${r}">${values.map((v, c) => cellXml(`${columnLetter(c)}${r}`, v, styles[c])).join('')}</row>`;
  const widths = headers.map(([key, label], c) => {
    const width = sheet.widths?.[key] ?? Math.min(Math.max(label.length + 2, 10), 40);
    return `<col min="${c + 1}" max="${c + 1}" width="${width}" customWidth="1"/>`;
  });
  const styles = headers.map(([key]) => styleOf(sheet.numberFormats?.[key], sheet.wrap?.includes(key) ?? false));
  yield (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
    '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>' +
    `<cols>${widths.join('')}</cols><sheetData>` +
    line(
      1,
      headers.map(([, label]) => label),
      headers.map(() => 1),
    )
  );
  let r = 1;
  const batches = Array.isArray(sheet.rows) ? [sheet.rows] : sheet.rows;
  for await (const batch of batches)
    yield batch
      .map((row) =>
        line(
          ++r,
          headers.map(([key]) => row[key]),
          styles,
        ),
      )
      .join('');
  yield '</sheetData></worksheet>';
}

/** Zips the workbook's parts, handing each piece of the zip to `write` as it is made. */
async function zipWorkbook(sheets: Sheet[], write: (bytes: Uint8Array) => void): Promise<void> {
  const { xml: styles, styleOf } = stylesFor(sheets);
  const sheetName = (s: Sheet) => escapeXml(s.name.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31));
  const parts: Record<string, string> = {
    '[Content_Types].xml':
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      sheets
        .map(
          (_, i) =>
            `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
        )
        .join('') +
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>',
    '_rels/.rels':
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    'xl/workbook.xml':
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
      `<sheets>${sheets.map((s, i) => `<sheet name="${sheetName(s)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`,
    'xl/_rels/workbook.xml.rels':
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      sheets
        .map(
          (_, i) =>
            `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
        )
        .join('') +
      `<Relationship Id="rId${sheets.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
    'xl/styles.xml': styles,
  };
  let failed: Error | null = null;
  const zip = new Zip((error, chunk) => {
    if (error) failed = error;
    else write(chunk);
  });
  const entry = (path: string) => {
    const file = new ZipDeflate(path, { level: 1 });
    file.mtime = fixedDate();
    zip.add(file);
    return file;
  };
  for (const [path, xml] of Object.entries(parts)) entry(path).push(strToU8(xml), true);
  for (const [i, sheet] of sheets.entries()) {
    const file = entry(`xl/worksheets/sheet${i + 1}.xml`);
    for await (const xml of sheetXml(sheet, styleOf)) file.push(strToU8(xml));
    file.push(new Uint8Array(0), true);
  }
  zip.end();
  if (failed) throw failed;
}

/** The workbook's bytes: one worksheet per sheet, each with a bold, frozen header row. */
export async function workbookBytes(sheets: Sheet[]): Promise<Uint8Array> {
  const pieces: Uint8Array[] = [];
  await zipWorkbook(sheets, (bytes) => pieces.push(bytes));
  const whole = new Uint8Array(pieces.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of pieces) {
    whole.set(p, at);
    at += p.length;
  }
  return whole;
}

/** Writes the workbook into `path` as it is zipped. */
export async function writeWorkbook(path: string, sheets: Sheet[]): Promise<void> {
  const fd = openSync(path, 'w');
  try {
    await zipWorkbook(sheets, (bytes) => writeSync(fd, bytes));
  } finally {
    closeSync(fd);
  }
}
