// The built site in Debian's Chromium (playwright-core), served from dist/ on 127.0.0.1, at a desk's width: every
// page type loads without console errors or requests to other hosts, does not scroll sideways, passes axe-core, and
// the ranking, sentence, search and compare features work (phones: phones-compare-sql.test.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { readData } from './site-paths.js';
import type { RunningServer } from './static-server.js';
import { haveChromium, openSiteBrowser, waitForCompareChart } from './browser-session.js';

if (!haveChromium)
  console.warn(
    'tests/site/browser: neither Chromium nor its headless shell found (apt-get install chromium-headless-shell); browser tests skipped',
  );

interface Observation {
  index: string;
  year: number;
  unit_id: string;
  measure: string;
  value: number | null;
  rank: number | null;
  rank_of: number;
  rank_change: number | null;
  previous_year: number | null;
}

const PAGE_TYPES: { name: string; vi: string; en: string }[] = [
  { name: 'home', vi: '/', en: '/en/' },
  { name: 'indices', vi: '/chi-so/', en: '/en/indices/' },
  { name: 'index', vi: '/chi-so/papi/', en: '/en/indices/papi/' },
  { name: 'edition (complete)', vi: '/chi-so/papi/2021/', en: '/en/indices/papi/2021/' },
  { name: 'edition (partial)', vi: '/chi-so/pci/2024/', en: '/en/indices/pci/2024/' },
  { name: 'provinces', vi: '/tinh/', en: '/en/provinces/' },
  { name: 'province', vi: '/tinh/phu-tho/', en: '/en/provinces/phu-tho/' },
  { name: 'province (2025 unit)', vi: '/tinh/phu-tho-2025/', en: '/en/provinces/phu-tho-2025/' },
  {
    name: 'compare',
    vi: '/so-sanh/?index=papi&m=score&p=phu-tho&p=ha-noi',
    en: '/en/compare/?index=papi&m=rank&p=phu-tho&p=ha-noi',
  },
  {
    name: 'compare (embed)',
    vi: '/so-sanh/nhung/?index=papi&m=score&p=phu-tho&p=ha-noi',
    en: '/en/compare/embed/?index=pci&m=rank&p=phu-tho&p=ha-noi',
  },
  { name: 'downloads', vi: '/du-lieu/', en: '/en/downloads/' },
  { name: 'SQL', vi: '/du-lieu/sql/', en: '/en/data/sql/' },
  { name: 'methodology', vi: '/phuong-phap/', en: '/en/methodology/' },
  { name: 'search', vi: '/tim-kiem/?q=phu+tho', en: '/en/search/?q=phu+tho' },
  { name: '404', vi: '/khong-co-trang-nay/', en: '/en/no-such-page/' },
];

/** axe-core's rules of colour and layout, run on the Vietnamese page of each type only (see below). */
const LAYOUT_RULES = ['color-contrast', 'target-size', 'link-in-text-block'];

const FETCHING = /^\/(en\/)?(so-sanh|compare|du-lieu\/sql|data\/sql|tim-kiem|search)\//;
/** A common laptop screen. */
const DESK = { width: 1366, height: 900 };

let server: RunningServer;
let browser: Browser;
let tab: Page;
const foreignRequests: string[] = [];
/** The console errors of the page last opened. */
let errors: string[] = [];

async function open(path: string, options: { allow404?: boolean } = {}): Promise<{ page: Page; errors: string[] }> {
  errors = [];
  const response = await tab.goto(server.origin + path, { waitUntil: 'load' });
  if (!options.allow404) expect(response?.status(), path).toBe(200);
  // Pages whose scripts fetch data after loading (the compare page, SQL, search) are checked once it has come;
  // waiting for a quiet network costs half a second a page, so the others are checked once loaded.
  if (FETCHING.test(path)) await tab.waitForLoadState('networkidle');
  await waitForCompareChart(tab, path);
  return { page: tab, errors: options.allow404 ? errors.filter((e) => !/404 \(Not Found\)/.test(e)) : errors };
}

