/** Where the built site is, and small helpers over its files, for the site tests. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');
/** The built site: dist/, or CHISO_SITE_DIST to test a site built elsewhere. */
export const DIST = process.env.CHISO_SITE_DIST ?? join(ROOT, 'dist');
export const DATA = join(DIST, 'data');

export function siteBuilt(): boolean {
  return existsSync(join(DIST, 'index.html')) && existsSync(join(DATA, 'observations.json'));
}

/** Every file under dist/ (paths relative to dist, with forward slashes). */
export function distFiles(under = ''): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else out.push(relative(DIST, full).split(sep).join('/'));
    }
  };
  walk(join(DIST, under));
  return out;
}

export function htmlPages(): string[] {
  return distFiles().filter((f) => f.endsWith('.html') && !f.startsWith('pagefind/'));
}

export function readDist(path: string): string {
  return readFileSync(join(DIST, path), 'utf8');
}

export function readData<T>(name: string): T {
  return JSON.parse(readFileSync(join(DATA, name), 'utf8')) as T;
}

/** The file a site path is served from (directory → index.html), or null. */
export function fileForPath(pathname: string): string | null {
  const clean = decodeURIComponent(pathname.split('#')[0].split('?')[0]);
  const candidates = clean.endsWith('/')
    ? [join(DIST, clean, 'index.html')]
    : [join(DIST, clean), join(DIST, clean, 'index.html')];
  return candidates.find((c) => existsSync(c) && statSync(c).isFile()) ?? null;
}
