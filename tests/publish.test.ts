/**
 * Publishing with real processes: a run killed (SIGKILL) at random moments leaves the old output or the new one,
 * never none or a mix, and the next run cleans up; two runs at once are serialised by a lock whose loser says so;
 * a lock left by a dead run is taken over; a published folder is readable by a web server whatever the umask; the
 * site build's download files process reads no dataset before the pipeline has published them.
 */
import { spawn, spawnSync } from 'node:child_process';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { publish, publishData } from '../pipeline/write/publish.js';
import { ROOT } from '../pipeline/paths.js';
import { scriptArgs } from './helpers/run-process.js';
import { csv, makeRawFixture } from './helpers/raw-fixture.js';
import { treeDigest } from './helpers/tree-digest.js';

const rawWith = (score: number) =>
  makeRawFixture([
    {
      index: 'sipas',
      year: 2019,
      files: {
        'table.csv': csv(
          ['province', 'score'],
          [
            ['Quảng Ninh', score],
            ['Hà Nội', 80.5],
          ],
        ),
      },
    },
  ]);
const RAW_A = rawWith(95.26);
const RAW_B = rawWith(91.1);
const RAW_BAD = makeRawFixture([
  { index: 'sipas', year: 2019, files: { 'table.csv': csv(['province', 'score'], [['Quảng Ninh', '95,26']]) } },
]);

/** Runs scripts/pipeline.ts in a child process; `killAfter` ms, if given, kills it with SIGKILL. */
function runChild(
  raw: string,
  out: string,
  killAfter?: number,
  shell?: string,
): Promise<{ code: number | null; signal: string | null; stderr: string; ms: number }> {
  const started = Date.now();
  const args = [...scriptArgs('pipeline.ts'), '--raw', raw, '--out', out];
  const child = shell
    ? spawn('sh', ['-c', `${shell}; exec "$0" "$@"`, process.execPath, ...args], { cwd: ROOT })
    : spawn(process.execPath, args, { cwd: ROOT });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  if (killAfter !== undefined) setTimeout(() => child.kill('SIGKILL'), killAfter);
  return new Promise((done) =>
    child.on('exit', (code, signal) => done({ code, signal, stderr, ms: Date.now() - started })),
  );
}

/**
 * What the versions folder beside the target holds besides the version it shows and the one before it (the newest
 * older version, which stays until the next run): the leftovers of killed runs.
 */
function leftovers(target: string): string[] {
  const versions = join(dirname(target), `.${basename(target)}.versions`);
  const current = basename(readlinkSync(target));
  const before = readdirSync(versions)
    .filter((n) => /^v\d/.test(n) && n < current)
    .sort()
    .at(-1);
  const links = readdirSync(dirname(target)).filter((n) => n.startsWith(`.${basename(target)}.link-`));
  return [...readdirSync(versions).filter((n) => n !== current && n !== before), ...links];
}

let digestA: string;
let digestB: string;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'chiso-publish-'));
  await publishData(RAW_A, join(dir, 'a'));
  await publishData(RAW_B, join(dir, 'b'));
  digestA = treeDigest(join(dir, 'a'));
  digestB = treeDigest(join(dir, 'b'));
  expect(digestA).not.toBe(digestB);
});

