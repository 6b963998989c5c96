/**
 * Two builds of the same commit give byte-identical pages: no timestamps, random ids or unordered output. The second
 * build runs under another time zone and locale than the shared one (see `npm run reproducible` for whole builds).
 */
import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite } from '../../scripts/build-site.js';
import { runProcess } from '../helpers/run-process.js';
import { DATA, DIST, distFiles } from './site-paths.js';

describe('a second build of the site', () => {
  it('writes exactly the same files, byte for byte', async () => {
    const again = mkdtempSync(join(tmpdir(), 'chiso-site-again-'));
    await buildSite({
      data: DATA,
      out: again,
      env: { TZ: 'Asia/Ho_Chi_Minh', LANG: 'vi_VN.UTF-8', LC_ALL: 'vi_VN.UTF-8' },
    });
    const pages = distFiles().filter((f) => !f.startsWith('data/'));
    const rebuilt = readdirSync(again, { recursive: true, encoding: 'utf8' }).filter(
      (f) => !statSync(join(again, f)).isDirectory(),
    );
    expect(rebuilt.map((f) => f.split(sep).join('/')).sort()).toEqual([...pages].sort());
    // Read without blocking: thousands of files, and a worker that stops answering Vitest for a minute fails.
    const differing: string[] = [];
    for (const f of pages) {
      const [mine, shared] = await Promise.all([readFile(join(again, f)).catch(() => null), readFile(join(DIST, f))]);
      if (!mine?.equals(shared)) differing.push(f);
    }
    // By rm in a process of its own (see synthetic-34.test.ts).
    await runProcess('rm', ['-rf', again]);
    expect(pages.length).toBeGreaterThan(300);
    expect(differing).toEqual([]);
  }, 900_000);
});
