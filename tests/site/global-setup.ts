/** Builds the site once (npm run build) when dist/ has no site yet, so the site tests have something to test. */
import { execSync } from 'node:child_process';
import { ROOT, siteBuilt } from './site-paths.js';

export default function setup(): void {
  if (siteBuilt()) return;
  if (process.env.CHISO_SITE_DIST) throw new Error(`CHISO_SITE_DIST=${process.env.CHISO_SITE_DIST} has no built site (index.html and data/)`);
  console.log('tests/site: dist/index.html is missing; running npm run build once (a few minutes)…');
  execSync('npm run build', { cwd: ROOT, stdio: 'inherit' });
  if (!siteBuilt()) throw new Error('npm run build did not produce dist/index.html');
}
