/**
 * pipeline/read/xlsx.ts against an independent library: random workbooks written by exceljs must read as the same
 * cells that exceljs reads back; constructs exceljs never writes (namespace prefixes, self-closing rows, empty
 * values, damaged references, date cells, CDATA, comments) are hand-written XML, each read right or refused with
 * the cell and what was found.
 */
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { Cell } from '../pipeline/read/cells.js';
import { openWorkbook, WorkbookError } from '../pipeline/read/xlsx.js';
import { answerVitest } from './helpers/answer-vitest.js';

const SEED = Number(process.env.PROPERTY_SEED ?? 20_251_201);
const FACTOR = Number(process.env.PROPERTY_RUNS_FACTOR ?? 1);
const runs = (numRuns: number) => ({ seed: SEED, numRuns: Math.max(1, Math.round(numRuns * FACTOR)) });

const DAY = 86_400_000;
/** How chiso shows a date cell: the ISO date, with the time when there is one. */
const shownDate = (d: Date) =>
  d.getTime() % DAY === 0 ? d.toISOString().slice(0, 10) : d.toISOString().slice(0, 19).replace('T', ' ');

/** What chiso should read for a cell, given what exceljs reads back from the same bytes. */
function expected(cell: ExcelJS.Cell): Cell {
  const v = cell.value;
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return cell.numFmt?.includes('%') ? `${Number((v * 100).toPrecision(12))}%` : v;
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return shownDate(v);
  if ('richText' in v) return v.richText.map((r) => r.text).join('');
  if ('hyperlink' in v)
    return typeof v.text === 'string'
      ? v.text
      : (v.text as ExcelJS.CellRichTextValue).richText.map((r) => r.text).join('');
  if ('error' in v) return v.error;
  if ('formula' in v) {
    const result = (v as ExcelJS.CellFormulaValue).result;
    if (result === undefined) return `=${(v as ExcelJS.CellFormulaValue).formula}`;
    if (typeof result === 'number' || typeof result === 'string') return result;
    if (typeof result === 'boolean') return result ? 'TRUE' : 'FALSE';
    if (result instanceof Date) return shownDate(result);
    return (result as { error: string }).error;
  }
  throw new Error(`a value the test does not expect: ${JSON.stringify(v)}`);
}

const text = fc.oneof(
  fc.constantFrom(
    'Hà Nội',
    'Thừa Thiên Huế',
    'TP. Hồ Chí Minh',
    ' spaces ',
    'a & b < c > "d"',
    "it's",
    '=SUM(A1)',
    '45,34',
    '#N/A',
  ),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
);
const number = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }),
  fc.integer({ min: -1000, max: 1000 }),
  fc.constantFrom(0, 45.34, 64.37, 0.912),
);
const date = fc
  .tuple(fc.integer({ min: 367, max: 73_000 }), fc.constantFrom(0, 1, 43_200, 86_399))
  .map(([days, seconds]) => new Date(Date.UTC(1899, 11, 30) + days * DAY + seconds * 1000));

type Written = { value: ExcelJS.CellValue; numFmt?: string };
const cellValue: fc.Arbitrary<Written> = fc.oneof(
  number.map((value) => ({ value })),
  number.map((value) => ({ value, numFmt: '0.0%' })),
  text.map((value) => ({ value })),
  fc.boolean().map((value) => ({ value })),
  date.map((value) => ({ value, numFmt: 'dd/mm/yyyy hh:mm:ss' })),
  date.map((value) => ({ value, numFmt: 'yyyy-mm-dd' })),
  fc
    .array(text, { minLength: 1, maxLength: 3 })
    .map((parts) => ({ value: { richText: parts.map((t, i) => ({ text: t, font: i % 2 ? { bold: true } : {} })) } })),
  fc
    .constantFrom('#DIV/0!', '#N/A', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#NULL!')
    .map((error) => ({ value: { error } as ExcelJS.CellErrorValue })),
  // exceljs reads a cached result of 0 or "" back as no result (a falsy check), so those are tested by hand below.
  number.filter((n) => n !== 0).map((result) => ({ value: { formula: 'B2*2', result } as ExcelJS.CellFormulaValue })),
  text
    .filter((t) => t !== '')
    .map((result) => ({ value: { formula: 'CONCAT(A1,"x")', result } as ExcelJS.CellFormulaValue })),
  fc.constant({ value: { formula: 'A1+1' } as ExcelJS.CellFormulaValue }),
  text.map((t) => ({ value: { text: t, hyperlink: 'https://example.org/' } as ExcelJS.CellHyperlinkValue })),
);
const sheetCells = fc.array(fc.tuple(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 30 }), cellValue), {
  maxLength: 40,
});
const sheetName = fc.constantFrom('PCI 2024', 'Tổng hợp', 'Summary_VN', "Sheet's & <1>", 'Xếp hạng theo chỉ số PCI');

