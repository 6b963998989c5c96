/**
 * Same input, same bytes: the real pipeline run in child processes under different time zones, locales and working
 * directories must write byte-identical files (every one of them, the .xlsx zips included).
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../pipeline/paths.js';
import { runScript } from './helpers/run-process.js';

const ENVIRONMENTS = [
  { TZ: 'UTC', LANG: 'C', LC_ALL: 'C', cwd: ROOT },
  { TZ: 'Asia/Ho_Chi_Minh', LANG: 'vi_VN.UTF-8', LC_ALL: 'vi_VN.UTF-8', cwd: tmpdir() },
  { TZ: 'America/Los_Angeles', LANG: 'en_US.UTF-8', LC_ALL: 'tr_TR.UTF-8', cwd: '/' },
];

function digests(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
      .sort()
      .map((name) => [
        name,
        createHash('sha256')
          .update(readFileSync(join(dir, name)))
          .digest('hex'),
      ]),
  );
}

describe('reproducible output', () => {
  it('writes byte-identical datasets whatever the time zone, locale and working directory', async () => {
    // The three runs at once: each is a process of its own, and the test only waits for them.
    const outputs = await Promise.all(
      ENVIRONMENTS.map(async ({ cwd, ...env }) => {
        const out = join(mkdtempSync(join(tmpdir(), 'chiso-tz-')), 'data');
        const run = await runScript('pipeline.ts', ['--raw', join(ROOT, 'raw'), '--out', out], {
          cwd,
          env: { ...process.env, ...env },
        });
        expect(run.status, `${env.TZ}: ${run.stderr}`).toBe(0);
        return digests(out);
      }),
    );
    expect(Object.keys(outputs[0])).toContain('pci.xlsx');
    for (const other of outputs.slice(1)) expect(other).toEqual(outputs[0]);
  }, 600_000);
});
