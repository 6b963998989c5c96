// Builds the Pagefind search index over the finished pages (astro:build:done), into <out>/pagefind/. The pages
// index their own words: charts, an edition's ranking table and its quotes for every province are marked
// data-pagefind-ignore, since they would make every edition page a result for any province's name (and they were
// two fifths of the index's work).
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import * as pagefind from 'pagefind';

export default function pagefindIndex() {
  return {
    name: 'chiso-pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const site = fileURLToPath(dir);
        const { index, errors } = await pagefind.createIndex({});
        if (!index) throw new Error(`Pagefind: ${errors.join('; ')}`);
        const added = await index.addDirectory({ path: site });
        if (added.errors.length) throw new Error(`Pagefind: ${added.errors.join('; ')}`);
        const written = await index.writeFiles({ outputPath: join(site, 'pagefind') });
        if (written.errors.length) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
        await pagefind.close();
        logger.info(
          `search index: ${added.page_count} pages in ${((performance.now() - started) / 1000).toFixed(2)} s`,
        );
      },
    },
  };
}
