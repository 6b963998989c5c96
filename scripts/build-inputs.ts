/**
 * What a site build is made from, as one digest: every file of raw/, pipeline/, schemas/, site/ (but its
 * node_modules and Astro's cache), scripts/ and the package files. `npm run build` records the digest of the
 * build now in dist/; the site tests rebuild whenever the recorded digest is not that of the working tree.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ROOT } from '../pipeline/paths.js';

const INPUTS = ['raw', 'pipeline', 'schemas', 'site', 'scripts', 'package.json', 'package-lock.json', 'tsconfig.json'];
const SKIPPED = new Set(['node_modules', '.astro']);
/** Beside dist/, not in it: the site's files are exactly what Astro and the pipeline write. */
const RECORD = join(ROOT, '.build', 'dist-inputs.sha256');

/** Every input file (relative paths with forward slashes), sorted. */
function inputFiles(): string[] {
  const files: string[] = [];
  const walk = (path: string) => {
    const full = join(ROOT, path);
    if (!existsSync(full)) return;
    if (!statSync(full).isDirectory()) return void files.push(path);
    for (const name of readdirSync(full)) if (!SKIPPED.has(name)) walk(`${path}/${name}`);
  };
  INPUTS.forEach(walk);
  return files.sort();
}

export function buildInputsDigest(): string {
  const hash = createHash('sha256');
  for (const file of inputFiles())
    hash
      .update(`${file}\0`)
      .update(readFileSync(join(ROOT, file)))
      .update('\0');
  return hash.digest('hex');
}

/** The digest of the inputs dist/ was built from, or undefined when no build recorded one. */
export function recordedBuildInputs(): string | undefined {
  return existsSync(RECORD) ? readFileSync(RECORD, 'utf8').trim() : undefined;
}

export function forgetBuildInputs(): void {
  rmSync(RECORD, { force: true });
}

export function recordBuildInputs(digest: string): void {
  mkdirSync(dirname(RECORD), { recursive: true });
  writeFileSync(RECORD, digest + '\n');
}
