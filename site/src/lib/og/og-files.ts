/** Every preview image as a file (/og/<key>.<lang>.png, 1200 × 630), for every province, edition and index page:
 * site/scripts/download-files.ts writes them beside the Astro build. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { allPages } from '../pages';
import { LANGS } from '../routes';
import { ogImageFor, ogPath, type OgImage } from './cards';
import { rasterise } from './raster';

/** Writes the images into `siteDir` (the site's output folder), a few at a time (sharp works off the main thread);
 * returns how many. */
export async function writeOgImages(siteDir: string): Promise<number> {
  const images = allPages().flatMap((page) =>
    LANGS.map((lang) => ogImageFor(page, lang)).filter((x): x is OgImage => x !== null),
  );
  mkdirSync(dirname(join(siteDir, ogPath(images[0]))), { recursive: true });
  let next = 0;
  const worker = async () => {
    while (next < images.length) {
      const image = images[next++];
      writeFileSync(join(siteDir, ogPath(image)), await rasterise(await image.svg()));
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
  return images.length;
}