describe.skipIf(!haveChromium)('site in a browser', () => {
  beforeAll(async () => {
    ({ server, browser, tab } = await openSiteBrowser(foreignRequests));
    await tab.setViewportSize(DESK);
    tab.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    tab.on('pageerror', (error) => errors.push(error.message));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const type of PAGE_TYPES) {
    for (const lang of ['vi', 'en'] as const) {
      // Every rule on the Vietnamese page; on the English one, every rule but those of colour and layout, which
      // half of axe's time on a page goes to (measured): the two pages share their markup and styles, and what an
      // English page can get wrong on its own (names, labels, alternative text, language) the other rules check.
      const rules = lang === 'en' ? Object.fromEntries(LAYOUT_RULES.map((id) => [id, { enabled: false }])) : {};
      it(`${type.name} (${lang}) loads without console errors, fits ${DESK.width} px and passes axe-core`, async () => {
        const { page, errors } = await open(type[lang], { allow404: type.name === '404' });
        expect(await page.getAttribute('html', 'lang')).toBe(type.name === '404' ? 'vi' : lang);
        expect(errors, errors.join('\n')).toEqual([]);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(DESK.width);
        await page.addScriptTag({ url: '/__test__/axe.min.js' });
        const violations = await page.evaluate(async (rules) => {
          // @ts-expect-error axe is injected above
          const result = await window.axe.run(document, { resultTypes: ['violations'], rules });
          return result.violations.map(
            (v: { id: string; nodes: { target: string[] }[] }) =>
              `${v.id}: ${v.nodes
                .slice(0, 3)
                .map((n) => n.target.join(' '))
                .join(', ')}`,
          );
        }, rules);
        expect(violations, violations.join('\n')).toEqual([]);
      });
    }
  }

  it('sends no request to any host but 127.0.0.1', () => {
    expect(foreignRequests).toEqual([]);
  });

  it('shows 63 rows in the ranking table of a complete edition (PAPI 2021), and filters by region', async () => {
    const { page } = await open('/chi-so/papi/2021/');
    expect(await page.locator('.ranking-table tbody tr').count()).toBe(63);
    await page.selectOption('[data-region-filter]', 'red-river-delta');
    const visible = await page.locator('.ranking-table tbody tr:visible').count();
    expect(visible).toBeGreaterThan(5);
    expect(visible).toBeLessThan(63);
  });

  it('writes the press sentence for Phú Thọ, PAPI 2021, from the data (6/63), without the press\'s "up 32 places"', async () => {
    const row = readData<Observation[]>('observations.json').find(
      (o) => o.index === 'papi' && o.year === 2021 && o.unit_id === 'phu-tho' && o.measure === 'total',
    )!;
    // The press compares a place among the 60 provinces scored in 2021 with one among the 63 of 2020: chiso does not.
    expect([row.rank, row.rank_of, row.rank_change, row.previous_year]).toEqual([6, 63, null, 2020]);
    const score = row.value!.toFixed(2).replace('.', ',');
    // PAPI 2021 ranked other provinces than 2020 (Bắc Giang, Bắc Ninh, Quảng Ninh absent): no change is quoted, a
    // footnote says why; 60 of 63 were scored, the rank is chiso's, and the sentence ends with its source.
    const expected = `Năm 2021, chỉ số PAPI của Phú Thọ đạt ${score} điểm, xếp thứ ${row.rank}/${row.rank_of} tỉnh, thành phố (60 tỉnh được chấm điểm; thứ hạng do chiso tính từ điểm công bố).* (Nguồn: PAPI 2021, CECODES–VFF-CRT–RTA–UNDP, công bố 10/5/2022)`;
    expect(expected).toContain('đạt 45,34 điểm, xếp thứ 6/63 tỉnh, thành phố');
    const { page } = await open('/chi-so/papi/2021/');
    expect((await page.locator('#q-phu-tho').textContent())!.replace(/\s+/g, ' ')).toBe(expected);
    expect(await page.locator('#q-phu-tho-note').textContent()).toMatch(
      /^\* Không so sánh thứ hạng với năm 2020 vì hai năm không xếp hạng cùng các tỉnh, thành phố/,
    );
    const english = await open('/en/indices/papi/2021/');
    expect((await english.page.locator('#q-phu-tho').textContent())!.replace(/\s+/g, ' ')).toBe(
      'In 2021, Phu Tho scored 45.34 points on PAPI, ranking 6th out of 63 provinces and cities (60 scored; rank computed by chiso from the published scores).* (Source: PAPI 2021, CECODES–VFF-CRT–RTA–UNDP, published 10 May 2022)',
    );
  });

  it('finds a province typed without diacritics, with them, and in lower case', async () => {
    for (const query of ['Phu Tho', 'phú thọ', 'Phú Thọ']) {
      const { page } = await open(`/tim-kiem/?q=${encodeURIComponent(query)}`);
      await page.waitForSelector('[data-search-results] li');
      const links = await page
        .locator('[data-search-results] a')
        .evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
      expect(links.slice(0, 5), query).toContain('/tinh/phu-tho/');
    }
  });

  it('filters the provinces list by a name typed without diacritics, with them, and in other case', async () => {
    const { page } = await open('/tinh/');
    const shown = () =>
      page
        .locator('[data-unit-list] li:not([hidden]) > a:first-child')
        .evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    const all = (await shown()).length;
    for (const query of ['phu tho', 'Phú Thọ', 'PHU  THO']) {
      await page.fill('#unit-filter', query);
      const found = await shown();
      expect(found, query).toContain('/tinh/phu-tho/');
      expect(found.length, query).toBeLessThan(all);
      expect(await page.textContent('[data-filter-count]'), query).toContain(String(found.length));
    }
    await page.fill('#unit-filter', '');
    expect((await shown()).length).toBe(all);
  });

  it('restores the compare selection from the URL and draws it', async () => {
    const { page } = await open('/so-sanh/?index=pci&m=rank&p=phu-tho&p=ha-noi&p=da-nang');
    expect(await page.isChecked('input[name="index"][value="pci"]')).toBe(true);
    expect(await page.isChecked('input[name="m"][value="rank"]')).toBe(true);
    const chosen = () =>
      page.$eval('select[name="p"]', (s) => [...(s as HTMLSelectElement).selectedOptions].map((o) => o.value).sort());
    expect(await chosen()).toEqual(['da-nang', 'ha-noi', 'phu-tho']);
    await page.waitForSelector('[data-compare-chart] svg path');
    expect(await page.locator('#compare-title').textContent()).toContain('Phú Thọ');
    expect(await page.locator('[data-compare-chart] svg path[fill="none"]').count()).toBe(3);
    // Adding a province with the typeahead updates the address.
    await page.fill('[data-typeahead]', 'an giang');
    await page.press('[data-typeahead]', 'Enter');
    expect(await chosen()).toEqual(['an-giang', 'da-nang', 'ha-noi', 'phu-tho']);
    await page.click('.compare-form button[type="submit"]');
    await page.waitForFunction(() => location.search.includes('an-giang'));
    expect(new URL(page.url()).searchParams.getAll('p').sort()).toEqual(['an-giang', 'da-nang', 'ha-noi', 'phu-tho']);
  });

  it('shows everything without JavaScript: the full table, the map and the sentence', async () => {
    const noJs = await browser.newContext({ javaScriptEnabled: false });
    const page = await noJs.newPage();
    await page.goto(server.origin + '/chi-so/papi/2021/');
    expect(await page.locator('.ranking-table tbody tr').count()).toBe(63);
    expect(await page.locator('#papi-2021-map svg path').count()).toBeGreaterThanOrEqual(63);
    expect(await page.locator('#q-phu-tho').isVisible()).toBe(false); // inside a closed <details>, but present
    expect(await page.locator('#q-phu-tho').textContent()).toContain('45,34');
    expect(await page.locator('.copy-button').first().isVisible()).toBe(false);
    await noJs.close();
  });

  it('downloads a chart as PNG (drawn in the browser from its SVG file), and as SVG and CSV', async () => {
    const { page } = await open('/tinh/phu-tho/');
    const figure = page.locator('#phu-tho-papi-score');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      figure.locator('.png-download').first().click(),
    ]);
    expect(download.suggestedFilename()).toBe('phu-tho-papi-score.vi.png');
    const png = await download.createReadStream().then(async (stream) => {
      const chunks: Buffer[] = [];
      for await (const chunk of stream) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    });
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    const svg = await (
      await fetch(server.origin + (await figure.locator('a[href$=".vi.svg"]').getAttribute('href'))!)
    ).text();
    expect(svg).toContain('<title>');
    // Standalone SVG files must be well-formed XML (a browser refuses to draw them otherwise).
    for (const file of [
      'phu-tho-papi-score.vi.svg',
      'papi-2021-map.en.svg',
      'papi-2021-distribution.vi.svg',
      'phu-tho-2025-papi-components.en.svg',
      'papi-national-trend.vi.svg',
    ]) {
      const text = await (await fetch(`${server.origin}/files/charts/${file}`)).text();
      const error = await page.evaluate(
        (xml) =>
          new DOMParser().parseFromString(xml, 'image/svg+xml').querySelector('parsererror')?.textContent ?? null,
        text,
      );
      expect(error, file).toBeNull();
    }
    const bytes = Buffer.from(
      await (
        await fetch(server.origin + (await figure.locator('a[href$=".csv"]').getAttribute('href'))!)
      ).arrayBuffer(),
    );
    // A byte-order mark, so that Excel reads the diacritics.
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = bytes.subarray(3).toString('utf8');
    expect(csv.split('\n')[0]).toBe('Năm,Điểm');
    expect(csv).toContain('2021,45.343258');
  });

  it('can be used from the keyboard: the first Tab reaches the skip link, which moves focus to the content', async () => {
    const { page } = await open('/tinh/phu-tho/');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('skip-link');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
  });
});
