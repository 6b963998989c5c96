#!/usr/bin/env tsx
// npm run reproducible: builds the whole site twice, under two time zones, locales and working directories, and
// compares every file's sha256. Two full builds take a minute or more, so this is a command, not a unit test; the
// pipeline's own datasets are compared under three settings by tests/reproducible.test.ts.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from '../pipeline/paths.js';

const TSX = pathToFileURL(join(ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;
const SETTINGS = [
  { TZ: 'UTC', LANG: 'C', LC_ALL: 'C', cwd: ROOT },
  { TZ: 'Asia/Ho_Chi_Minh', LANG: 'vi_VN.UTF-8', LC_ALL: 'vi_VN.UTF-8', cwd: tmpdir() },
];

function digests(dir: string): Map<string, string> {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
  return new Map(
    files.map((e) => [
      relative(dir, join(e.parentPath, e.name)),
      createHash('sha256')
        .update(readFileSync(join(e.parentPath, e.name)))
        .digest('hex'),
    ]),
  );
}

const work = mkdtempSync(join(tmpdir(), 'chiso-reproducible-'));
try {
  const builds = SETTINGS.map(({ cwd, ...env }, i) => {
    const out = join(work, `site-${i}`);
    console.log(`building under TZ=${env.TZ} LC_ALL=${env.LC_ALL} in ${cwd} …`);
    execFileSync(process.execPath, ['--import', TSX, join(ROOT, 'scripts', 'build.ts'), '--out', out], {
      cwd,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    return digests(out);
  });
  const [a, b] = builds;
  const differing = [...new Set([...a.keys(), ...b.keys()])].filter((f) => a.get(f) !== b.get(f)).sort();
  if (differing.length) {
    console.error(
      `✗ ${differing.length} of ${a.size} files differ between the two builds:\n` +
        differing
          .slice(0, 50)
          .map((f) => `  • ${f}`)
          .join('\n'),
    );
    process.exitCode = 1;
  } else {
    console.log(`✓ both builds are byte-identical (${a.size} files)`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
