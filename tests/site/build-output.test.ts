// The built site, without a browser: links, page weights, every province in both languages, page metadata, what the
// search index holds, nothing from third-party hosts, and nothing a strict Content-Security-Policy would block.
import { gunzipSync, gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { answerVitest } from '../helpers/answer-vitest.js';
import { treeDigest } from '../helpers/tree-digest.js';
import { parseHTML } from 'linkedom';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { pageFile, searchIndexPages, withoutIgnoredInsides } from '../../site/integrations/pagefind-index.mjs';
import type { QualityRow } from '../../site/src/lib/dataset-types.js';
import { distFiles, DIST, fileForPath, htmlPages, readData, readDist, ROOT } from './site-paths.js';

interface Unit {
  unit_id: string;
  name_vi: string;
  name_en: string;
}
interface Edition {
  index: string;
  year: number;
}

const pages = htmlPages();

/**
 * The page with each inline SVG emptied (its root element and attributes kept): the drawings are half of the pages'
 * bytes and more than half of the time linkedom takes to parse them, and no test below looks inside them (the
 * content security policy test reads their text).
 */
function withoutDrawings(html: string): string {
  let out = '';
  let at = 0;
  for (;;) {
    const open = html.indexOf('<svg', at);
    if (open === -1) return out + html.slice(at);
    const rootEnd = html.indexOf('>', open) + 1;
    let depth = 1;
    let i = rootEnd;
    while (depth > 0) {
      const next = html.indexOf('<svg', i);
      const close = html.indexOf('</svg>', i);
      if (close === -1) throw new Error(`an <svg> at ${open} is not closed`);
      if (next !== -1 && next < close) [depth, i] = [depth + 1, next + 4];
      else [depth, i] = [depth - 1, close + 6];
    }
    out += html.slice(at, rootEnd) + '</svg>';
    at = i;
  }
}

/**
 * The page with each chart's data table (`details.chart-data`) emptied: a fifth of the pages' other bytes and two
 * fifths of their elements, and nothing a test below looks at. It must hold no link or resource, which the link tests
 * would then not see.
 */
function withoutChartData(html: string, page: string): string {
  return html.replace(/(<details class="chart-data"[^>]*>)([\s\S]*?)<\/details>/g, (_, open: string, inner: string) => {
    if (/<(a|img|script|link|iframe|source|svg|details)\b/.test(inner))
      throw new Error(`${page}: a chart's data table holds a link, resource or drawing`);
    return `${open}</details>`;
  });
}

const docs = new Map<string, Document>();
beforeAll(async () => {
  for (const p of pages) {
    docs.set(p, parseHTML(withoutChartData(withoutDrawings(readDist(p)), p)).document);
    await answerVitest();
  }
});
const pathOf = (file: string) => '/' + file.replace(/index\.html$/, '');

describe('pages', () => {
  it('exist for every province and 2025 unit in both languages', () => {
    const units = readData<Unit[]>('units.json');
    expect(units.length).toBeGreaterThanOrEqual(97);
    const missing = units
      .flatMap((u) => [`tinh/${u.unit_id}/index.html`, `en/provinces/${u.unit_id}/index.html`])
      .filter((p) => !docs.has(p));
    expect(missing).toEqual([]);
  });

  it('exist for every edition in both languages', () => {
    const editions = readData<Edition[]>('editions.json');
    const missing = editions
      .flatMap((e) => [`chi-so/${e.index}/${e.year}/index.html`, `en/indices/${e.index}/${e.year}/index.html`])
      .filter((p) => !docs.has(p));
    expect(missing).toEqual([]);
  });

  it('include a 404 page, sitemap.xml listing every page, and robots.txt', () => {
    expect(docs.has('404.html')).toBe(true);
    const sitemap = readDist('sitemap.xml');
    const listed = new Set([...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]).pathname));
    const unlisted = pages
      .filter((p) => p !== '404.html')
      .map(pathOf)
      .filter((p) => !listed.has(p));
    expect(unlisted).toEqual([]);
    expect(readDist('robots.txt')).toContain('sitemap.xml');
  });

  it('each have a lang, title, description, canonical URL, Open Graph tags and a link to their translation', async () => {
    const problems: string[] = [];
    for (const [page, doc] of docs) {
      await answerVitest();
      const lang = doc.documentElement.getAttribute('lang');
      const expected = page.startsWith('en/') ? 'en' : 'vi';
      if (lang !== expected) problems.push(`${page}: lang=${lang}`);
      if (!doc.querySelector('title')?.textContent?.trim()) problems.push(`${page}: no title`);
      if (!doc.querySelector('meta[name="description"]')?.getAttribute('content'))
        problems.push(`${page}: no description`);
      for (const selector of [
        'link[rel="canonical"]',
        'meta[property="og:title"]',
        'meta[property="og:description"]',
        'meta[property="og:url"]',
      ]) {
        if (!doc.querySelector(selector)) problems.push(`${page}: no ${selector}`);
      }
      if (page === '404.html') continue;
      const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? '';
      if (new URL(canonical).pathname !== pathOf(page)) problems.push(`${page}: canonical ${canonical}`);
      const other = expected === 'vi' ? 'en' : 'vi';
      const alternate = doc.querySelector(`link[rel="alternate"][hreflang="${other}"]`)?.getAttribute('href');
      if (!alternate || !fileForPath(new URL(alternate).pathname))
        problems.push(`${page}: translation ${alternate} missing`);
      const switcher = doc.querySelector('.lang-switch')?.getAttribute('href');
      if (!switcher || switcher !== new URL(alternate ?? '/', 'https://x').pathname)
        problems.push(`${page}: language switch ${switcher}`);
    }
    expect(problems).toEqual([]);
  });
});

