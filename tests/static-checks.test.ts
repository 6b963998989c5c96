/**
 * `npm run lint` (Prettier's check, the SQL style check and ESLint) and `npm run typecheck` (tsc and astro check),
 * run as tests so that `npm test` checks them beside the other tests instead of before them (they only wait for
 * their processes).
 */
import { describe, expect, it } from 'vitest';
import { ROOT } from '../pipeline/paths.js';
import { runProcess } from './helpers/run-process.js';

/** Each checks the whole project, on the cores the rest of the run shares (the type check alone takes about 45 s of
 * CPU): they get as long as the tests that build a whole site. */
const WHOLE_PROJECT = 900_000;

const npm = (script: string) => runProcess('npm', ['run', '--silent', script], { cwd: ROOT });

describe('the sources', () => {
  it.concurrent.each(['lint', 'typecheck'])(
    'pass npm run %s',
    async (script) => {
      const run = await npm(script);
      expect(run.status, run.stdout + run.stderr).toBe(0);
    },
    WHOLE_PROJECT,
  );
});
