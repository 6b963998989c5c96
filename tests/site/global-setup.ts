/**
 * The site tests test a build of the working tree as it is: this runs `npm run build` once per test run unless
 * dist/ was built from exactly these inputs (the digest `npm run build` records; see scripts/build-inputs.ts).
 * CHISO_SITE_DIST tests a site built elsewhere instead, as it is.
 *
 * The build runs in the background: Vitest waits for every global setup before it starts any test file, and the
 * pipeline tests need no site. Each site test file waits for it first (tests/site/wait-for-build.ts), through a
 * file this setup writes when the build has finished: `ok`, or what went wrong. Both site projects (see
 * vitest.config.ts) run this setup, in the same process: the first starts the build, the second shares it.
 */
import { spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildInputsDigest, recordedBuildInputs } from '../../scripts/build-inputs.js';
import { scriptArgs } from '../helpers/run-process.js';
import { ROOT, siteBuilt } from './site-paths.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The file that says how the site build of this run ended (see tests/site/wait-for-build.ts). */
    siteBuildStatus: string;
  }
}

interface SiteBuild {
  status: string;
  /** Stops the build if it is still running (a run that ends early), and removes the status file. */
  stop: () => Promise<void>;
  users: number;
}

const SHARED = Symbol.for('chiso.tests.siteBuild');
const shared = globalThis as { [SHARED]?: SiteBuild };

function startSiteBuild(): SiteBuild {
  const work = mkdtempSync(join(tmpdir(), 'chiso-site-tests-'));
  const status = join(work, 'status');
  // Written whole and renamed into place: a test file never reads half of it.
  const report = (outcome: string) => {
    writeFileSync(`${status}.part`, outcome);
    renameSync(`${status}.part`, status);
  };
  const cleanUp = async () => rmSync(work, { recursive: true, force: true });
  if (process.env.CHISO_SITE_DIST) {
    report(
      siteBuilt() ? 'ok' : `CHISO_SITE_DIST=${process.env.CHISO_SITE_DIST} has no built site (index.html and data/)`,
    );
    return { status, stop: cleanUp, users: 0 };
  }
  const current = buildInputsDigest();
  if (siteBuilt() && recordedBuildInputs() === current) {
    report('ok');
    return { status, stop: cleanUp, users: 0 };
  }
  console.log(
    `tests/site: ${siteBuilt() ? 'dist/ was built from other inputs' : 'dist/ has no site'}; ` +
      'running npm run build once, beside the pipeline tests…',
  );
  const log = join(work, 'build.log');
  const output = createWriteStream(log);
  const build = spawn(process.execPath, scriptArgs('build.ts'), {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // its own process group, so that stopping it stops Astro too
  });
  build.stdout.pipe(output);
  build.stderr.pipe(output);
  const finished = new Promise<void>((resolve) =>
    build.on('close', (code) =>
      output.end(() => {
        const failure =
          code !== 0
            ? `npm run build failed (exit ${code}):\n${readFileSync(log, 'utf8').slice(-4000)}`
            : !siteBuilt() || recordedBuildInputs() !== current
              ? 'npm run build did not produce a site of the current inputs in dist/'
              : undefined;
        report(failure ?? 'ok');
        resolve();
      }),
    ),
  );
  const stop = async () => {
    if (build.exitCode === null && build.signalCode === null) process.kill(-build.pid!);
    await finished;
    await cleanUp();
  };
  return { status, stop, users: 0 };
}

export default function setup(project: TestProject): () => Promise<void> {
  const build = (shared[SHARED] ??= startSiteBuild());
  build.users++;
  project.provide('siteBuildStatus', build.status);
  return async () => {
    if (--build.users > 0) return;
    delete shared[SHARED];
    await build.stop();
  };
}
