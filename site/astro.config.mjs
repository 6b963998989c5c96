// The chiso site. `npm run build` (scripts/build.ts) sets CHISO_DATA_DIR (the pipeline's datasets) and
// CHISO_SITE_OUT (where the pages go); without them the site reads ../dist/data and writes ../dist.
import { defineConfig } from 'astro/config';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import browserScripts from './integrations/browser-scripts.mjs';
import downloadFiles from './integrations/download-files.mjs';
import pagefindIndex from './integrations/pagefind-index.mjs';
import pipelineData from './integrations/pipeline-data.mjs';

// No telemetry: the site and its build talk to no third party.
process.env.ASTRO_TELEMETRY_DISABLED ??= '1';

const siteDir = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = resolve(siteDir, '..');
process.env.CHISO_REPO_ROOT ??= repoRoot;
process.env.CHISO_DATA_DIR ??= resolve(repoRoot, 'dist/data');
const outDir = process.env.CHISO_SITE_OUT ?? resolve(repoRoot, 'dist');

export default defineConfig({
  site: process.env.CHISO_SITE_URL ?? 'https://chiso.vn',
  outDir,
  trailingSlash: 'always',
  // Four pages at a time: one is drawn while the others' files are written.
  build: { format: 'directory', inlineStylesheets: 'never', assets: 'assets', concurrency: 4 },
  // The site ships no client framework; its scripts are plain files in public/js or bundled by browserScripts().
  devToolbar: { enabled: false },
  // In this order: when the pages are written, the search index is made while the download files are still being
  // written beside Astro (it reads only the pages).
  integrations: [pipelineData(), pagefindIndex(), downloadFiles(), browserScripts()],
  // Vite bundles only the pages' code, run once to write the pages and then deleted (the browser's code is bundled by
  // browserScripts()): shaking it out of unused code would cost more than running it.
  vite: { build: { reportCompressedSize: false, rollupOptions: { treeshake: false } } },
});
