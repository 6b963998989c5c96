/**
 * Writes a one-sheet Excel workbook for journalists: Vietnamese headers, frozen header row, numbers as numbers.
 * exceljs stamps dates into the file, so the zip is rewritten with fixed dates to keep builds byte-identical.
 */
import { writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { unzipSync, zipSync } from 'fflate';

const FIXED_DATE = new Date('2000-01-01T00:00:00Z');

export async function writeWorkbook(path: string, sheetName: string, headers: [key: string, label: string][], rows: Record<string, unknown>[]): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'chiso';
  workbook.created = FIXED_DATE;
  workbook.modified = FIXED_DATE;
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = headers.map(([key, label]) => ({ header: label, key, width: Math.min(Math.max(label.length + 2, 10), 40) }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) {
    sheet.addRow(Object.fromEntries(headers.map(([key]) => [key, typeof row[key] === 'bigint' ? Number(row[key]) : row[key] ?? null])));
  }
  const buffer = new Uint8Array(await workbook.xlsx.writeBuffer());
  const entries = unzipSync(buffer);
  const names = Object.keys(entries).sort((a, b) => (a === '[Content_Types].xml' ? -1 : b === '[Content_Types].xml' ? 1 : a.localeCompare(b)));
  const stable = Object.fromEntries(
    names.map((name) => [name, [stripVolatile(name, entries[name]), { mtime: FIXED_DATE }] as [Uint8Array, { mtime: Date }]]),
  );
  writeFileSync(path, zipSync(stable, { level: 6 }));
}

/** docProps/core.xml carries dates; make sure they are the fixed ones. */
function stripVolatile(name: string, data: Uint8Array): Uint8Array {
  if (name !== 'docProps/core.xml') return data;
  const xml = new TextDecoder().decode(data).replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z/g, FIXED_DATE.toISOString().replace('.000', ''));
  return new TextEncoder().encode(xml);
}
