import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { configDefaults, defineConfig } from 'vitest/config';

/**
 * The longest test files, started first so that the short ones fill the gaps: the site tests that build a site of
 * their own (a pool of their own, see below), the pipeline runs in other time zones and in killed child processes
 * (their workers mostly wait), and the browser tests, which wait for the site build and then take the longest.
 */
const LONGEST = [
  /tests\/site\/reproducible\.test\.ts$/,
  /tests\/site\/synthetic-34\.test\.ts$/,
  /tests\/reproducible\.test\.ts$/,
  /tests\/publish\.test\.ts$/,
  /tests\/site\/browser\.test\.ts$/,
  /tests\/site\/phones-compare-sql\.test\.ts$/,
  /tests\/property\.test\.ts$/,
  /tests\/bad-inputs\.test\.ts$/,
  /tests\/static-checks\.test\.ts$/,
];
const rankOf = (f: TestSpecification) => {
  const i = LONGEST.findIndex((re) => re.test(f.moduleId));
  return i === -1 ? LONGEST.length : i;
};

class LongestFirst extends BaseSequencer {
  async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    return (await super.sort(files))
      .map((f, i) => ({ f, i }))
      .sort((a, b) => rankOf(a.f) - rankOf(b.f) || a.i - b.i)
      .map(({ f }) => f);
  }
}

// Three projects, run side by side: the pipeline tests, which need no site; the site tests (tests/site/), whose
// global setup builds the site once per run, in the background, unless dist/ is a build of the current inputs
// (tests/site/global-setup.ts; each site file waits for it); and the two site tests that build a site of their own.
// Those two run one at a time, in a pool of their own (two Astro builds of site/ at once share its caches and
// clash): Vitest runs a single-worker pool's files only after the other files of that pool, so they must not share
// the forks pool with the rest. Four test files more than there are cores run at once in the forks pool (Vitest's
// default is one fewer: a single file at a time on two cores), as some files only wait: for child processes, or for
// the site build. One generous timeout for every test and hook, and none of their own (tighter bounds failed under
// load): a test asserts what the code does, not how fast (npm run bench measures that). Only the tests that build
// whole sites, check the whole project or run the pipeline in several time zones have longer ones.
const SITE_BUILDS = ['tests/site/reproducible.test.ts', 'tests/site/synthetic-34.test.ts'];
const site = {
  globalSetup: ['tests/site/global-setup.ts'],
  setupFiles: ['tests/site/wait-for-build.ts'],
};

// The tests' temporary folders (copies of raw/, pipeline outputs, sites, browser profiles: about 400 MB and 360
// folders a run, some left by processes the tests kill) go in one folder of this run, which the test workers and
// their processes inherit through TMPDIR, removed when the run ends: by an rm of its own, so that the run need not
// wait for it. (Vitest reads this file twice: the folder is made once.)
if (!process.env.CHISO_TEST_RUN_TMPDIR) {
  const folder = mkdtempSync(join(tmpdir(), 'chiso-test-run-'));
  process.env.CHISO_TEST_RUN_TMPDIR = process.env.TMPDIR = folder;
  process.once('exit', () => spawn('rm', ['-rf', folder], { detached: true, stdio: 'ignore' }).unref());
}

export default defineConfig({
  test: {
    maxWorkers: availableParallelism() + 4,
    sequence: { sequencer: LongestFirst },
    testTimeout: 300_000,
    hookTimeout: 300_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'pipeline',
          include: ['tests/**/*.test.ts'],
          exclude: [...configDefaults.exclude, 'tests/site/**'],
        },
      },
      {
        extends: true,
        test: {
          name: 'site',
          include: ['tests/site/**/*.test.ts'],
          exclude: [...configDefaults.exclude, ...SITE_BUILDS],
          ...site,
        },
      },
      {
        extends: true,
        test: {
          name: 'site-builds',
          include: SITE_BUILDS,
          ...site,
          pool: 'threads',
          poolOptions: { threads: { singleThread: true } },
        },
      },
    ],
  },
});
