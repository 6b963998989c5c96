/**
 * The site tests test a build of the working tree as it is: this runs `npm run build` once per test run unless
 * dist/ was built from exactly these inputs (the digest `npm run build` records; see scripts/build-inputs.ts).
 * CHISO_SITE_DIST tests a site built elsewhere instead, as it is.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { buildInputsDigest, recordedBuildInputs } from '../../scripts/build-inputs.js';
import { ROOT, siteBuilt } from './site-paths.js';

export default function setup(): void {
  if (process.env.CHISO_SITE_DIST) {
    if (!siteBuilt())
      throw new Error(`CHISO_SITE_DIST=${process.env.CHISO_SITE_DIST} has no built site (index.html and data/)`);
    return;
  }
  const current = buildInputsDigest();
  if (siteBuilt() && recordedBuildInputs() === current) return;
  console.log(
    `tests/site: ${siteBuilt() ? 'dist/ was built from other inputs' : 'dist/ has no site'}; running npm run build once…`,
  );
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'run.mjs'), join(ROOT, 'scripts', 'build.ts')], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (!siteBuilt() || recordedBuildInputs() !== current)
    throw new Error('npm run build did not produce a site of the current inputs in dist/');
}
