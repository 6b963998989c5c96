import { editions, indexDefinitions, units } from './data';
import type { PageKey } from './routes';

/** Every page of the site in one language's terms (each is built in both languages); the 404 page is apart. */
export function allPages(): PageKey[] {
  return [
    { page: 'home' },
    { page: 'indices' },
    { page: 'provinces' },
    { page: 'compare' },
    { page: 'compareEmbed' },
    { page: 'downloads' },
    { page: 'sql' },
    { page: 'methodology' },
    { page: 'search' },
    ...indexDefinitions.map((d): PageKey => ({ page: 'index', index: d.id })),
    ...editions.map((e): PageKey => ({ page: 'edition', index: e.index, year: e.year })),
    ...editions.map((e): PageKey => ({ page: 'sources', index: e.index, year: e.year })),
    ...units.map((u): PageKey => ({ page: 'province', unit: u.unit_id })),
  ];
}
