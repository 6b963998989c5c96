/**
 * The site from the pipeline's datasets: the Astro build (pages, downloads, search index) and, in a process of its
 * own beside it, the chart files (site/scripts/chart-files.ts), so that the two use both cores. The chart files are
 * moved into the site folder when both have finished.
 */
import { renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { $ } from 'zx';
import { ROOT } from '../pipeline/paths.js';

// Rendering the pages makes many short-lived objects (every chart is drawn in a DOM): a larger young generation
// spends less time collecting them.
const NODE_FLAGS = '--max-semi-space-size=64';

export interface SiteBuild {
  /** The pipeline's datasets (CHISO_DATA_DIR). */
  data: string;
  /** Where the site goes (CHISO_SITE_OUT). */
  out: string;
  /** More environment for both processes (time zone, locale, CHISO_REPO_ROOT). */
  env?: Record<string, string>;
  /** Show the builds' output as it comes (otherwise it is kept, and part of the error if a build fails). */
  verbose?: boolean;
}

export async function buildSite({ data, out, env = {}, verbose = false }: SiteBuild): Promise<void> {
  const charts = `${out}.charts`;
  const run = $({
    cwd: ROOT,
    env: { ...process.env, ...env, CHISO_DATA_DIR: data, CHISO_SITE_OUT: out, ASTRO_TELEMETRY_DISABLED: '1' },
    stdio: verbose ? 'inherit' : 'pipe',
    quiet: !verbose,
  });
  const node = process.execPath;
  try {
    const results = await Promise.allSettled([
      run`${node} ${NODE_FLAGS} ${join(ROOT, 'node_modules', 'astro', 'astro.js')} build --root site`,
      run`${node} ${NODE_FLAGS} ${join(ROOT, 'scripts', 'run.mjs')} ${join(ROOT, 'site', 'scripts', 'chart-files.ts')} --out ${charts}`,
    ]);
    const failed = results.find((r) => r.status === 'rejected');
    if (failed) throw failed.reason;
    renameSync(join(charts, 'files', 'charts'), join(out, 'files', 'charts'));
  } finally {
    rmSync(charts, { recursive: true, force: true });
  }
}
