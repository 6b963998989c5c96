/**
 * During `astro build`, hands each page to the search index as soon as it is rendered (integrations/pagefind-index.mjs),
 * so that Pagefind indexes the pages while the others are drawn rather than after them all. Under `astro dev` there is
 * no index to hand them to, and it does nothing.
 */
import { defineMiddleware } from 'astro:middleware';
import { NOT_FOUND_PAGE } from '../integrations/pagefind-index.mjs';
import { allPages } from './lib/pages';
import { LANGS, pathFor } from './lib/routes';

interface SearchIndexPages {
  /** The pages' addresses in the order they are to be indexed (it waits for a page until those before it came). */
  expect(paths: string[]): void;
  add(path: string, html: string): void;
}

let expected: string[] | undefined;

export const onRequest = defineMiddleware(async (context, next) => {
  const response = await next();
  const index = (globalThis as { chisoSearchIndexPages?: SearchIndexPages }).chisoSearchIndexPages;
  if (!index || !response.headers.get('content-type')?.startsWith('text/html')) return response;
  // In the order Astro renders them: the 404 page first, then those of src/pages/[...path].astro.
  expected ??= [NOT_FOUND_PAGE, ...allPages().flatMap((page) => LANGS.map((lang) => pathFor(page, lang)))];
  index.expect(expected);
  index.add(context.url.pathname, await response.clone().text());
  return response;
});