describe('chart citations', () => {
  it('every chart on an edition page and a province page, in both languages, cites its permalink and the data release', () => {
    const { version } = readData<{ version: string }>('datapackage.json');
    const latest = readData<Edition[]>('editions.json')
      .filter((e) => e.index === 'papi')
      .at(-1)!;
    const sample = [
      `chi-so/papi/${latest.year}/index.html`,
      `en/indices/papi/${latest.year}/index.html`,
      'tinh/phu-tho/index.html',
      'en/provinces/phu-tho/index.html',
    ];
    const problems: string[] = [];
    for (const page of sample) {
      const doc = docs.get(page)!;
      const lang = doc.documentElement.getAttribute('lang');
      const canonical = doc.querySelector('link[rel="canonical"]')!.getAttribute('href')!;
      const figures = [...doc.querySelectorAll('figure.chart')];
      if (figures.length < 2) problems.push(`${page}: ${figures.length} charts`);
      for (const figure of figures) {
        const link = `${canonical}#${figure.id}`;
        const cite = figure.querySelector('details.chart-cite');
        const text = cite?.querySelector('.quote-text');
        if (!cite || !text) {
          problems.push(`${page} #${figure.id}: no cite block`);
          continue;
        }
        if (text.getAttribute('lang') !== lang)
          problems.push(`${page} #${figure.id}: citation in ${text.getAttribute('lang')}`);
        if (!text.textContent!.includes(link)) problems.push(`${page} #${figure.id}: citation lacks ${link}`);
        if (!text.textContent!.includes(` ${version} `))
          problems.push(`${page} #${figure.id}: citation lacks release ${version}`);
        if (cite.querySelector(`a[href="${link}"]`) === null)
          problems.push(`${page} #${figure.id}: no link to ${link}`);
      }
    }
    expect(problems).toEqual([]);
  });
});

