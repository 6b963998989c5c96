// The built site in Chromium at a phone's width: no page scrolls sideways (at a desk's width, browser.test.ts checks
// one page of each type); compare downloads what it shows, names what it cannot plot and keeps its selection across
// languages; the SQL page runs DuckDB-WASM on the site's own Parquet files with no request leaving the site.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Download, Page } from 'playwright-core';
import { formatDouble } from '../../pipeline/write/csv.js';
import { neutraliseText } from '../../pipeline/write/spreadsheet-safety.js';
import { DATA, htmlPages, readData, readDist } from './site-paths.js';
import type { RunningServer } from './static-server.js';
import { haveChromium, openSiteBrowser, waitForCompareChart } from './browser-session.js';

interface Unit {
  unit_id: string;
  era: string;
  name_vi: string;
  name_en: string;
}
interface Series {
  index: string;
  name: { vi: string };
  source: { vi: string };
  years: number[];
  units: { id: string; vi: string; en: string; colour: string; symbol: string; score: (number | null)[] }[];
}

const units = readData<Unit[]>('units.json');
const name = (id: string) => units.find((u) => u.unit_id === id)!.name_vi;

/** One page of every type in both languages, and every 2025 unit's page in both languages (long names, many former
 * provinces). */
const PHONE_PAGES = [
  '/',
  '/en/',
  '/chi-so/',
  '/en/indices/',
  '/chi-so/pci/',
  '/en/indices/sipas/',
  '/chi-so/papi/2021/',
  '/en/indices/pci/2024/',
  '/chi-so/par-index/2012/',
  '/en/indices/sipas/2022/',
  '/tinh/',
  '/en/provinces/',
  '/tinh/phu-tho/',
  '/en/provinces/ha-tay/',
  '/tinh/ha-giang/',
  '/en/provinces/ho-chi-minh/',
  '/so-sanh/?index=papi&m=score&p=phu-tho&p=ha-noi&p=tuyen-quang&p=ha-giang&p=ca-mau',
  '/en/compare/?index=pci&m=rank&p=phu-tho&p=ha-noi',
  '/so-sanh/nhung/?index=papi&m=score&p=phu-tho&p=ha-noi',
  '/du-lieu/',
  '/en/downloads/',
  '/du-lieu/sql/',
  '/en/data/sql/',
  '/phuong-phap/',
  '/en/methodology/',
  '/tim-kiem/?q=phu+tho',
  '/en/search/?q=phu+tho',
  '/khong-co-trang-nay/',
  ...units.filter((u) => u.era === 'merged').flatMap((u) => [`/tinh/${u.unit_id}/`, `/en/provinces/${u.unit_id}/`]),
];
const PHONE = { width: 390, height: 844 };

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const foreignRequests: string[] = [];

async function bytesOf(download: Download): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function downloadFrom(page: Page, selector: string): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  return { name: download.suggestedFilename(), bytes: await bytesOf(download) };
}

