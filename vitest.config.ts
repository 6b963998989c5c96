import { availableParallelism } from 'node:os';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { configDefaults, defineConfig } from 'vitest/config';

/** Test files that mostly wait for a child process (a second site build): started first, so the others run meanwhile. */
const WAITING = /tests\/site\/reproducible\.test\.ts$/;

class WaitingFirst extends BaseSequencer {
  async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    return [...sorted.filter((f) => WAITING.test(f.moduleId)), ...sorted.filter((f) => !WAITING.test(f.moduleId))];
  }
}

// Two projects: the pipeline tests, which need no site, and the site tests (tests/site/), whose global setup builds
// the site once per run unless dist/ is a build of the current inputs (tests/site/global-setup.ts).
// At least two test files run at once, even on two cores (Vitest's default there is one): several of them spend
// much of their time waiting for a build, a pipeline process or the browser.
export default defineConfig({
  test: {
    maxWorkers: Math.max(2, availableParallelism() - 1),
    sequence: { sequencer: WaitingFirst },
    projects: [
      {
        extends: true,
        test: { name: 'pipeline', include: ['tests/**/*.test.ts'], exclude: [...configDefaults.exclude, 'tests/site/**'] },
      },
      {
        extends: true,
        test: {
          name: 'site',
          include: ['tests/site/**/*.test.ts'],
          globalSetup: ['tests/site/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