async function writeWithExcelJs(
  sheets: [string, [number, number, Written][]][],
  sharedStrings: boolean,
): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  for (const [name, cells] of sheets) {
    const sheet = book.addWorksheet(name);
    for (const [row, column, { value, numFmt }] of cells) {
      const cell = sheet.getCell(row, column);
      cell.value = value;
      if (numFmt) cell.numFmt = numFmt;
    }
  }
  return new Uint8Array(await book.xlsx.writeBuffer({ useSharedStrings: sharedStrings } as ExcelJS.XlsxWriteOptions));
}

async function readWithExcelJs(bytes: Uint8Array): Promise<Map<string, Cell[][]>> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  const result = new Map<string, Cell[][]>();
  book.eachSheet((sheet) => {
    const rows: Cell[][] = [];
    sheet.eachRow({ includeEmpty: false }, (row, r) => {
      const cells: Cell[] = [];
      row.eachCell({ includeEmpty: false }, (cell, c) => (cells[c - 1] = expected(cell)));
      rows[r - 1] = Array.from(cells, (x) => x ?? null);
    });
    result.set(
      sheet.name,
      Array.from(rows, (x) => x ?? []),
    );
  });
  return result;
}

/** Trailing nulls do not change what a row shows. */
const trimmed = (rows: Cell[][]) => {
  const out = rows.map((r) => {
    const copy = [...r];
    while (copy.length && copy[copy.length - 1] === null) copy.pop();
    return copy;
  });
  while (out.length && out[out.length - 1].length === 0) out.pop();
  return out;
};

describe('the workbook reader against exceljs (property)', () => {
  it('reads every cell of random workbooks as exceljs reads it back', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.tuple(sheetName, sheetCells), { minLength: 1, maxLength: 3, selector: ([name]) => name }),
        fc.boolean(),
        async (sheets, sharedStrings) => {
          await answerVitest(); // 150 runs that may wait for nothing (see the helper)
          const bytes = await writeWithExcelJs(sheets, sharedStrings);
          const theirs = await readWithExcelJs(bytes);
          const book = openWorkbook(bytes);
          expect(book.sheetNames).toEqual(sheets.map(([name]) => name));
          for (const [name] of sheets) expect(trimmed(book.sheet(name)), name).toEqual(trimmed(theirs.get(name)!));
        },
      ),
      runs(150),
    );
  });
});

/** A workbook from hand-written XML parts (the worksheet is xl/worksheets/sheet1.xml, named "S"). */
function handWritten(sheetXml: string, parts: Record<string, string> = {}): Uint8Array {
  const base: Record<string, string> = {
    '[Content_Types].xml': '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    '_rels/.rels':
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    'xl/workbook.xml':
      '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>',
    'xl/_rels/workbook.xml.rels':
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>' +
      '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>' +
      '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>',
    'xl/sharedStrings.xml':
      '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>Hà Nội</t></si><si><r><t>Thừa </t></r><r><rPr><b/></rPr><t>Thiên Huế</t></r></si></sst>',
    'xl/styles.xml':
      '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts>' +
      '<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="10"/></cellXfs></styleSheet>',
    'xl/worksheets/sheet1.xml': sheetXml,
    ...parts,
  };
  return zipSync(Object.fromEntries(Object.entries(base).map(([k, v]) => [k, strToU8(v)])));
}
const sheet = (rows: string) =>
  `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`;
const read = (bytes: Uint8Array) => openWorkbook(bytes).sheet('S');
const refusal = (bytes: Uint8Array) => {
  try {
    read(bytes);
  } catch (error) {
    expect(error).toBeInstanceOf(WorkbookError);
    return error as WorkbookError;
  }
  throw new Error('the workbook was read, but it should be refused');
};

