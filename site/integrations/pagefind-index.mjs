// Builds the Pagefind search index over the finished pages (astro:build:done), into <out>/pagefind/. The pages
// index their own words: charts, an edition's ranking table and its quotes for every province are marked
// data-pagefind-ignore, since they would make every edition page a result for any province's name (and they were
// two fifths of the index's work).
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join, sep } from 'node:path';
import * as pagefind from 'pagefind';

/** Indexes the pages under `site` into `site`/pagefind/; returns how many pages. */
export async function writeSearchIndex(site) {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind: ${errors.join('; ')}`);
  // The pages are given in the order of their paths: Pagefind numbers them in the order it gets them, and indexing
  // a folder takes the file system's order, which differs between file systems (ext4 and tmpfs here), so the same
  // pages made another index. Given one by one, they take about a second longer to index.
  const pages = readdirSync(site, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.html'))
    .map((file) => file.split(sep).join('/'))
    .sort();
  const added = await Promise.all(
    pages.map((file) => index.addHTMLFile({ sourcePath: file, content: readFileSync(join(site, file), 'utf8') })),
  );
  const failed = added.flatMap((a) => a.errors);
  if (failed.length) throw new Error(`Pagefind: ${failed.join('; ')}`);
  const written = await index.writeFiles({ outputPath: join(site, 'pagefind') });
  if (written.errors.length) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
  await pagefind.close();
  return pages.length;
}

export default function pagefindIndex() {
  return {
    name: 'chiso-pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const pages = await writeSearchIndex(fileURLToPath(dir));
        logger.info(`search index: ${pages} pages in ${((performance.now() - started) / 1000).toFixed(2)} s`);
      },
    },
  };
}