describe('publishing', () => {
  it('survives SIGKILL at random moments: the target is always the old or the new output, and the next run cleans up', async () => {
    const target = join(mkdtempSync(join(tmpdir(), 'chiso-kill-')), 'data');
    await publishData(RAW_A, target);
    const full = await runChild(RAW_B, target);
    expect(full.code, full.stderr).toBe(0);
    await publishData(RAW_A, target);
    // A fixed sequence of moments spread over a whole run (seeded, so a failure can be repeated).
    let seed = 20_251_201;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    const seen = new Set<string>();
    for (let i = 0; i < 8; i++) {
      const result = await runChild(i % 2 ? RAW_A : RAW_B, target, Math.round(random() * full.ms * 1.1));
      const digest = treeDigest(target);
      expect([digestA, digestB], `after a kill at run ${i} (${result.signal ?? result.code})`).toContain(digest);
      seen.add(result.signal ?? 'finished');
    }
    const clean = await runChild(RAW_B, target);
    expect(clean.code, clean.stderr).toBe(0);
    expect(treeDigest(target)).toBe(digestB);
    expect(leftovers(target), 'the next run removes every leftover of the killed runs').toEqual([]);
    expect(seen.has('SIGKILL')).toBe(true);
  });

  it('is never observed missing while runs publish one after another', async () => {
    const target = join(mkdtempSync(join(tmpdir(), 'chiso-watch-')), 'data');
    await publishData(RAW_A, target);
    let misses = 0;
    let looks = 0;
    let running = true;
    const watch = (async () => {
      while (running) {
        looks++;
        if (!existsSync(join(target, 'SHA256SUMS'))) misses++;
        await new Promise((r) => setImmediate(r));
      }
    })();
    for (const raw of [RAW_B, RAW_A]) expect((await runChild(raw, target)).code).toBe(0);
    running = false;
    await watch;
    expect(looks).toBeGreaterThan(100);
    expect(misses).toBe(0);
  });

  it('keeps the version shown before until the next run, which removes it', async () => {
    const target = join(mkdtempSync(join(tmpdir(), 'chiso-previous-')), 'data');
    const versions = join(target, '..', '.data.versions');
    const shown = () => basename(readlinkSync(target));
    await publishData(RAW_A, target);
    const first = shown();
    await publishData(RAW_B, target);
    const second = shown();
    expect(readdirSync(versions).sort()).toEqual([first, second]);
    expect(treeDigest(join(versions, first))).toBe(digestA);
    await publishData(RAW_A, target);
    expect(readdirSync(versions).sort()).toEqual([second, shown()]);
  });

  it('lets one run at a time publish: the second says another run holds the lock, and claims nothing more', async () => {
    const target = join(mkdtempSync(join(tmpdir(), 'chiso-lock-')), 'data');
    await publishData(RAW_A, target);
    await publish(target, async (work) => {
      const second = await runChild(RAW_B, target);
      expect(second.code).toBe(1);
      expect(second.stderr).toMatch(
        new RegExp(
          `another run \\(pid ${process.pid}, started [0-9T:.Z-]+\\) is publishing to ${target}/?; this run did nothing`,
        ),
      );
      expect(second.stderr).not.toMatch(/unchanged/);
      writeFileSync(join(work, 'marker'), 'held');
      return work;
    });
    expect(readdirSync(target)).toEqual(['marker']);
  });

  it('two runs started together: each publishes or reports the lock, and the result is complete', async () => {
    const target = join(mkdtempSync(join(tmpdir(), 'chiso-race-')), 'data');
    await publishData(RAW_A, target);
    const results = await Promise.all([runChild(RAW_B, target), runChild(RAW_B, target)]);
    for (const r of results) {
      if (r.code !== 0)
        expect(r.stderr).toMatch(/another run \(pid \d+, .*\) is publishing to .*; this run did nothing/);
    }
    expect(results.some((r) => r.code === 0)).toBe(true);
    expect(treeDigest(target)).toBe(digestB);
    expect(leftovers(target)).toEqual([]);
  });

  it('takes over a lock whose holder is dead, or that is damaged, and removes what its holder left', async () => {
    const target = join(mkdtempSync(join(tmpdir(), 'chiso-stale-')), 'data');
    await publishData(RAW_A, target);
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    const versions = join(target, '..', '.data.versions');
    writeFileSync(
      join(versions, 'lock'),
      JSON.stringify({ pid: dead, host: hostname(), started: '2026-01-01T00:00:00.000Z' }),
    );
    writeFileSync(join(versions, `lock.${dead}`), 'what a run killed while taking the lock leaves');
    const run = await runChild(RAW_B, target);
    expect(run.code, run.stderr).toBe(0);
    expect(treeDigest(target)).toBe(digestB);
    expect(leftovers(target)).toEqual([]);
    // A lock that is not a lock at all (damaged) names no live holder either.
    writeFileSync(join(versions, 'lock'), '');
    expect((await runChild(RAW_A, target)).code).toBe(0);
    expect(treeDigest(target)).toBe(digestA);
    expect(leftovers(target)).toEqual([]);
  });

  it('restores a missing target from its last complete version, even when the run then fails', async () => {
    const target = join(mkdtempSync(join(tmpdir(), 'chiso-restore-')), 'data');
    await publishData(RAW_A, target);
    // What a run killed while turning a plain folder into a version leaves: the version, and no target.
    const version = join(
      target,
      '..',
      '.data.versions',
      readdirSync(join(target, '..', '.data.versions')).find((n) => n.startsWith('v'))!,
    );
    renameSync(target, `${target}.gone`);
    mkdirSync(join(target, '..', '.data.versions', 'work-leftover'));
    const failed = await runChild(RAW_BAD, target);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/nothing was published/);
    expect(lstatSync(target).isSymbolicLink()).toBe(true);
    expect(treeDigest(target)).toBe(digestA);
    expect(existsSync(version)).toBe(true);
    expect(leftovers(target)).toEqual([]);
  });

  it('turns a folder published the old way into the first version, keeping it until a run succeeds', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'chiso-legacy-'));
    const target = join(dir, 'data');
    await publishData(RAW_A, join(dir, 'elsewhere'));
    spawnSync('cp', ['-rL', join(dir, 'elsewhere'), target]);
    expect(lstatSync(target).isDirectory()).toBe(true);
    expect((await runChild(RAW_BAD, target)).code).toBe(1);
    expect(treeDigest(target)).toBe(digestA);
    expect((await runChild(RAW_B, target)).code).toBe(0);
    expect(treeDigest(target)).toBe(digestB);
  });

  it('puts back the copies the former way of publishing left in .build/ when it was killed between its renames', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'chiso-former-'));
    const target = join(dir, 'dist');
    mkdirSync(join(dir, '.build', 'build-x1', 'site.old'), { recursive: true });
    writeFileSync(join(dir, '.build', 'build-x1', 'site.old', 'index.html'), 'the old site');
    const failing = async () => {
      throw new Error('this build fails');
    };
    const notes: string[] = [];
    await expect(publish(target, failing, (n) => notes.push(n))).rejects.toThrow('this build fails');
    expect(readFileSync(join(target, 'index.html'), 'utf8')).toBe('the old site');
    expect(notes).toEqual([expect.stringMatching(/was missing; restored the copy a killed build left in/)]);
    // A killed pipeline run of old left dist/ without data/, and the data in .build/data-*.old.
    mkdirSync(join(dir, '.build', 'data-x2.old'));
    writeFileSync(join(dir, '.build', 'data-x2.old', 'SHA256SUMS'), 'the old data');
    const version = resolve(dir, readlinkSync(target));
    renameSync(version, `${dir}/plain`);
    rmSync(target);
    renameSync(`${dir}/plain`, target);
    await expect(publish(target, failing)).rejects.toThrow('this build fails');
    expect(readFileSync(join(target, 'data', 'SHA256SUMS'), 'utf8')).toBe('the old data');
    expect(readFileSync(join(target, 'index.html'), 'utf8')).toBe('the old site');
  });

  it('publishes directories 755 and files 644, even under umask 077', async () => {
    const target = join(mkdtempSync(join(tmpdir(), 'chiso-modes-')), 'data');
    const run = await runChild(RAW_B, target, undefined, 'umask 077');
    expect(run.code, run.stderr).toBe(0);
    const modes = new Set<string>();
    const walk = (d: string) => {
      modes.add(`dir ${(statSync(d).mode & 0o777).toString(8)}`);
      for (const name of readdirSync(d)) {
        const path = join(d, name);
        if (statSync(path).isDirectory()) walk(path);
        else modes.add(`file ${(statSync(path).mode & 0o777).toString(8)}`);
      }
    };
    walk(target);
    expect([...modes].sort()).toEqual(['dir 755', 'file 644']);
    expect((statSync(join(target, '..', '.data.versions')).mode & 0o777).toString(8)).toBe('755');
  });
});

describe("the site build's download files process", () => {
  it('reads no dataset before the build says the datasets are complete, and stops when told nothing', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'chiso-no-datasets-'));
    const script = [join(ROOT, 'scripts', 'run.mjs'), join(ROOT, 'site', 'scripts', 'download-files.ts')];
    const child = spawn(process.execPath, [...script, '--out', join(empty, 'out')], {
      env: { ...process.env, CHISO_DATA_DIR: empty },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    // The datasets are not there yet: the build is still running its pipeline. Then it stops without saying "begin".
    setTimeout(() => child.stdin.end(), 1500);
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(code).toBe(1);
    expect(stderr).not.toContain('ENOENT');
    expect(stderr).toContain('the site build stopped before the datasets were complete');
  });
});