describe('the workbook reader on constructs exceljs never writes', () => {
  it('reads namespace-prefixed elements (x:row, x:c, x:v, x:si) like plain ones', () => {
    const x = 'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
    const bytes = handWritten(
      `<x:worksheet ${x}><x:sheetData><x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1"><x:v>64.37</x:v></x:c></x:row></x:sheetData></x:worksheet>`,
      {
        'xl/workbook.xml': `<x:workbook ${x} xmlns:rel="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><x:sheets><x:sheet name="S" sheetId="1" rel:id="rId1"/></x:sheets></x:workbook>`,
        'xl/sharedStrings.xml': `<x:sst ${x}><x:si><x:t>Hà Nội</x:t></x:si></x:sst>`,
      },
    );
    expect(read(bytes)).toEqual([['Hà Nội', 64.37]]);
  });

  it('keeps the cells of the row after a self-closing <row/> in their own row', () => {
    expect(
      read(handWritten(sheet('<row r="1"/><row r="2"><c r="A2"><v>5</v></c></row><row r="3" spans="1:2"/>'))),
    ).toEqual([[], [5], []]);
  });

  it('reads rows and cells without references in order, and rich text and inline strings as their text', () => {
    const bytes = handWritten(
      sheet(
        '<row><c t="s"><v>1</v></c><c t="inlineStr"><is><r><t>Hà </t></r><r><t>Nội</t></r></is></c></row><row><c t="str"><v>x</v></c><c/><c><v>2</v></c></row>',
      ),
    );
    expect(read(bytes)).toEqual([
      ['Thừa Thiên Huế', 'Hà Nội'],
      ['x', null, 2],
    ]);
  });

  it('reads t="d" cells, built-in and custom date formats as dates, never as numbers', () => {
    const bytes = handWritten(
      sheet(
        '<row r="1"><c r="A1" t="d"><v>2024-01-02T00:00:00Z</v></c><c r="B1" s="1"><v>45293</v></c><c r="C1" s="2"><v>45293.5</v></c><c r="D1" s="3"><v>0.912</v></c></row>',
      ),
    );
    expect(read(bytes)).toEqual([['2024-01-02T00:00:00Z', '2024-01-02', '2024-01-02 12:00:00', '91.2%']]);
  });

  it('reads a formula by its cached value, also when it is 0 or an empty text, and by its text when none is saved', () => {
    const bytes = handWritten(
      sheet(
        '<row r="1"><c r="A1"><f>B2*2</f><v>0</v></c><c r="B1" t="str"><f>""</f><v></v></c><c r="C1"><f>A1+1</f></c></row>',
      ),
    );
    expect(read(bytes)).toEqual([[0, '', '=A1+1']]);
  });

  it('reads a shared formula saved without its value as a formula, never as blank', () => {
    expect(
      read(
        handWritten(
          sheet(
            '<row r="1"><c r="A1"><f t="shared" ref="A1:A2" si="0">B1*2</f></c></row><row r="2"><c r="A2"><f t="shared" si="0"/></c></row>',
          ),
        ),
      ),
    ).toEqual([['=B1*2'], ['=(a formula shared with another cell)']]);
  });

  it('refuses a part with a DOCTYPE (its entities could stand for any text)', () => {
    const bytes = handWritten(
      `<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY hn "Hà Nội">]>${sheet('<row r="1"><c r="A1" t="inlineStr"><is><t>&hn;</t></is></c></row>')}`,
    );
    expect(refusal(bytes).message).toMatch(/its part xl\/worksheets\/sheet1\.xml declares a DOCTYPE/);
  });

  it('refuses a workbook with two sheets of the same name', () => {
    const workbook =
      '<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/><sheet name="S" sheetId="2" r:id="rId1"/></sheets></workbook>';
    expect(() => openWorkbook(handWritten(sheet(''), { 'xl/workbook.xml': workbook }))).toThrow(/two sheets named "S"/);
  });

  it('reads error cells as their text, CDATA as text, and ignores commented-out rows', () => {
    const bytes = handWritten(
      sheet(
        '<row r="1"><c r="A1" t="e"><v>#DIV/0!</v></c><c r="B1" t="inlineStr"><is><t><![CDATA[a < b & c]]></t></is></c></row><!--<row r="2"><c r="A2"><v>9</v></c></row>-->',
      ),
    );
    expect(read(bytes)).toEqual([['#DIV/0!', 'a < b & c']]);
  });

  it.each([
    [
      'an empty number <v></v>',
      '<row r="3"><c r="B3"><v></v></c></row>',
      /the cell B3 is a number cell with an empty value/,
    ],
    [
      'a number cell holding text',
      '<row r="3"><c r="B3"><v>#DIV/0!</v></c></row>',
      /the cell B3 is a number cell holding "#DIV\/0!"/,
    ],
    [
      'a shared string out of range',
      '<row r="3"><c r="A3" t="s"><v>7</v></c></row>',
      /the cell A3 refers to the shared string "7", but the workbook has 2 shared string/,
    ],
    [
      'a row given twice',
      '<row r="3"><c r="A3"><v>1</v></c></row><row r="3"><c r="A3"><v>2</v></c></row>',
      /row 3 is given twice/,
    ],
    [
      'rows out of order',
      '<row r="4"><c r="A4"><v>1</v></c></row><row r="3"><c r="A3"><v>2</v></c></row>',
      /row 3 is given after row 4/,
    ],
    [
      'a cell given twice',
      '<row r="3"><c r="B3"><v>1</v></c><c r="B3"><v>2</v></c></row>',
      /the cell B3 is given twice/,
    ],
    ['a cell in the wrong row', '<row r="3"><c r="B4"><v>1</v></c></row>', /the cell B4 is written in row 3/],
    ['an unknown cell type', '<row r="3"><c r="B3" t="q"><v>1</v></c></row>', /the cell B3 has the unknown type t="q"/],
    [
      'a boolean that is not 0 or 1',
      '<row r="3"><c r="B3" t="b"><v>yes</v></c></row>',
      /the cell B3 is a true\/false cell holding "yes"/,
    ],
    [
      'an inline string in a cell of another type',
      '<row r="3"><c r="B3"><is><t>61</t></is></c></row>',
      /the cell B3 holds an inline string but its type is t="n"/,
    ],
    ['a lower-case reference', '<row r="3"><c r="b3"><v>1</v></c></row>', /a cell in row 3 has the reference "b3"/],
  ])('refuses %s, naming the cell', (_, rows, message) => {
    expect(refusal(handWritten(sheet(rows))).message).toMatch(message);
  });
});
