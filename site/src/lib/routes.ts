/** Every page's address in both languages. Vietnamese at the root, English under /en/. */
import type { Lang } from './data';

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

export function pathFor(key: PageKey, lang: Lang): string {
  const vi = lang === 'vi';
  const base = vi ? '/' : '/en/';
  switch (key.page) {
    case 'home':
      return base;
    case 'indices':
      return base + (vi ? 'chi-so/' : 'indices/');
    case 'index':
      return base + (vi ? 'chi-so/' : 'indices/') + key.index + '/';
    case 'edition':
      return base + (vi ? 'chi-so/' : 'indices/') + `${key.index}/${key.year}/`;
    case 'provinces':
      return base + (vi ? 'tinh/' : 'provinces/');
    case 'province':
      return base + (vi ? 'tinh/' : 'provinces/') + key.unit + '/';
    case 'compare':
      return base + (vi ? 'so-sanh/' : 'compare/');
    case 'compareEmbed':
      return base + (vi ? 'so-sanh/nhung/' : 'compare/embed/');
    case 'downloads':
      return base + (vi ? 'du-lieu/' : 'downloads/');
    case 'sql':
      return base + (vi ? 'du-lieu/sql/' : 'data/sql/');
    case 'methodology':
      return base + (vi ? 'phuong-phap/' : 'methodology/');
    case 'search':
      return base + (vi ? 'tim-kiem/' : 'search/');
    case 'sources':
      return base + (vi ? 'chi-so/' : 'indices/') + `${key.index}/${key.year}/` + (vi ? 'nguon/' : 'sources/');
    case 'notFound':
      return vi ? '/404.html' : '/en/';
  }
}

export const otherLang = (lang: Lang): Lang => (lang === 'vi' ? 'en' : 'vi');

/** Files the site writes beside the pipeline's /data/ folder. */
export const files = {
  data: (name: string) => `/data/${name}`,
  editionTable: (index: string, year: number, lang: Lang) =>
    `/files/editions/${index}-${year}${lang === 'vi' ? '' : '.en'}.csv`,
  editionWorkbook: (index: string, year: number, lang: Lang) =>
    `/files/editions/${index}-${year}${lang === 'vi' ? '' : '.en'}.xlsx`,
  editionObservations: (index: string, year: number) => `/files/editions/${index}-${year}-observations.csv`,
  chart: (id: string, lang: Lang, ext: 'svg' | '16x9.svg' | 'csv') => `/files/charts/${id}.${lang}.${ext}`,
  compareSeries: (index: string) => `/files/compare/${index}.json`,
};
