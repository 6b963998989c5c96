/**
 * The corpus of broken publications (tests/fixtures/bad/<case>/): each case is a raw/ overlay and a case.json with
 * a one-line description and the error lines it must produce. For every case the build must fail with those
 * messages (naming file, row and column) and leave the previously published folder byte-for-byte unchanged.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatProblem, InvalidInputError } from '../pipeline/validate/problems.js';
import { publishData } from '../pipeline/write/publish.js';
import { csv, makeRawFixture, publicationFor } from './helpers/raw-fixture.js';
import { runScript } from './helpers/run-process.js';
import { answerVitest } from './helpers/answer-vitest.js';
import { treeDigest } from './helpers/tree-digest.js';

const CORPUS = join(import.meta.dirname, 'fixtures', 'bad');

interface Case {
  description: string;
  expect: string[];
  checksums?: 'fill' | 'as-is';
  generate?: 'huge-csv';
}

/** Fills "files" of every edition folder the overlay touched, as a maintainer would with sha256sum. */
function fillChecksums(raw: string, overlay: string) {
  for (const publication of findFiles(overlay, 'publication.json')) {
    const dir = join(raw, relative(overlay, publication), '..');
    const data = JSON.parse(readFileSync(join(dir, 'publication.json'), 'utf8'));
    if (data.files !== undefined) continue;
    data.files = readdirSync(dir)
      .filter((f) => f !== 'publication.json')
      .sort()
      .map((path) => ({
        path,
        sha256: createHash('sha256')
          .update(readFileSync(join(dir, path)))
          .digest('hex'),
      }));
    writeFileSync(join(dir, 'publication.json'), JSON.stringify(data, null, 2));
  }
}

function findFiles(dir: string, name: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((p) => p.endsWith(name))
    .map((p) => join(dir, p));
}

/** A 50 MB table: the right shape, far too big to be a publication's table. */
function generateHugeCsv(raw: string) {
  const dir = join(raw, 'sipas', '2020');
  mkdirSync(dir, { recursive: true });
  const row = 'Hà Nội,80\n';
  writeFileSync(join(dir, 'table.csv'), 'province,score\n' + row.repeat(Math.ceil(50e6 / Buffer.byteLength(row))));
  writeFileSync(join(dir, 'publication.json'), JSON.stringify(publicationFor('sipas', 2020)));
}

const cases = readdirSync(CORPUS).sort();
let previous: string;
let previousDigest: string;

beforeAll(async () => {
  previous = mkdtempSync(join(tmpdir(), 'chiso-previous-'));
  const good = makeRawFixture([
    { index: 'sipas', year: 2019, files: { 'table.csv': csv(['province', 'score'], [['Quảng Ninh', 95.26]]) } },
  ]);
  await publishData(good, join(previous, 'data'));
  previousDigest = treeDigest(previous);
});

describe('the corpus of broken publications', () => {
  it('has at least 40 cases, each with a description and expected errors', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
    for (const name of cases) {
      const c = JSON.parse(readFileSync(join(CORPUS, name, 'case.json'), 'utf8')) as Case;
      expect(c.description, name).toMatch(/\S/);
      expect(c.expect.length, name).toBeGreaterThan(0);
    }
  });

  it.each(cases)('%s: fails with the expected messages and publishes nothing', async (name) => {
    const c = JSON.parse(readFileSync(join(CORPUS, name, 'case.json'), 'utf8')) as Case;
    const raw = makeRawFixture([]);
    const overlay = join(CORPUS, name, 'raw');
    if (existsSync(overlay)) cpSync(overlay, raw, { recursive: true });
    if (c.generate === 'huge-csv') generateHugeCsv(raw);
    if ((c.checksums ?? 'fill') === 'fill' && existsSync(overlay)) fillChecksums(raw, overlay);
    if (c.generate === 'huge-csv') fillChecksums(raw, raw);
    await answerVitest(); // after the setup, which waits for nothing

    let messages: string[] = [];
    try {
      await publishData(raw, join(previous, 'data'));
    } catch (error) {
      expect(error, `${name}: the build should fail with a list of problems`).toBeInstanceOf(InvalidInputError);
      messages = (error as InvalidInputError).problems.map(formatProblem);
    }
    expect(messages.length, `${name}: the build must fail`).toBeGreaterThan(0);
    for (const pattern of c.expect)
      expect(messages, `${name} expects /${pattern}/`).toContainEqual(expect.stringMatching(new RegExp(pattern)));
    expect(treeDigest(previous), `${name}: the previous output must be unchanged`).toBe(previousDigest);
  });

  /** scripts/<script> run as npm runs it, on the first case of the corpus, publishing to `out`. */
  const runOnFirstCase = (script: string, out: string) => {
    const raw = makeRawFixture([]);
    cpSync(join(CORPUS, cases[0], 'raw'), raw, { recursive: true });
    fillChecksums(raw, join(CORPUS, cases[0], 'raw'));
    return runScript(script, ['--raw', raw, '--out', out]);
  };

  it('the command exits non-zero, lists the problem and leaves the previous output alone', async () => {
    const run = await runOnFirstCase('pipeline.ts', join(previous, 'data'));
    expect(run.status, run.stdout + run.stderr).toBe(1);
    expect(run.stderr).toMatch(/nothing was published \(the previous output is unchanged\)/);
    expect(treeDigest(previous)).toBe(previousDigest);
  });

  it('npm run build stops the site build it started beside the pipeline, and publishes nothing', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'chiso-failed-build-'));
    const target = join(folder, 'site');
    const run = await runOnFirstCase('build.ts', target);
    expect(run.status, run.stdout + run.stderr).toBe(1);
    expect(run.stderr).toMatch(/nothing was published \(the previous output is unchanged\)/);
    expect(existsSync(target)).toBe(false);
    // The site build writes into the folder beside the target: no process of it is left running.
    const running = readdirSync('/proc').filter((pid) => {
      try {
        return /^\d+$/.test(pid) && readFileSync(join('/proc', pid, 'environ'), 'utf8').includes(folder);
      } catch {
        return false;
      }
    });
    expect(running).toEqual([]);
  });
});