describe('links', () => {
  it('every internal link and resource resolves to a file in dist/', async () => {
    const broken = new Set<string>();
    for (const [page, doc] of docs) {
      await answerVitest();
      const base = new URL(pathOf(page), 'http://site.test');
      for (const el of doc.querySelectorAll('a[href], link[href], script[src], img[src]')) {
        const raw = el.getAttribute('href') ?? el.getAttribute('src')!;
        if (/^(mailto:|tel:|#)/.test(raw)) continue;
        const url = new URL(raw, base);
        if (url.host !== 'site.test') continue;
        if (!fileForPath(url.pathname)) broken.add(`${page} → ${raw}`);
        if (url.hash && url.pathname === base.pathname && !doc.getElementById(decodeURIComponent(url.hash.slice(1))))
          broken.add(`${page} → ${raw} (no anchor)`);
      }
    }
    expect([...broken].slice(0, 20)).toEqual([]);
  });

  it('load nothing from other hosts (scripts, styles, images, fonts)', async () => {
    const external: string[] = [];
    for (const [page, doc] of docs) {
      await answerVitest();
      for (const el of doc.querySelectorAll('link[href], script[src], img[src], iframe, source[src]')) {
        const raw = el.getAttribute('href') ?? el.getAttribute('src') ?? '';
        const rel = el.getAttribute('rel') ?? '';
        if (el.tagName === 'LINK' && /canonical|alternate/.test(rel)) continue;
        if (/^https?:\/\//.test(raw)) external.push(`${page}: ${el.tagName} ${raw}`);
      }
    }
    expect(external).toEqual([]);
  });
});

describe('content security policy', () => {
  it('pages have no inline scripts, inline event handlers or style attributes', async () => {
    const problems: string[] = [];
    for (const [page, doc] of docs) {
      await answerVitest();
      for (const script of doc.querySelectorAll('script'))
        if (!script.getAttribute('src')) problems.push(`${page}: inline <script>`);
      const html = readDist(page);
      const styled = /<([a-z][\w-]*)\b[^>]*\sstyle=/i.exec(html);
      if (styled) problems.push(`${page}: style attribute on <${styled[1]}>`);
      if (/<body[\s>][\s\S]*<style[\s>]/i.test(html)) problems.push(`${page}: <style> element`);
      if (/\son[a-z]+="/i.test(html.replace(/<(text|title)[^>]*>[^<]*<\/\1>/g, '')))
        problems.push(`${page}: inline event handler`);
      if (
        !doc
          .querySelector('meta[http-equiv="Content-Security-Policy"]')
          ?.getAttribute('content')
          ?.includes("default-src 'self'")
      )
        problems.push(`${page}: no CSP meta`);
    }
    expect(problems.slice(0, 20)).toEqual([]);
  });
});

describe('page weight (gzip)', () => {
  const budgets: { type: string; match: RegExp; kb: number }[] = [
    { type: 'province', match: /^(en\/provinces|tinh)\/[^/]+\/index\.html$/, kb: 100 },
    { type: 'edition', match: /^(en\/indices|chi-so)\/[^/]+\/\d{4}\/index\.html$/, kb: 100 },
    { type: 'index', match: /^(en\/indices|chi-so)\/[^/]+\/index\.html$/, kb: 100 },
    { type: 'home', match: /^(en\/)?index\.html$/, kb: 100 },
    { type: 'other', match: /./, kb: 100 },
  ];
  for (const budget of budgets) {
    it(`${budget.type} pages stay under ${budget.kb} KB compressed (with their CSS and JS)`, () => {
      const assets = ['styles/site.css', 'js/site.js'].reduce((sum, f) => sum + gzipSync(readDist(f)).length, 0);
      const over = pages
        .filter((p) => budget.match.test(p) && budgets.find((b) => b.match.test(p)) === budget)
        .map((p) => ({ p, kb: (gzipSync(readDist(p)).length + assets) / 1024 }))
        .filter((x) => x.kb > budget.kb)
        .map((x) => `${x.p}: ${x.kb.toFixed(1)} KB`);
      expect(over).toEqual([]);
    });
  }
});

describe('index citations', () => {
  it('name each index in full on its index pages, in both languages, not by its short name alone', () => {
    const problems: string[] = [];
    let checked = 0;
    for (const index of ['papi', 'par-index', 'sipas', 'pci']) {
      const def = JSON.parse(readFileSync(join(ROOT, 'raw', index, 'index.json'), 'utf8')) as {
        name: Record<string, string>;
        full_name: Record<string, string>;
      };
      for (const page of [`chi-so/${index}/index.html`, `en/indices/${index}/index.html`])
        for (const quote of docs.get(page)!.querySelectorAll('.quote-text')) {
          const lang = quote.getAttribute('lang')!;
          const text = quote.textContent ?? '';
          if (!text.includes(`). ${def.name[lang]}`) && !text.includes(`(${def.name[lang]})`)) continue;
          checked++;
          if (!text.includes(`${def.full_name[lang]} (${def.name[lang]})`)) problems.push(`${page}: ${text}`);
        }
    }
    expect(checked).toBeGreaterThanOrEqual(16);
    expect(problems).toEqual([]);
  });
});

describe('source-details pages', () => {
  it("show each source's note in the page's language, so the Vietnamese page has no English note", () => {
    const wrong: string[] = [];
    let notes = 0;
    for (const e of readData<Edition[]>('editions.json')) {
      const raw = JSON.parse(readFileSync(join(ROOT, 'raw', e.index, String(e.year), 'publication.json'), 'utf8')) as {
        sources: { id: string; note?: { vi: string; en: string } }[];
      };
      const shown = {
        vi: [...docs.get(`chi-so/${e.index}/${e.year}/nguon/index.html`)!.querySelectorAll('.source-note')],
        en: [...docs.get(`en/indices/${e.index}/${e.year}/sources/index.html`)!.querySelectorAll('.source-note')],
      };
      for (const lang of ['vi', 'en'] as const) {
        const texts = shown[lang].map((n) => n.textContent).sort();
        const expected = raw.sources.flatMap((s) => (s.note ? [s.note[lang]] : [])).sort();
        if (JSON.stringify(texts) !== JSON.stringify(expected)) wrong.push(`${lang} ${e.index} ${e.year}`);
        if (lang === 'vi') notes += expected.length;
      }
    }
    expect(notes).toBeGreaterThan(300);
    expect(wrong).toEqual([]);
  });

  interface RawSource {
    id: string;
    title?: string;
    title_lang?: string;
    description?: { vi: string; en: string };
    publisher: string | { vi: string; en: string };
    date?: string;
    date_approximate?: true;
  }
  const rawSources = (e: Edition) =>
    (
      JSON.parse(readFileSync(join(ROOT, 'raw', e.index, String(e.year), 'publication.json'), 'utf8')) as {
        sources: RawSource[];
      }
    ).sources;
  const sourcePages = (e: Edition) => ({
    vi: docs.get(`chi-so/${e.index}/${e.year}/nguon/index.html`)!,
    en: docs.get(`en/indices/${e.index}/${e.year}/sources/index.html`)!,
  });
  /** An entry's text as a reader of the page's language reads it: without the title (in its own language) and the note. */
  const ownText = (li: Element) => {
    const copy = li.cloneNode(true) as Element;
    for (const e of copy.querySelectorAll('[lang], .source-note')) e.remove();
    return copy.textContent!;
  };
  /** Without what it quotes (a headline, an address): those are as published. */
  const ownWords = (text: string) => text.replace(/“[^”]*”/g, '');
  // Words of chiso's English annotations as the raw files once had them beside the titles, publishers and dates.
  const ENGLISH_ANNOTATION =
    /\b(repost|copy|kept by|third-party|parse|workbook|repository|not recorded|stored|snippet|listing|summary|translation|version|edition|from|via|page)\b/i;

  it("mark each passage a source's note quotes «…» with the quote's language where it is not the page's", () => {
    const wrong: string[] = [];
    let marked = 0;
    for (const e of readData<Edition[]>('editions.json')) {
      const raw = JSON.parse(readFileSync(join(ROOT, 'raw', e.index, String(e.year), 'publication.json'), 'utf8')) as {
        sources: { id: string; quote_lang?: string; note?: { vi: string; en: string } }[];
      };
      const pages = {
        vi: docs.get(`chi-so/${e.index}/${e.year}/nguon/index.html`)!,
        en: docs.get(`en/indices/${e.index}/${e.year}/sources/index.html`)!,
      };
      for (const lang of ['vi', 'en'] as const)
        for (const source of raw.sources) {
          const quotes = source.note?.[lang].match(/«[^»]*»/g) ?? [];
          const note = pages[lang].querySelector(`#nguon-${source.id} .source-note`);
          for (const quote of quotes) {
            const spans = [...(note?.querySelectorAll('span[lang]') ?? [])].filter((x) => x.textContent === quote);
            const expected = source.quote_lang === lang ? 0 : 1;
            if (spans.length < expected || spans.some((x) => x.getAttribute('lang') !== source.quote_lang))
              wrong.push(`${lang} ${e.index} ${e.year} ${source.id}: ${quote.slice(0, 40)}`);
            if (expected) marked++;
          }
        }
    }
    expect(marked).toBeGreaterThan(100);
    expect(wrong).toEqual([]);
  });

  it("show each source's description, publisher and date in the page's language, and its title marked with the title's language", () => {
    const wrong: string[] = [];
    let described = 0;
    for (const e of readData<Edition[]>('editions.json')) {
      const shown = sourcePages(e);
      for (const s of rawSources(e)) {
        for (const lang of ['vi', 'en'] as const) {
          const li = shown[lang].getElementById(`nguon-${s.id}`);
          if (!li) {
            wrong.push(`${lang} ${e.index} ${e.year} ${s.id}: not listed`);
            continue;
          }
          const other = lang === 'vi' ? 'en' : 'vi';
          const text = ownText(li);
          const publisher = typeof s.publisher === 'string' ? { vi: s.publisher, en: s.publisher } : s.publisher;
          for (const field of [publisher, s.description]) {
            if (!field) continue;
            if (!text.includes(field[lang]))
              wrong.push(`${lang} ${e.index} ${e.year} ${s.id}: missing "${field[lang]}"`);
            if (field[other] !== field[lang] && text.includes(field[other]))
              wrong.push(`${lang} ${e.index} ${e.year} ${s.id}: shows "${field[other]}"`);
          }
          if (s.description) described++;
          const title = li.querySelector('a[lang]');
          if (s.title && (title?.textContent !== s.title || title.getAttribute('lang') !== s.title_lang))
            wrong.push(`${lang} ${e.index} ${e.year} ${s.id}: title not shown as published with lang=${s.title_lang}`);
          if (s.date_approximate && !text.includes(lang === 'vi' ? 'khoảng' : 'about'))
            wrong.push(`${lang} ${e.index} ${e.year} ${s.id}: an approximate date not said to be approximate`);
          if (lang === 'vi' && (ENGLISH_ANNOTATION.test(ownWords(text)) || /\d{4}-\d{2}/.test(ownWords(text))))
            wrong.push(`vi ${e.index} ${e.year} ${s.id}: English annotation or ISO date in "${text.trim()}"`);
        }
      }
    }
    expect(described).toBeGreaterThan(100);
    expect(wrong).toEqual([]);
  });

  it('list the official publisher first: PAPI 2021 opens with the report launch of UNDP, one of its publishers', () => {
    const first = sourcePages({ index: 'papi', year: 2021 }).vi.querySelector('.source-list li a')!;
    expect(new URL(first.getAttribute('href')!).hostname).toBe('www.undp.org');
    expect(
      readDist('chi-so/papi/2021/index.html').indexOf(first.getAttribute('href')!),
      'the edition page names the official source',
    ).toBeGreaterThan(0);
  });
});

describe('the downloads pages', () => {
  it("list every correction of raw/corrections.json under its edition's name, with its reason in the page's language", () => {
    const { corrections } = JSON.parse(readFileSync(join(ROOT, 'raw', 'corrections.json'), 'utf8')) as {
      corrections: { index: string; year: number; reason: { vi: string; en: string } }[];
    };
    const indexName = (index: string, lang: 'vi' | 'en') =>
      (JSON.parse(readFileSync(join(ROOT, 'raw', index, 'index.json'), 'utf8')) as { name: { vi: string; en: string } })
        .name[lang];
    const pages = { vi: ['du-lieu/index.html', 'Đính chính'], en: ['en/downloads/index.html', 'Corrections'] } as const;
    for (const [lang, [path, caption]] of Object.entries(pages) as [
      keyof typeof pages,
      (typeof pages)['vi' | 'en'],
    ][]) {
      const rows = [...docs.get(path)!.querySelectorAll('table')]
        .filter((table) => table.querySelector('caption')?.textContent === caption)
        .flatMap((table) => [...table.querySelectorAll('tbody tr')]);
      const shown = rows.map((row) => {
        const reason = row.lastElementChild!.cloneNode(true) as Element;
        reason.querySelector('a')?.remove();
        return `${row.querySelector('th')!.textContent} | ${reason.textContent!.trim()}`;
      });
      const declared = corrections.map((c) => `${indexName(c.index, lang)} ${c.year} | ${c.reason[lang]}`);
      expect(shown.sort()).toEqual(declared.sort());
    }
    expect(corrections.length).toBeGreaterThan(10);
  });
});

describe('data-quality notes', () => {
  it("give each edition's warnings and checks in the page's language: the pipeline's message in English or in Vietnamese", () => {
    const quality = readData<QualityRow[]>('quality.json').filter((q) => q.severity !== 'error');
    const checks = [...new Set(quality.map((q) => q.check))];
    const wrong: string[] = [];
    let linked = 0;
    for (const e of readData<Edition[]>('editions.json')) {
      const rows = quality.filter((q) => q.index === e.index && q.year === e.year);
      const notes = {
        vi: docs.get(`chi-so/${e.index}/${e.year}/index.html`)!,
        en: docs.get(`en/indices/${e.index}/${e.year}/index.html`)!,
      };
      for (const lang of ['vi', 'en'] as const) {
        const sourcesPage = docs.get(
          lang === 'vi'
            ? `chi-so/${e.index}/${e.year}/nguon/index.html`
            : `en/indices/${e.index}/${e.year}/sources/index.html`,
        )!;
        // Each source a finding names is a link to its entry on the sources page, named, never a bare id; the
        // message is compared with the link read back as its id.
        const items = [...notes[lang].querySelectorAll('.quality li')].map((li) => {
          if (/\b(S\d{2,3}|R\d{2}|A\d{4})\b/.test(li.textContent!)) wrong.push(`${lang} ${e.index} ${e.year}: bare id`);
          const copy = li.cloneNode(true) as Element;
          for (const a of copy.querySelectorAll('a[href*="#nguon-"]')) {
            const id = a.getAttribute('href')!.split('#nguon-')[1];
            if (!sourcesPage.getElementById(`nguon-${id}`)) wrong.push(`${lang} ${e.index} ${e.year}: no source ${id}`);
            a.replaceWith(id);
            linked++;
          }
          return copy.textContent!;
        });
        const other = lang === 'vi' ? 'en' : 'vi';
        for (const q of rows) {
          const own = lang === 'vi' ? q.message_vi! : q.message;
          const foreign = other === 'vi' ? q.message_vi! : q.message;
          const shown = (text: string) => items.some((item) => item.toLowerCase().includes(text.toLowerCase()));
          // Summaries counted by units are sentences of the site's own.
          if (q.severity === 'warning' || q.check === 'independent-figures') {
            if (!shown(own)) wrong.push(`${lang} ${e.index} ${e.year}: missing "${own}"`);
          }
          if (shown(foreign)) wrong.push(`${lang} ${e.index} ${e.year}: shows "${foreign}"`);
        }
        for (const item of items)
          if (checks.some((check) => item.includes(check))) wrong.push(`${lang} ${e.index} ${e.year}: "${item}"`);
      }
    }
    expect(quality.filter((q) => q.severity === 'warning').length).toBeGreaterThan(10);
    expect(linked).toBeGreaterThan(20);
    expect(wrong).toEqual([]);
  });
});

describe('PAR INDEX groups', () => {
  it("label each row with the score band of its own edition's year, in both languages", () => {
    const def = JSON.parse(readFileSync(join(ROOT, 'raw', 'par-index', 'index.json'), 'utf8')) as {
      groups: { bands: { label: string; min: number; from?: number; to?: number }[] };
    };
    const wrong: string[] = [];
    let rows = 0;
    for (const e of readData<Edition[]>('editions.json').filter((x) => x.index === 'par-index')) {
      const bands = def.groups.bands
        .filter((b) => (b.from ?? e.year) <= e.year && e.year <= (b.to ?? e.year))
        .sort((a, b) => b.min - a.min);
      for (const page of [`chi-so/par-index/${e.year}/index.html`, `en/indices/par-index/${e.year}/index.html`]) {
        for (const [i, band] of bands.entries()) {
          // The band's bounds: its own minimum (none for the lowest band) and the next band's minimum above it.
          const bounds = [i < bands.length - 1 ? band.min : null, i > 0 ? bands[i - 1].min : null].filter(
            (v) => v !== null,
          );
          for (const cell of docs.get(page)!.querySelectorAll(`td.component-col[data-value="${band.label}"]`)) {
            rows++;
            const numbers = [...cell.textContent!.matchAll(/\d+(?:[.,]\d+)?/g)].map((m) =>
              Number(m[0].replace(',', '.')),
            );
            if (JSON.stringify(numbers) !== JSON.stringify(bounds)) wrong.push(`${page}: "${cell.textContent}"`);
          }
        }
      }
    }
    expect(rows).toBeGreaterThan(150);
    expect(wrong).toEqual([]);
  });
});

describe('Vietnamese and English number formats', () => {
  it('the PAPI 2021 edition shows 45,34 in Vietnamese and 45.34 in English for Phú Thọ', () => {
    expect(readDist('chi-so/papi/2021/index.html')).toContain('đạt 45,34 điểm');
    expect(readDist('en/indices/papi/2021/index.html')).toContain('scored 45.34 points');
  });
});

describe('figures from other sources', () => {
  interface SourceValue {
    index: string;
    year: number;
    agrees: boolean | null;
  }
  interface Obs {
    index: string;
    year: number;
    unit_id: string;
    measure: string;
    rank_change: number | null;
    published_rank_change: number | null;
    change_note: string | null;
  }

  it('an edition page lists every disagreement between sources and says how many independent figures it was checked against', () => {
    const disagreeing = readData<SourceValue[]>('source_values.json').filter(
      (v) => v.index === 'par-index' && v.year === 2023 && v.agrees === false,
    ).length;
    expect(disagreeing).toBeGreaterThan(0);
    for (const [page, phrase] of [
      ['chi-so/par-index/2023/index.html', 'Đối chiếu với'],
      ['en/indices/par-index/2023/index.html', 'Checked against'],
    ] as const) {
      const box = docs.get(page)!.querySelector('.source-figures');
      expect(box?.textContent, page).toContain(phrase);
      expect(box!.querySelectorAll('tbody tr').length, page).toBe(disagreeing);
    }
  });

  it('a province page shows, beside the index, the figure another source printed and that source by name and link', () => {
    interface Printed {
      index: string;
      year: number;
      unit_id: string | null;
      value: number;
      chiso_value: number;
      source_url: string;
      agrees: boolean | null;
    }
    const other = readData<Printed[]>('source_values.json').find(
      (v) => v.index === 'par-index' && v.year === 2023 && v.unit_id === 'hai-phong' && v.agrees === false,
    )!;
    expect(other).toBeDefined();
    const written = (n: number, decimal: string) => String(n).replace('.', decimal);
    for (const [page, decimal] of [
      ['tinh/hai-phong/index.html', ','],
      ['en/provinces/hai-phong/index.html', '.'],
    ] as const) {
      const note = docs
        .get(page)!
        .getElementById('sec-par-index')
        ?.closest('section')
        ?.querySelector('.source-disagreements');
      const text = note?.textContent?.replace(/\s+/g, ' ') ?? '';
      expect(text, page).toContain(`${written(other.value, decimal)} (`);
      expect(text, page).toContain(` ${written(other.chiso_value, decimal)} `);
      expect(text, page).not.toMatch(/\b[SR]\d{2,3}\b/);
      expect(
        [...note!.querySelectorAll('a')].map((a) => a.getAttribute('href')),
        page,
      ).toContain(other.source_url);
    }
  });

  it('a printed rank change is quoted where chiso does not hold the previous rank', () => {
    const printedOnly = readData<Obs[]>('observations.json').find(
      (o) =>
        o.index === 'par-index' &&
        o.measure === 'score' &&
        o.rank_change === null &&
        o.published_rank_change &&
        o.change_note === 'not-in-previous-edition',
    )!;
    expect(printedOnly).toBeDefined();
    const page = docs.get(`chi-so/par-index/${printedOnly.year}/index.html`)!.body.textContent ?? '';
    const words =
      printedOnly.published_rank_change! > 0
        ? `tăng ${printedOnly.published_rank_change} bậc`
        : `giảm ${-printedOnly.published_rank_change!} bậc`;
    expect(page).toContain(words);
  });
});

describe('the search index', () => {
  /** What Pagefind holds of each page: its address and the words a search matches. */
  const indexed = new Map(
    distFiles('pagefind/fragment').map((file) => {
      const text = gunzipSync(readFileSync(join(DIST, file))).toString('utf8');
      const { url, content } = JSON.parse(text.slice(text.indexOf('{'))) as { url: string; content: string };
      return [url, content];
    }),
  );

  it('finds a province by its name on its own pages, not on every edition page whose ranking, charts or quotes list it', () => {
    const observations = readData<{ index: string; year: number; unit_name_vi: string }[]>('observations.json');
    const editions = readData<Edition[]>('editions.json');
    for (const { index, year } of editions) {
      const content = indexed.get(`/chi-so/${index}/${year}/`);
      expect(content, `${index} ${year}`).toBeDefined();
      const ranked = new Set(
        observations.filter((o) => o.index === index && o.year === year).map((o) => o.unit_name_vi),
      );
      const named = [...ranked].filter((name) => content!.includes(name));
      // The page's own words may name a few (the first-ranked province, those not scored, the sources' titles).
      expect(named.length, `${index} ${year}: ${named.join(', ')}`).toBeLessThanOrEqual(Math.max(5, ranked.size / 4));
    }
    expect(indexed.get('/tinh/phu-tho/')).toContain('Phú Thọ');
    expect(indexed.get('/chi-so/papi/2021/')).not.toContain('Phú Thọ');
  });

  it('is made from the pages in the order of the site, whatever order they are rendered in', async () => {
    // The order of src/middleware.ts: the 404 page, then every page as sitemap.xml lists them (both follow allPages).
    const sitemap = [...readDist('sitemap.xml').matchAll(/<loc>([^<]+)<\/loc>/g)];
    const paths = ['/404/', ...sitemap.map((m) => new URL(m[1]).pathname)];
    expect(paths.map(pageFile).sort()).toEqual([...pages].sort());
    const out = mkdtempSync(join(tmpdir(), 'chiso-search-'));
    try {
      const index = searchIndexPages();
      index.expect(paths);
      for (const path of [...paths].reverse()) index.add(path, readDist(pageFile(path)));
      expect(await index.write(out)).toBe(paths.length);
      expect(treeDigest(join(out, 'pagefind'))).toBe(treeDigest(join(DIST, 'pagefind')));
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('is the same made from whole pages as from the pages without the insides of what they mark data-pagefind-ignore', async () => {
    const paths = ['/', '/chi-so/papi/2021/', '/en/indices/pci/2023/', '/tinh/phu-tho/', '/en/provinces/ha-noi/'];
    const [whole, emptied] = [
      mkdtempSync(join(tmpdir(), 'chiso-search-')),
      mkdtempSync(join(tmpdir(), 'chiso-search-')),
    ];
    try {
      const { index } = await pagefind.createIndex({});
      for (const path of paths)
        await index!.addHTMLFile({ sourcePath: pageFile(path), content: readDist(pageFile(path)) });
      await index!.writeFiles({ outputPath: join(whole, 'pagefind') });
      const pages = searchIndexPages();
      pages.expect(paths);
      for (const path of paths) pages.add(path, readDist(pageFile(path)));
      await pages.write(emptied);
      expect(readdirSync(join(whole, 'pagefind', 'fragment')).length).toBe(paths.length);
      expect(treeDigest(join(emptied, 'pagefind'))).toBe(treeDigest(join(whole, 'pagefind')));
    } finally {
      for (const dir of [whole, emptied]) rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is given an edition page without its charts, ranking table and quotes, each marked element kept, empty', () => {
    const page = readDist('chi-so/papi/2021/index.html');
    const given = withoutIgnoredInsides(page);
    expect(page).toContain('<svg');
    expect(given).not.toContain('<svg');
    expect(given).not.toContain('<table');
    expect(given.match(/data-pagefind-ignore/g)).toEqual(page.match(/data-pagefind-ignore/g));
    expect(given).toContain('<h1');
  });

  it('keeps whole a marked element that holds Pagefind attributes, and stops at one without an end', () => {
    const nested = '<div data-pagefind-ignore><div>a</div><div>b</div></div><p>kept</p>';
    expect(withoutIgnoredInsides(nested)).toBe('<div data-pagefind-ignore></div><p>kept</p>');
    const meta = '<div data-pagefind-ignore><span data-pagefind-meta="x">y</span></div>';
    expect(withoutIgnoredInsides(meta)).toBe(meta);
    expect(() => withoutIgnoredInsides('<p>a</p><figure data-pagefind-ignore><p>b</p>', '/tinh/ha-noi/')).toThrow(
      'the search index found no end to <figure> at character 8 of /tinh/ha-noi/',
    );
  });

  it('is not written when a page it expects never came', async () => {
    const index = searchIndexPages();
    index.expect(['/', '/en/']);
    index.add('/en/', readDist('en/index.html'));
    await expect(index.write(tmpdir())).rejects.toThrow('did not get every page it expected: 1 missing (/)');
  });
});
