// Draws the charts in a process of its own (site/scripts/chart-files.ts) while Astro bundles the site, so that the
// two share the machine's cores: it writes every chart's download files, moved into <out>/files/charts/ when the
// build is done, and the drawings the pages show, which the pages wait for (site/src/lib/charts/spec.ts
// chartsDrawnBeforehand) instead of drawing the same charts again.
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function run(args, logger) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    const stop = () => child.kill();
    process.once('exit', stop);
    let stderr = '';
    child.stdout.on('data', (chunk) => logger.info(String(chunk).trim()));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => {
      process.off('exit', stop);
      if (status === 0) resolve();
      else reject(new Error(`drawing the charts failed (exit ${status}):\n${stderr}`));
    });
  });
}

export default function chartFiles() {
  let work;
  let drawn;
  return {
    name: 'chiso-chart-files',
    hooks: {
      'astro:build:start': ({ logger }) => {
        const cache = join(ROOT, 'node_modules', '.cache');
        mkdirSync(cache, { recursive: true });
        work = mkdtempSync(join(cache, 'chiso-charts-'));
        const drawings = join(work, 'drawings.json');
        const script = [join(ROOT, 'scripts', 'run.mjs'), join(ROOT, 'site', 'scripts', 'chart-files.ts')];
        drawn = run(['--max-semi-space-size=64', ...script, '--out', work, '--drawings', drawings], logger);
        globalThis.chisoChartDrawings = drawn.then(() => JSON.parse(readFileSync(drawings, 'utf8')));
        // Nothing waits for it when the build stops first; its error is then the build's own.
        drawn.catch(() => {});
      },
      'astro:build:done': async ({ dir }) => {
        try {
          await drawn;
          const from = join(work, 'files', 'charts');
          const to = join(fileURLToPath(dir), 'files', 'charts');
          mkdirSync(join(to, '..'), { recursive: true });
          try {
            renameSync(from, to);
          } catch (error) {
            if (error.code !== 'EXDEV') throw error;
            cpSync(from, to, { recursive: true });
          }
        } finally {
          rmSync(work, { recursive: true, force: true });
        }
      },
    },
  };
}
