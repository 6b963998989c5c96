/**
 * The SQL page in the browser: starts DuckDB-WASM from files bundled with the site (the worker and the wasm come
 * from the npm package through Vite's ?url imports: no CDN), loads the site's Parquet files into it, runs the query
 * and shows the result as a table with a CSV download. The query lives in the address (?q=…).
 * DuckDB-WASM's Parquet reader is an extension it would download from extensions.duckdb.org, so the files are
 * decoded by parquet-wasm (also self-hosted) and handed to DuckDB as Arrow tables.
 */
import * as duckdb from '@duckdb/duckdb-wasm';
import { tableFromIPC } from 'apache-arrow';
import { neutraliseText } from '../../../pipeline/write/spreadsheet-safety';
import type { Lang } from './data';
import { locales } from './format';
import initParquet, { readParquet } from 'parquet-wasm/esm';
import parquetWasmUrl from 'parquet-wasm/esm/parquet_wasm_bg.wasm?url';
import wasmUrl from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import workerUrl from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';

const SHOWN_ROWS = 500;

type Cell = string | number | boolean | null;
interface Result {
  columns: string[];
  rows: Cell[][];
}

function cellValue(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string') return value;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return JSON.stringify(value, (_, v) => (typeof v === 'bigint' ? v.toString() : v));
}

/** CSV for a spreadsheet: UTF-8 with a BOM, and text that would start a formula gets a leading apostrophe. */
function toCsv(result: Result): string {
  const field = (value: Cell) => {
    if (value === null) return '';
    let text = String(value);
    if (typeof value === 'string') text = neutraliseText(text);
    return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return '\ufeff' + [result.columns, ...result.rows].map((row) => row.map(field).join(',')).join('\r\n') + '\r\n';
}

async function startDuckDb(tables: { name: string; url: string }[]): Promise<duckdb.AsyncDuckDBConnection> {
  const worker = new Worker(workerUrl);
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  await db.instantiate(wasmUrl);
  await db.open({ query: { castBigIntToDouble: false } });
  const connection = await db.connect();
  // Nothing may leave the site: no extension is fetched from extensions.duckdb.org.
  await connection.query('SET autoinstall_known_extensions = false; SET autoload_known_extensions = false;');
  const [, ...files] = await Promise.all([
    initParquet({ module_or_path: parquetWasmUrl }),
    ...tables.map(async ({ url }) => {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`${url}: ${response.status}`);
      return new Uint8Array(await response.arrayBuffer());
    }),
  ]);
  for (const [i, { name }] of tables.entries()) {
    await connection.insertArrowTable(tableFromIPC(readParquet(files[i]).intoIPCStream()), { name, create: true });
  }
  return connection;
}

export function startSqlPage(): void {
  const form = document.querySelector<HTMLFormElement>('[data-sql]')!;
  const textarea = form.querySelector('textarea')!;
  const status = document.querySelector<HTMLElement>('[data-sql-status]')!;
  const errorBox = document.querySelector<HTMLElement>('[data-sql-error]')!;
  const output = document.querySelector<HTMLElement>('[data-sql-result]')!;
  const csvButton = document.querySelector<HTMLButtonElement>('[data-sql-csv]')!;
  const text = form.dataset;
  const numberFormat = new Intl.NumberFormat(locales[text.lang as Lang], {
    maximumFractionDigits: 6,
    useGrouping: false,
  });
  let connection: Promise<duckdb.AsyncDuckDBConnection> | null = null;
  let last: Result | null = null;

  const render = (result: Result, ms: number) => {
    const table = document.createElement('table');
    const head = table.createTHead().insertRow();
    for (const column of result.columns) {
      const th = document.createElement('th');
      th.scope = 'col';
      th.textContent = column;
      head.appendChild(th);
    }
    const body = table.createTBody();
    for (const row of result.rows.slice(0, SHOWN_ROWS)) {
      const tr = body.insertRow();
      for (const value of row) {
        const td = tr.insertCell();
        if (value === null) {
          td.className = 'mark';
          td.textContent = '–';
          td.title = text.textNull!;
        } else if (typeof value === 'number') {
          td.className = 'num';
          td.textContent = numberFormat.format(value);
        } else td.textContent = String(value);
      }
    }
    output.replaceChildren(table);
    const count = text.textRows!.replace('{n}', numberFormat.format(result.rows.length));
    const shown = result.rows.length > SHOWN_ROWS ? ` (${text.textShown!.replace('{n}', String(SHOWN_ROWS))})` : '';
    status.textContent = `${count}${shown} · ${text.textTime!.replace('{ms}', String(Math.round(ms)))}`;
    csvButton.hidden = false;
  };

  const run = async (sql: string) => {
    errorBox.textContent = '';
    status.textContent = connection ? text.textRunning! : text.textLoading!;
    try {
      connection ??= startDuckDb(JSON.parse(text.tables!));
      const started = performance.now();
      const table = await (await connection).query(sql);
      const columns = table.schema.fields.map((f) => f.name);
      const rows = table.toArray().map((row) => columns.map((c) => cellValue(row[c])));
      last = { columns, rows };
      render(last, performance.now() - started);
    } catch (error) {
      status.textContent = '';
      errorBox.textContent = `${text.textError} ${error instanceof Error ? error.message : String(error)}`;
    }
  };

  csvButton.addEventListener('click', () => {
    if (!last) return;
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([toCsv(last)], { type: 'text/csv;charset=utf-8' }));
    link.download = 'chiso-sql.csv';
    document.body.appendChild(link);
    link.click();
    link.remove();
  });

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const sql = textarea.value.trim();
    history.pushState(null, '', `${location.pathname}?${new URLSearchParams({ q: sql })}`);
    run(sql);
  });

  const fromAddress = new URLSearchParams(location.search).get('q');
  if (fromAddress) {
    textarea.value = fromAddress;
    run(fromAddress);
  }
}
