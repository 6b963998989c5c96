// What a journalist takes away from the built site carries its source: the copied quote, the edition's Excel
// file (read back with exceljs, an independent reader), the edition CSV (BOM, Vietnamese headers), the chart
// exports, the social preview tags and images, and every spreadsheet file is formula-safe.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DIST, distFiles, readData, readDist } from './site-paths.js';
import type { RunningServer } from './static-server.js';
import { haveChromium, openSiteBrowser } from './browser-session.js';

const RISKY = /^[=+\-@\t\r]/;
// The site's modules are loaded by path: they belong to the site's TypeScript project (site/tsconfig.json).
const siteModule = (path: string) => import(/* @vite-ignore */ `../../site/src/lib/${path}`);

interface Edition {
  index: string;
  year: number;
  headline_complete: boolean;
  universe_size: number;
}
interface Unit {
  unit_id: string;
}

async function readWorkbook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

describe('spreadsheet files in dist/', () => {
  it('have no text cell that a spreadsheet would run as a formula (every CSV and every XLSX)', async () => {
    const files = distFiles().filter((f) => /\.(csv|xlsx)$/.test(f) && !f.startsWith('pagefind/'));
    expect(files.filter((f) => f.endsWith('.xlsx')).length).toBeGreaterThan(100);
    const unsafe: string[] = [];
    for (const file of files) {
      if (file.endsWith('.csv')) {
        const parsed = Papa.parse<string[]>(readFileSync(join(DIST, file), 'utf8').replace(/^\ufeff/, ''), {
          skipEmptyLines: true,
        });
        for (const row of parsed.data)
          for (const cell of row)
            if (RISKY.test(cell) && !/^-?\d/.test(cell)) unsafe.push(`${file}: ${cell.slice(0, 40)}`);
      } else {
        const wb = await readWorkbook(readFileSync(join(DIST, file)));
        wb.eachSheet((ws) =>
          ws.eachRow((row) =>
            row.eachCell((cell) => {
              if (typeof cell.value === 'string' && RISKY.test(cell.value))
                unsafe.push(`${file} ${ws.name}!${cell.address}: ${cell.value.slice(0, 40)}`);
              if (cell.formula) unsafe.push(`${file} ${ws.name}!${cell.address}: formula ${cell.formula}`);
            }),
          ),
        );
      }
    }
    expect(unsafe).toEqual([]);
  });

  it('give each edition a Vietnamese CSV that Excel opens with its diacritics (BOM, Vietnamese headers) and an English one', () => {
    for (const e of readData<Edition[]>('editions.json')) {
      const vi = readFileSync(join(DIST, `files/editions/${e.index}-${e.year}.csv`), 'utf8');
      expect(vi.startsWith('\ufeffHạng,'), `${e.index} ${e.year}`).toBe(true);
      expect(vi).toContain('"Tỉnh, thành phố"');
      expect(
        readFileSync(join(DIST, `files/editions/${e.index}-${e.year}.en.csv`), 'utf8').startsWith('\ufeffRank,'),
      ).toBe(true);
    }
    expect(readFileSync(join(DIST, 'data/observations.csv'), 'utf8').charCodeAt(0)).not.toBe(0xfeff);
  });
});

