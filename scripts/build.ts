#!/usr/bin/env tsx
// npm run build: the pipeline, then the Astro site, into a fresh folder that replaces dist/ only when both succeed
// (see pipeline/publish.ts: one build at a time, dist/ is never missing or mixed, a killed build is recovered).
//   CHISO_DATA_DIR tells the site where the pipeline's datasets are; CHISO_SITE_OUT where Astro writes the pages.
//   It records the digest of its inputs (scripts/build-inputs.ts), so the site tests know whether dist/ is current.
import { mkdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { $ } from 'zx';
import { publish, ROOT } from '../pipeline/publish.js';
import { describeFailure, describeSuccess } from '../pipeline/report.js';
import { runPipeline } from '../pipeline/run-pipeline.js';
import { buildInputsDigest, forgetBuildInputs, recordBuildInputs } from './build-inputs.js';

const inputs = buildInputsDigest();
try {
  forgetBuildInputs();
  await publish(join(ROOT, 'dist'), async (work) => {
    const data = join(work, 'data');
    const site = join(work, 'site');
    mkdirSync(data);
    const result = await runPipeline(join(ROOT, 'raw'), data);
    console.log(describeSuccess(result, 'dist/data/'));
    await $({ cwd: ROOT, env: { ...process.env, CHISO_DATA_DIR: data, CHISO_SITE_OUT: site, ASTRO_TELEMETRY_DISABLED: '1' }, stdio: 'inherit' })`${process.execPath} ${join(ROOT, 'node_modules', 'astro', 'astro.js')} build --root site`;
    renameSync(data, join(site, 'data'));
    return site;
  }, (note) => console.log(`• ${note}`));
  recordBuildInputs(inputs);
  console.log('✓ site → dist/');
} catch (error) {
  console.error(describeFailure(error));
  process.exitCode = 1;
}
