/**
 * Every page's address in both languages, written once: Vietnamese at the root, English under /en/. The single
 * page route (pages/[...path].astro), the sitemap, the preview images and the links all read these slugs.
 */
// No import of the data here: the compare page's browser script uses these addresses too.
import type { Lang } from './data';

export const LANGS: readonly Lang[] = ['vi', 'en'];

export type PageKey =
  | { page: 'home' }
  | { page: 'indices' }
  | { page: 'index'; index: string }
  | { page: 'edition'; index: string; year: number }
  | { page: 'provinces' }
  | { page: 'province'; unit: string }
  | { page: 'compare' }
  | { page: 'compareEmbed' }
  | { page: 'downloads' }
  | { page: 'sql' }
  | { page: 'methodology' }
  | { page: 'search' }
  | { page: 'notFound' }
  | { page: 'sources'; index: string; year: number };

/** The words of the addresses, per language. */
export const slugs = {
  vi: {
    indices: 'chi-so',
    provinces: 'tinh',
    compare: 'so-sanh',
    embed: 'nhung',
    downloads: 'du-lieu',
    sql: 'du-lieu/sql',
    methodology: 'phuong-phap',
    search: 'tim-kiem',
    sources: 'nguon',
  },
  en: {
    indices: 'indices',
    provinces: 'provinces',
    compare: 'compare',
    embed: 'embed',
    downloads: 'downloads',
    sql: 'data/sql',
    methodology: 'methodology',
    search: 'search',
    sources: 'sources',
  },
} as const satisfies Record<Lang, Record<string, string>>;

/** The address of a page without the language prefix or slashes at either end ('' for the home page). */
function pagePath(key: PageKey, lang: Lang): string {
  const s = slugs[lang];
  switch (key.page) {
    case 'home':
      return '';
    case 'indices':
      return s.indices;
    case 'index':
      return `${s.indices}/${key.index}`;
    case 'edition':
      return `${s.indices}/${key.index}/${key.year}`;
    case 'sources':
      return `${s.indices}/${key.index}/${key.year}/${s.sources}`;
    case 'provinces':
      return s.provinces;
    case 'province':
      return `${s.provinces}/${key.unit}`;
    case 'compare':
      return s.compare;
    case 'compareEmbed':
      return `${s.compare}/${s.embed}`;
    case 'downloads':
      return s.downloads;
    case 'sql':
      return s.sql;
    case 'methodology':
      return s.methodology;
    case 'search':
      return s.search;
    case 'notFound':
      return '';
  }
}

/** The route parameter of pages/[...path].astro: the address without slashes at either end (undefined at the root). */
export function routeParam(key: PageKey, lang: Lang): string | undefined {
  const path = [lang === 'vi' ? '' : 'en', pagePath(key, lang)].filter(Boolean).join('/');
  return path || undefined;
}

export function pathFor(key: PageKey, lang: Lang): string {
  if (key.page === 'notFound') return lang === 'vi' ? '/404.html' : '/en/';
  const param = routeParam(key, lang);
  return param ? `/${param}/` : '/';
}

export const otherLang = (lang: Lang): Lang => (lang === 'vi' ? 'en' : 'vi');

/** An edition's files for people: <index>-<year>.csv in Vietnamese, <index>-<year>.en.csv in English. */
const editionFile = (index: string, year: number, lang: Lang, ext: 'csv' | 'xlsx') =>
  `/files/editions/${index}-${year}${lang === 'vi' ? '' : '.en'}.${ext}`;

/** Files the site writes beside the pipeline's /data/ folder. */
export const files = {
  data: (name: string) => `/data/${name}`,
  editionTable: (index: string, year: number, lang: Lang) => editionFile(index, year, lang, 'csv'),
  editionWorkbook: (index: string, year: number, lang: Lang) => editionFile(index, year, lang, 'xlsx'),
  editionObservations: (index: string, year: number) => `/files/editions/${index}-${year}-observations.csv`,
  chart: (id: string, lang: Lang, ext: 'svg' | '16x9.svg' | 'csv') => `/files/charts/${id}.${lang}.${ext}`,
  compareSeries: (index: string) => `/files/compare/${index}.json`,
};