describe('preview tags', () => {
  it('give every province, edition and index page an og:image of 1200 × 630 that exists, with matching meta tags', () => {
    const pages = [
      ...readData<Unit[]>('units.json').flatMap((u) => [
        `tinh/${u.unit_id}/index.html`,
        `en/provinces/${u.unit_id}/index.html`,
      ]),
      ...readData<Edition[]>('editions.json').flatMap((e) => [
        `chi-so/${e.index}/${e.year}/index.html`,
        `en/indices/${e.index}/${e.year}/index.html`,
      ]),
      ...['papi', 'pci', 'par-index', 'sipas'].flatMap((i) => [`chi-so/${i}/index.html`, `en/indices/${i}/index.html`]),
    ];
    const seen = new Set<string>();
    for (const page of pages) {
      // Only the <head>: parsing 300 whole pages is slow on a loaded machine.
      const { document } = parseHTML(readDist(page).split('</head>')[0] + '</head><body></body></html>');
      const meta = (p: string) =>
        document.querySelector(`meta[property="${p}"], meta[name="${p}"]`)?.getAttribute('content');
      const image = meta('og:image');
      expect(image, page).toMatch(/^https?:\/\/[^/]+\/og\/.+\.png$/);
      expect([meta('og:image:width'), meta('og:image:height'), meta('twitter:card')], page).toEqual([
        '1200',
        '630',
        'summary_large_image',
      ]);
      expect(meta('og:image:alt'), page).toBeTruthy();
      const file = join(DIST, new URL(image!).pathname);
      if (seen.has(file)) continue;
      seen.add(file);
      expect(existsSync(file), file).toBe(true);
      const png = readFileSync(file);
      expect([png.subarray(1, 4).toString(), png.readUInt32BE(16), png.readUInt32BE(20)], file).toEqual([
        'PNG',
        1200,
        630,
      ]);
    }
    expect(seen.size).toBe(pages.length);
  });

  it("show an index's whole name on its preview image in both languages, the longest ones too, within the text column", async () => {
    const { ogImageFor } = (await siteModule('og/cards')) as {
      ogImageFor: (page: { page: 'index'; index: string }, lang: 'vi' | 'en') => { svg: () => Promise<string> };
    };
    const definitions = readData<{ id: string; full_name: { vi: string; en: string } }[]>('indices.json');
    for (const def of definitions)
      for (const lang of ['vi', 'en'] as const) {
        const { document } = parseHTML(await ogImageFor({ page: 'index', index: def.id }, lang).svg());
        const title = [...document.querySelectorAll('text[font-weight="700"][fill="#1f2933"]')];
        expect(title.map((t) => t.textContent).join(' '), `${def.id} ${lang}`).toBe(def.full_name[lang]);
        // Every line above the footer's rule and left of the map (x 810).
        const size = Number(title[0].getAttribute('font-size'));
        expect(Number(title.at(-1)!.getAttribute('y')), `${def.id} ${lang}`).toBeLessThan(560 - 4 * size);
        for (const t of title) expect(t.textContent!.length * size * 0.55, t.textContent!).toBeLessThanOrEqual(750);
      }
    expect(Math.max(...definitions.map((d) => d.full_name.vi.length))).toBeGreaterThan(80);
  });
});

