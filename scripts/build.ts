#!/usr/bin/env tsx
// npm run build: the pipeline and the Astro site, started side by side (Astro waits for the datasets before it
// reads them), into a fresh folder that replaces dist/ only when both succeed
// (see pipeline/write/publish.ts: one build at a time, dist/ is never missing or mixed, a killed build is recovered).
//   --out DIR publishes elsewhere (used by `npm run reproducible`); --raw DIR builds from other publications than
//   raw/. CHISO_DATA_DIR tells the site where the pipeline's datasets are; CHISO_SITE_OUT where Astro writes the
//   pages (see scripts/build-site.ts).
//   A build of dist/ records the digest of its inputs (scripts/build-inputs.ts), so the site tests know whether
//   dist/ is current.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { publish } from '../pipeline/write/publish.js';
import { DIST, RAW } from '../pipeline/paths.js';
import { describeFailure, describeSuccess } from '../pipeline/validate/report.js';
import { runPipeline } from '../pipeline/run-pipeline.js';
import { buildSite } from './build-site.js';
import { buildInputsDigest, forgetBuildInputs, recordBuildInputs } from './build-inputs.js';

const { values: args } = parseArgs({ options: { out: { type: 'string' }, raw: { type: 'string' } } });
const target = resolve(args.out ?? DIST);
const raw = resolve(args.raw ?? RAW);
const isDist = target === DIST;
const inputs = buildInputsDigest();
try {
  if (isDist) forgetBuildInputs();
  await publish(
    target,
    async (work) => {
      const data = join(work, 'data');
      const site = join(work, 'site');
      const dataReady = join(work, 'data-ready');
      mkdirSync(data);
      // The site build starts at once: Astro bundles the pages' code while the pipeline runs, and reads the
      // datasets when `dataReady` says they are complete.
      const siteBuild = buildSite({ data, out: site, verbose: true, dataReady });
      let result;
      try {
        result = await runPipeline(raw, data);
      } catch (error) {
        await siteBuild.kill();
        await siteBuild.catch(() => undefined);
        throw error;
      }
      writeFileSync(dataReady, '');
      console.log(describeSuccess(result, 'dist/data/'));
      await siteBuild;
      renameSync(data, join(site, 'data'));
      return site;
    },
    (note) => console.log(`• ${note}`),
  );
  // Only a build of dist/ from raw/ is the one the site tests look for.
  if (isDist && raw === RAW) recordBuildInputs(inputs);
  console.log(`✓ site → ${isDist ? 'dist/' : target}`);
} catch (error) {
  console.error(describeFailure(error));
  process.exitCode = 1;
}
