#!/usr/bin/env tsx
// npm run build: the pipeline, then the Astro site, into a fresh folder that replaces dist/ only when both succeed
// (see pipeline/write/publish.ts: one build at a time, dist/ is never missing or mixed, a killed build is recovered).
//   --out DIR publishes elsewhere (used by `npm run reproducible`). CHISO_DATA_DIR tells the site where the
//   pipeline's datasets are; CHISO_SITE_OUT where Astro writes the pages.
//   A build of dist/ records the digest of its inputs (scripts/build-inputs.ts), so the site tests know whether
//   dist/ is current.
import { mkdirSync, renameSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { $ } from 'zx';
import { publish } from '../pipeline/write/publish.js';
import { DIST, RAW, ROOT } from '../pipeline/paths.js';
import { describeFailure, describeSuccess } from '../pipeline/validate/report.js';
import { runPipeline } from '../pipeline/run-pipeline.js';
import { buildInputsDigest, forgetBuildInputs, recordBuildInputs } from './build-inputs.js';

// Rendering the pages makes many short-lived objects (every chart is drawn in a DOM): a larger young generation
// spends less time collecting them.
const ASTRO_NODE_FLAGS = '--max-semi-space-size=64';

const { values: args } = parseArgs({ options: { out: { type: 'string' } } });
const target = resolve(args.out ?? DIST);
const isDist = target === DIST;
const inputs = buildInputsDigest();
try {
  if (isDist) forgetBuildInputs();
  await publish(
    target,
    async (work) => {
      const data = join(work, 'data');
      const site = join(work, 'site');
      mkdirSync(data);
      const result = await runPipeline(RAW, data);
      console.log(describeSuccess(result, 'dist/data/'));
      await $({
        cwd: ROOT,
        env: { ...process.env, CHISO_DATA_DIR: data, CHISO_SITE_OUT: site, ASTRO_TELEMETRY_DISABLED: '1' },
        stdio: 'inherit',
      })`${process.execPath} ${ASTRO_NODE_FLAGS} ${join(ROOT, 'node_modules', 'astro', 'astro.js')} build --root site`;
      renameSync(data, join(site, 'data'));
      return site;
    },
    (note) => console.log(`• ${note}`),
  );
  if (isDist) recordBuildInputs(inputs);
  console.log(`✓ site → ${isDist ? 'dist/' : target}`);
} catch (error) {
  console.error(describeFailure(error));
  process.exitCode = 1;
}