describe.skipIf(!haveChromium)('take-aways in a browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    ({ server, browser, context, tab: page } = await openSiteBrowser());
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('copies a quote with its source, in both languages', async () => {
    for (const [path, source] of [
      ['/chi-so/papi/2021/', '(Nguồn: PAPI 2021, CECODES–VFF-CRT–RTA–UNDP, công bố 10/5/2022)'],
      ['/en/indices/papi/2021/', '(Source: PAPI 2021, CECODES–VFF-CRT–RTA–UNDP, published 10 May 2022)'],
    ]) {
      await page.goto(server.origin + path);
      await page.locator('.quotes details summary').click();
      const quote = page.locator('.quote', { has: page.locator('#q-phu-tho') });
      await quote.locator('.copy-button').click();
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      // The sentence and its source as the page shows them, without the footnote mark.
      const sentence = (
        await quote.locator('.quote-text').evaluate((p) => {
          const c = p.cloneNode(true) as HTMLElement;
          c.querySelectorAll('sup').forEach((s) => s.remove());
          return c.textContent!;
        })
      )
        .replace(/\s+/g, ' ')
        .trim();
      expect(copied).toBe(sentence);
      expect(copied.endsWith(source), copied).toBe(true);
      expect(copied).toMatch(path.startsWith('/en') ? /computed by chiso/ : /do chiso tính từ điểm công bố/);
    }
  });

  it('downloads PAR INDEX 2023 and PAPI 2021 as Excel files of those editions, with Vietnamese headers and a sources sheet', async () => {
    for (const [index, year] of [
      ['par-index', 2023],
      ['papi', 2021],
    ] as const) {
      await page.goto(`${server.origin}/chi-so/${index}/${year}/`);
      const button = page.getByRole('link', { name: 'Tải bảng Excel (.xlsx)' });
      const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
      expect(download.suggestedFilename()).toBe(`${index}-${year}.xlsx`);
      const wb = await readWorkbook(readFileSync((await download.path())!));
      const [table, notes] = wb.worksheets;
      expect([table.name, notes.name]).toEqual(['Bảng xếp hạng', 'Nguồn & ghi chú']);
      const header = (table.getRow(1).values as unknown[]).slice(1);
      expect(header.slice(0, 8)).toEqual([
        'Hạng',
        'Trên tổng số',
        'Nguồn thứ hạng',
        'Thay đổi hạng',
        'Nguồn thay đổi hạng',
        'Tỉnh, thành phố',
        'Vùng',
        'Điểm',
      ]);
      expect(table.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      // The rows are this edition's: the same provinces and scores as its observations, numbers as numbers.
      const observations = readData<
        { index: string; year: number; measure: string; unit_name_vi: string; value: number | null }[]
      >('observations.json').filter(
        (o) =>
          o.index === index &&
          o.year === year &&
          o.measure === (index === 'papi' ? 'total' : 'score') &&
          o.value !== null,
      );
      const rows: { name: string; value: number }[] = [];
      table.eachRow((row, n) => {
        if (n > 1 && typeof row.getCell(8).value === 'number')
          rows.push({ name: String(row.getCell(6).value), value: row.getCell(8).value as number });
      });
      expect(rows.length).toBe(observations.length);
      for (const o of observations)
        expect(rows.find((r) => r.name === o.unit_name_vi)?.value, o.unit_name_vi).toBeCloseTo(o.value!, 5);
      expect(table.getRow(2).getCell(8).numFmt).toMatch(/^0\.0+$/);
      const labels = (table.getColumn(3).values as unknown[]).slice(2).filter(Boolean);
      expect(labels.every((l) => ['cơ quan công bố', 'chiso tính từ điểm công bố'].includes(String(l)))).toBe(true);
      const items = new Map<string, string>();
      notes.eachRow((row, n) => {
        if (n > 1) items.set(String(row.getCell(1).value), String(row.getCell(2).value));
      });
      expect([...items.keys()]).toEqual(
        expect.arrayContaining([
          'Cơ quan công bố',
          'Ngày công bố',
          'Phạm vi số liệu',
          'Giấy phép số liệu gốc',
          'Trích dẫn',
        ]),
      );
      expect([...items.keys()].some((k) => k.startsWith('Nguồn S'))).toBe(true);
      expect(items.get('Trích dẫn')).toContain('chiso, bản phát hành dữ liệu');
    }
  });

  it('exports a chart whose SVG states its title, source and credit, at its size and at 16:9', async () => {
    await page.goto(`${server.origin}/chi-so/papi/2021/`);
    const figure = page.locator('#papi-2021-map');
    for (const [link, size] of [
      ['a[href$="papi-2021-map.vi.svg"]', null],
      ['a[href$="papi-2021-map.vi.16x9.svg"]', [1280, 720]],
    ] as const) {
      const svg = await (await fetch(server.origin + (await figure.locator(link).getAttribute('href'))!)).text();
      expect(svg).toContain('<title>Bản đồ PAPI 2021</title>');
      expect(svg).toContain('Nguồn: PAPI 2021, CECODES–VFF-CRT–RTA–UNDP');
      expect(svg).toContain('CC BY 4.0');
      expect(svg).toContain('QĐ. Hoàng Sa');
      expect(svg).toContain('QĐ. Trường Sa');
      if (size) expect(svg).toContain(`width="${size[0]}" height="${size[1]}"`);
    }
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      figure.locator('.png-download').last().click(),
    ]);
    expect(download.suggestedFilename()).toBe('papi-2021-map.vi.16x9.png');
    const png = readFileSync((await download.path())!);
    expect([png.subarray(1, 4).toString(), png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual(['PNG', 2560, 1440]);
  });
});
