// Builds the Pagefind search index of the pages, into <out>/pagefind/. The pages index their own words: charts, an
// edition's ranking table and its quotes for every province are marked data-pagefind-ignore, since they would make
// every edition page a result for any province's name (and they were two fifths of the index's work).
// Pagefind numbers the pages in the order it is given them, so they are given in one fixed order: the order of the
// site's pages (src/middleware.ts hands each over as it is rendered, and it is indexed once those before it are).
// Indexing a folder instead would take the file system's order, which differs between file systems (ext4 and tmpfs
// gave other index files for the same pages).
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';

/** The address under which Astro renders the 404 page (it writes it as 404.html). */
export const NOT_FOUND_PAGE = '/404/';

/** The file Astro writes for a page's address: /tinh/ha-noi/ → tinh/ha-noi/index.html, /404/ → 404.html. */
export const pageFile = (path) => (path === NOT_FOUND_PAGE ? '404.html' : `${path.slice(1)}index.html`);

const IGNORED = /<([a-z][a-z0-9]*)\b[^>]*\sdata-pagefind-ignore[\s>]/g;

/**
 * The page without what is inside its elements marked data-pagefind-ignore, which Pagefind would skip: nine tenths
 * of the HTML (the charts alone are two thirds), which would otherwise be encoded and sent to Pagefind's process on
 * Astro's thread, and parsed there. The marked elements stay, empty, where they were; one that holds Pagefind
 * attributes of its own is kept whole. `path` names the page in an error.
 */
export function withoutIgnoredInsides(html, path = 'the page') {
  let kept = '';
  let from = 0;
  IGNORED.lastIndex = 0;
  for (let open; (open = IGNORED.exec(html));) {
    const start = html.indexOf('>', open.index) + 1;
    const tags = new RegExp(`<(/?)${open[1]}\\b[^>]*>`, 'g');
    tags.lastIndex = start;
    let depth = 1;
    let close;
    while (depth > 0 && (close = tags.exec(html))) depth += close[1] ? -1 : 1;
    if (!close) throw new Error(`the search index found no end to <${open[1]}> at character ${open.index} of ${path}`);
    const inside = html.slice(start, close.index);
    if (!inside.includes('data-pagefind-')) {
      kept += html.slice(from, start);
      from = close.index;
    }
    IGNORED.lastIndex = close.index;
  }
  return kept + html.slice(from);
}

/** A search index that takes pages in any order and indexes them in the expected one. */
export function searchIndexPages() {
  const created = pagefind.createIndex({});
  let expected;
  const waiting = new Map();
  const adding = [];
  let next = 0;
  const addInOrder = () => {
    while (expected && next < expected.length && waiting.has(expected[next])) {
      const path = expected[next++];
      const content = waiting.get(path);
      waiting.delete(path);
      adding.push(created.then(({ index }) => index?.addHTMLFile({ sourcePath: pageFile(path), content })));
    }
  };
  return {
    expect(paths) {
      expected ??= paths;
      addInOrder();
    },
    add(path, html) {
      if (waiting.has(path)) throw new Error(`the search index was given ${path} twice`);
      waiting.set(path, withoutIgnoredInsides(html, path));
      addInOrder();
    },
    /** Writes the index into `dir`/pagefind/ once every expected page came; returns how many pages. */
    async write(dir) {
      if (!expected) throw new Error('the search index got no page: src/middleware.ts did not run');
      if (next < expected.length || waiting.size) {
        const missing = expected.slice(next).filter((path) => !waiting.has(path));
        const unexpected = [...waiting.keys()].filter((path) => !expected.includes(path));
        throw new Error(
          `the search index did not get every page it expected: ${missing.length} missing (${missing.slice(0, 5).join(', ')})` +
            (unexpected.length ? `, ${unexpected.length} not expected (${unexpected.slice(0, 5).join(', ')})` : ''),
        );
      }
      const { index, errors } = await created;
      if (!index) throw new Error(`Pagefind: ${errors.join('; ')}`);
      const failed = (await Promise.all(adding)).flatMap((added) => added.errors);
      if (failed.length) throw new Error(`Pagefind: ${failed.join('; ')}`);
      const written = await index.writeFiles({ outputPath: join(dir, 'pagefind') });
      if (written.errors.length) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
      await pagefind.close();
      return next;
    },
  };
}

export default function pagefindIndex() {
  let pages;
  return {
    name: 'chiso-pagefind',
    hooks: {
      'astro:config:setup': ({ command }) => {
        if (command === 'build') globalThis.chisoSearchIndexPages = pages = searchIndexPages();
      },
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const count = await pages.write(fileURLToPath(dir));
        logger.info(`search index: ${count} pages, written in ${((performance.now() - started) / 1000).toFixed(2)} s`);
      },
    },
  };
}