describe.skipIf(!haveChromium)('phones, compare and SQL in a browser', () => {
  beforeAll(async () => {
    ({ server, browser, context, tab: page } = await openSiteBrowser(foreignRequests));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  // Each test starts at Playwright's default size, whatever the one before set.
  beforeEach(() => page.setViewportSize({ width: 1280, height: 720 }));

  it(`no page scrolls sideways at ${PHONE.width}×${PHONE.height} (${PHONE_PAGES.length} pages)`, async () => {
    await page.setViewportSize(PHONE);
    const wide: string[] = [];
    for (const path of PHONE_PAGES) {
      await page.goto(server.origin + path, { waitUntil: 'load' });
      await waitForCompareChart(page, path);
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      if (scrollWidth > PHONE.width) wide.push(`${path}: ${scrollWidth} px`);
    }
    expect(wide).toEqual([]);
  });

  it('on a phone, the ranking shows Hạng · Tỉnh · Điểm · ± and keeps the rest behind a checkbox', async () => {
    await page.setViewportSize(PHONE);
    await page.goto(server.origin + '/chi-so/papi/2021/');
    // What the eye sees: the long label of ± stays for screen readers only.
    const visibleHeaders = () =>
      page.locator('.ranking-table thead th:visible').evaluateAll((ths) =>
        ths.map((th) => {
          const copy = th.cloneNode(true) as HTMLElement;
          copy.querySelectorAll('.label-long').forEach((e) => {
            if (getComputedStyle(th.querySelector('.label-long')!).position === 'absolute') e.remove();
          });
          return copy.textContent!.replace(/[⇅▲▼]/g, '').trim();
        }),
      );
    expect(await visibleHeaders()).toEqual(['Hạng', 'Tỉnh, thành phố', 'Điểm', '±']);
    await page.check('[data-show-components]');
    expect((await visibleHeaders()).length).toBeGreaterThan(4);
  });

  it('names the provinces compare cannot plot, with the reason', async () => {
    const parIndex = readData<Series>('../files/compare/par-index.json');
    const plotted = new Set(parIndex.units.filter((u) => u.score.some((v) => v !== null)).map((u) => u.id));
    // Checked in the data first: PAR INDEX has Tuyên Quang but neither Lai Châu nor Hà Giang (the case was
    // Phú Thọ, which has a PAR INDEX 2020 score since data round 2).
    expect(['lai-chau', 'ha-giang', 'tuyen-quang'].map((id) => plotted.has(id))).toEqual([false, false, true]);
    await page.goto(server.origin + '/so-sanh/?index=par-index&m=score&p=lai-chau&p=ha-giang&p=tuyen-quang');
    await page.waitForSelector('[data-compare-chart] svg');
    expect(await page.locator('[data-compare-missing]').textContent()).toBe(
      `${name('lai-chau')}, ${name('ha-giang')}: chiso chưa có số liệu PAR INDEX`,
    );
    expect(await page.locator('[data-compare-chart] svg path[fill="none"]').count()).toBe(1);
  });

  it('downloads what compare shows: CSV for people (BOM, every year), tidy CSV, framed SVG and PNG; permalink and embed', async () => {
    const papi = readData<Series>('../files/compare/papi.json');
    await page.goto(server.origin + '/so-sanh/?index=papi&m=score&p=phu-tho&p=ha-noi');
    await page.waitForSelector('[data-compare-chart] svg');
    const people = await downloadFrom(page, '[data-compare-download="people"]');
    const text = people.bytes.toString('utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const rows = Papa.parse<string[]>(text.slice(1).trim()).data;
    expect(rows[0]).toEqual(['Năm', 'Phú Thọ', 'Hà Nội']);
    expect(rows.slice(1).map((r) => Number(r[0]))).toEqual(papi.years);
    const tidy = Papa.parse<Record<string, string>>(
      (await downloadFrom(page, '[data-compare-download="tidy"]')).bytes.toString('utf8').trim(),
      { header: true },
    ).data;
    expect(tidy.length).toBe(2 * papi.years.length);
    const phuTho2021 = papi.units.find((u) => u.id === 'phu-tho')!.score[papi.years.indexOf(2021)];
    expect(Number(tidy.find((r) => r.unit_id === 'phu-tho' && r.year === '2021')!.value)).toBe(phuTho2021);
    const svg = (await downloadFrom(page, '[data-compare-download="svg"]')).bytes.toString('utf8');
    // The frame of every exported chart: title, source, chiso, the permalink and the licence, as visible text.
    const shown = await page.evaluate((xml) => {
      const doc = new DOMParser().parseFromString(xml, 'image/svg+xml');
      return [...doc.querySelectorAll('svg > text')].map((t) => t.textContent).join(' ');
    }, svg);
    expect(shown).toContain('Điểm PAPI: Phú Thọ, Hà Nội');
    expect(shown).toContain(`Nguồn: ${papi.source.vi}`);
    expect(shown).toMatch(
      /Biểu đồ: chiso · https:\/\/\S+\/so-sanh\/\?index=papi&m=score&p=phu-tho&p=ha-noi · CC BY 4\.0/,
    );
    // The legend of the image draws each province with the marker its line is drawn with.
    const markers = await page.evaluate((xml) => {
      const doc = new DOMParser().parseFromString(xml, 'image/svg+xml');
      const chart = [...doc.querySelectorAll('svg > svg path[fill]')].map(
        (p) => `${p.getAttribute('fill')} ${p.getAttribute('d')}`,
      );
      const legend = [...doc.querySelectorAll('svg > g > g > path')].map(
        (p) => `${p.getAttribute('fill')} ${p.getAttribute('d')}`,
      );
      return { chart, legend, circles: doc.querySelectorAll('svg > g > g > circle').length };
    }, svg);
    const style = (id: string) => papi.units.find((u) => u.id === id)!;
    expect(markers.legend).toEqual(['phu-tho', 'ha-noi'].map((id) => `${style(id).colour} ${style(id).symbol}`));
    expect(markers.chart).toEqual(expect.arrayContaining(markers.legend));
    expect(markers.circles).toBe(0);
    const wide = (await downloadFrom(page, '[data-compare-download="svg169"]')).bytes.toString('utf8');
    expect(wide).toMatch(/<svg [^>]*width="1280" height="720"/);
    expect(wide).toContain(`Nguồn: ${papi.source.vi}`);
    expect(
      await page.evaluate(
        (xml) => new DOMParser().parseFromString(xml, 'image/svg+xml').querySelector('parsererror'),
        svg,
      ),
    ).toBeNull();
    const png = await downloadFrom(page, '[data-compare-download="png"]');
    expect(png.bytes.subarray(1, 4).toString()).toBe('PNG');
    expect(png.bytes.readUInt32BE(16)).toBe(2 * Number(svg.match(/<svg [^>]*width="(\d+)"/)![1]));
    const permalink = new URL(await page.inputValue('[data-compare-permalink]'));
    expect([permalink.pathname, permalink.searchParams.getAll('p')]).toEqual(['/so-sanh/', ['phu-tho', 'ha-noi']]);
    const embed = await page.inputValue('[data-compare-embed]');
    const src = new URL(embed.match(/<iframe src="([^"]+)"/)![1]);
    expect(src.pathname).toBe('/so-sanh/nhung/');
    await page.goto(server.origin + src.pathname + src.search);
    await page.waitForSelector('[data-compare-chart] svg');
    expect(await page.locator('.site-header').count()).toBe(0);
    expect(await page.locator('#compare-title').textContent()).toBe('Điểm PAPI: Phú Thọ, Hà Nội');
  });

  it("makes its CSV downloads formula-safe with the build's rule, numbers staying numbers", async () => {
    const papi = readData<Series>('../files/compare/papi.json');
    // A series whose province names would run as formulas in a spreadsheet (no real name does).
    const risky = {
      ...papi,
      units: papi.units.map((u) =>
        u.id === 'phu-tho' ? { ...u, vi: '=HYPERLINK("https://example.org")', en: '@SUM(A1)' } : u,
      ),
    };
    // A tab of its own: it answers the series file itself.
    const page = await context.newPage();
    await page.route('**/files/compare/papi.json', (route) => route.fulfill({ json: risky }));
    await page.goto(server.origin + '/so-sanh/?index=papi&m=score&p=phu-tho&p=ha-noi');
    await page.waitForSelector('[data-compare-chart] svg');
    const people = Papa.parse<string[]>(
      (await downloadFrom(page, '[data-compare-download="people"]')).bytes.toString('utf8').slice(1).trim(),
    ).data;
    expect(people[0][1]).toBe(neutraliseText(risky.units.find((u) => u.id === 'phu-tho')!.vi));
    expect(people[0][1].startsWith("'=")).toBe(true);
    const tidyText = (await downloadFrom(page, '[data-compare-download="tidy"]')).bytes.toString('utf8');
    const tidy = Papa.parse<Record<string, string>>(tidyText.trim(), { header: true }).data;
    const row = tidy.find((r) => r.unit_id === 'phu-tho' && r.year === '2021')!;
    expect([row.unit_name_vi, row.unit_name_en]).toEqual(['\'=HYPERLINK("https://example.org")', "'@SUM(A1)"]);
    const score = papi.units.find((u) => u.id === 'phu-tho')!.score[papi.years.indexOf(2021)]!;
    expect(tidyText).toContain(`,2021,${formatDouble(score)},`);
    await page.close();
  });

  it('keeps the compare selection when switching language', async () => {
    const search = '?index=pci&m=rank&p=phu-tho&p=da-nang';
    await page.goto(server.origin + '/so-sanh/' + search);
    await page.waitForSelector('[data-compare-chart] svg');
    await Promise.all([page.waitForURL('**/en/compare/**'), page.click('.lang-switch')]);
    expect(new URL(page.url()).search).toBe(search);
    await page.waitForSelector('[data-compare-chart] svg');
    expect(await page.locator('#compare-title').textContent()).toBe('PCI Rank: Phu Tho, Da Nang');
  });

  it("runs SQL from the address on the site's Parquet files: the row count of observations.csv, no request leaving the site", async () => {
    const csvRows = Papa.parse(readFileSync(join(DATA, 'observations.csv'), 'utf8').trim(), { header: true }).data
      .length;
    // A tab of its own: it records every request.
    const page = await context.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(server.origin + '/du-lieu/sql/?q=' + encodeURIComponent('SELECT count(*) AS n FROM observations'));
    await page.waitForSelector('[data-sql-result] td, [data-sql-error]:not(:empty)', { timeout: 90_000 });
    expect(await page.locator('[data-sql-error]').textContent()).toBe('');
    expect(await page.locator('[data-sql-result] th').allTextContents()).toEqual(['n']);
    expect(await page.locator('[data-sql-result] td').allTextContents()).toEqual([String(csvRows)]);
    expect(await page.inputValue('#sql-query')).toBe('SELECT count(*) AS n FROM observations');
    expect(requests.filter((url) => new URL(url).origin !== server.origin)).toEqual([]);
    expect(requests.some((url) => url.endsWith('/data/observations.parquet'))).toBe(true);
    // The result as CSV, and a second query on another table through the form.
    expect((await downloadFrom(page, '[data-sql-csv]')).bytes.toString('utf8')).toBe(`\ufeffn\r\n${csvRows}\r\n`);
    await page.fill('#sql-query', "SELECT count(*) AS n FROM units WHERE era = 'merged'");
    await page.click('.sql-form button[type="submit"]');
    await page.waitForFunction(() => new URLSearchParams(location.search).get('q')?.includes('units'));
    await page.waitForFunction(() => document.querySelector('[data-sql-result] td')?.textContent === '34');
    expect(foreignRequests).toEqual([]);
    await page.close();
  });
});

describe('the heavy SQL code', () => {
  it('is referenced by the SQL pages only, and its wasm and worker are files of the site', () => {
    const referencing = htmlPages().filter((p) => /<script[^>]+src="\/assets\/(sql|duckdb)[.-]/.test(readDist(p)));
    expect(referencing.sort()).toEqual(['du-lieu/sql/index.html', 'en/data/sql/index.html']);
    const script = readDist('du-lieu/sql/index.html').match(/<script src="(\/assets\/sql\.[^"]+)" type="module"/)![1];
    const code = readDist(script.slice(1));
    for (const asset of [...code.matchAll(/"\/assets\/([^"]+\.(?:wasm|js))"/g)].map((m) => m[1]))
      expect(existsSync(join(DATA, '..', 'assets', asset)), asset).toBe(true);
    expect(code).toMatch(/duckdb-eh[^"]*\.wasm/);
    expect(code).not.toMatch(/https?:\/\/(cdn|unpkg|jsdelivr|extensions\.duckdb)/);
  });
});

describe('the 2025 units in words', () => {
  const text = (path: string, selector: string) =>
    (parseHTML(readDist(path)).document.querySelector(selector)?.textContent ?? '').replace(/\s+/g, ' ').trim();

  it('say a merger in one sentence, the same on the new unit and on each former province', () => {
    const sentence = 'Từ 1/7/2025, Hà Giang và Tuyên Quang hợp nhất thành tỉnh Tuyên Quang (mới).';
    for (const id of ['ha-giang', 'tuyen-quang', 'tuyen-quang-2025'])
      expect(text(`tinh/${id}/index.html`, '.merger'), id).toBe(sentence);
    expect(text('en/provinces/tuyen-quang-2025/index.html', '.merger')).toBe(
      'From 1 July 2025, Ha Giang and Tuyen Quang merged into the new Tuyen Quang province.',
    );
  });

  it('title the charts of a 2025 unit by its former provinces', () => {
    const titles = [
      ...parseHTML(readDist('tinh/phu-tho-2025/index.html')).document.querySelectorAll('.chart-title'),
    ].map((h) => h.textContent);
    expect(titles).toContain('Các tỉnh cũ hợp thành Phú Thọ (từ 1/7/2025): điểm PAPI');
  });
});

describe('province colours and markers', () => {
  it('are one pair per province on every page, and distinct in colour and marker among the provinces of each 2025 unit', () => {
    // The compare series files carry each province's style, as the build-time charts use it.
    const styles = new Map<string, string>();
    for (const index of ['papi', 'pci', 'sipas', 'par-index']) {
      for (const u of readData<{ units: { id: string; colour: string; symbol: string }[] }>(
        `../files/compare/${index}.json`,
      ).units) {
        const style = `${u.colour} ${u.symbol}`;
        expect(styles.get(u.id) ?? style, u.id).toBe(style);
        styles.set(u.id, style);
      }
    }
    expect(styles.size).toBeGreaterThanOrEqual(63);
    expect(new Set(styles.values()).size).toBe(styles.size);
    const all = readData<(Unit & { successor_id: string | null })[]>('units.json');
    for (const m of all.filter((u) => u.era === 'merged')) {
      const group = all
        .filter((u) => u.successor_id === m.unit_id && styles.has(u.unit_id))
        .map((u) => styles.get(u.unit_id)!.split(' '));
      expect(new Set(group.map(([colour]) => colour)).size, m.unit_id).toBe(group.length);
      expect(new Set(group.map(([, symbol]) => symbol)).size, m.unit_id).toBe(group.length);
    }
  });
});
