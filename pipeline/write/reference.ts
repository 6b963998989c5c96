/**
 * The reference material the site's pages need, published beside the datasets so that the site reads only the
 * pipeline's output: the index definitions (measures, scales, groups, breaks, checks) as raw/<index>/index.json
 * gives them, every edition's sources as its publication.json lists them, and the province boundaries of raw/geo/.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RawData } from '../read/editions.js';

export const INDICES_FILE = 'indices.json';
export const SOURCES_FILE = 'sources.json';
export const GEO_FOLDER = 'geo';

const json = (value: unknown) => JSON.stringify(value, null, 2) + '\n';

/** Writes indices.json, sources.json and geo/; returns the paths written, relative to outDir. */
export function writeReference(raw: RawData, rawDir: string, outDir: string): string[] {
  writeFileSync(join(outDir, INDICES_FILE), json([...raw.definitions.values()]));
  const sources = [...raw.editions]
    .sort((a, b) => a.publication.index.localeCompare(b.publication.index) || a.publication.year - b.publication.year)
    .flatMap((e) => e.publication.sources.map((s) => ({ index: e.publication.index, year: e.publication.year, ...s })));
  writeFileSync(join(outDir, SOURCES_FILE), json(sources));
  const geoDir = join(rawDir, GEO_FOLDER);
  const geoFiles = existsSync(geoDir) ? readdirSync(geoDir).sort() : [];
  if (geoFiles.length) mkdirSync(join(outDir, GEO_FOLDER));
  for (const file of geoFiles) copyFileSync(join(geoDir, file), join(outDir, GEO_FOLDER, file));
  return [INDICES_FILE, SOURCES_FILE, ...geoFiles.map((file) => `${GEO_FOLDER}/${file}`)];
}
