/**
 * The site from the pipeline's datasets: the Astro build (pages, downloads, chart files, search index; see
 * site/astro.config.mjs), the same wherever it runs (npm run build, the tests' second builds).
 */
import { join } from 'node:path';
import { $, type ProcessPromise } from 'zx';
import { ROOT } from '../pipeline/paths.js';

// Rendering the pages makes many short-lived objects (every chart is drawn in a DOM): a larger young generation
// spends less time collecting them.
const NODE_FLAGS = '--max-semi-space-size=64';

export interface SiteBuild {
  /** The pipeline's datasets (CHISO_DATA_DIR). */
  data: string;
  /** Where the site goes (CHISO_SITE_OUT). */
  out: string;
  /** More environment (time zone, locale, CHISO_REPO_ROOT). */
  env?: Record<string, string>;
  /** Show the build's output as it comes (otherwise it is kept, and part of the error if the build fails). */
  verbose?: boolean;
  /** A file written when the datasets in `data` are complete: the site build can then start while they are still
   * being written, and reads them once this file is there (site/integrations/pipeline-data.mjs). */
  dataReady?: string;
}

/** Starts the site build: await it, or kill() it (with what it started). */
export function buildSite({ data, out, env = {}, verbose = false, dataReady }: SiteBuild): ProcessPromise {
  const site = { CHISO_DATA_DIR: data, CHISO_SITE_OUT: out, ...(dataReady ? { CHISO_DATA_READY: dataReady } : {}) };
  return $({
    cwd: ROOT,
    env: { ...process.env, ...env, ...site, ASTRO_TELEMETRY_DISABLED: '1' },
    stdio: verbose ? 'inherit' : 'pipe',
    quiet: !verbose,
  })`${process.execPath} ${NODE_FLAGS} ${join(ROOT, 'node_modules', 'astro', 'astro.js')} build --root site`;
}
