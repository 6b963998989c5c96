// Bundles the pages' browser scripts (src/browser/*.ts) with esbuild as the build starts, instead of letting Astro
// run a second Vite build for them (about 2 s of every build). They go to <out>/assets/, named by a hash of their
// content, with the WebAssembly and worker files they import with `?url` (copied as they are); the pages link them
// with browserScript(name) (src/lib/browser-scripts.ts), which reads their addresses from
// globalThis.chisoBrowserScripts. Under `astro dev` they are bundled again when a source changes, and served from memory.
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { fileSha256Async } from '../../pipeline/sha256.ts';

const SITE = fileURLToPath(new URL('..', import.meta.url));
const ENTRIES = join(SITE, 'src', 'browser');
const ASSETS = '/assets/';
// Where esbuild would write: the bundles are kept in memory, and this path only names them (a fixed path keeps their
// hashes the same from build to build).
const OUTDIR = join(SITE, 'browser-scripts');

/** `import address from 'file?url'` gives the file's address, as under Vite; `copies` collects address → file. */
function urlImports(copies) {
  return {
    name: 'url-imports',
    setup(build) {
      build.onResolve({ filter: /\?url$/ }, async ({ path, resolveDir, kind }) => {
        const found = await build.resolve(path.slice(0, -'?url'.length), { resolveDir, kind });
        if (found.errors.length) return { errors: found.errors };
        // Relative to the site: esbuild's hashes include the paths of modules outside the file system, so an absolute
        // path would name the bundle differently in every checkout's folder.
        return { path: relative(SITE, found.path), namespace: 'url-file' };
      });
      build.onLoad({ filter: /.*/, namespace: 'url-file' }, async ({ path: fromSite }) => {
        const path = join(SITE, fromSite);
        const hash = (await fileSha256Async(path)).slice(0, 10);
        const address = ASSETS + basename(path).replace(/(\.[^.]+)$/, `.${hash}$1`);
        copies.set(address, path);
        return { contents: `export default ${JSON.stringify(address)};`, loader: 'js' };
      });
    },
  };
}

function options(copies) {
  return {
    entryPoints: readdirSync(ENTRIES)
      .filter((f) => f.endsWith('.ts'))
      .map((f) => join(ENTRIES, f)),
    absWorkingDir: SITE,
    outdir: OUTDIR,
    write: false,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2020',
    minify: true,
    entryNames: '[name].[hash]',
    chunkNames: '[name].[hash]',
    metafile: true,
    logLevel: 'silent',
    plugins: [urlImports(copies)],
  };
}

/**
 * Bundles the scripts: address → the bundle's bytes or the copied file's path; each entry's address; and the modules
 * they were made of, as esbuild names them (the names its hashes are computed from).
 */
export async function bundleBrowserScripts() {
  const copies = new Map();
  const result = await esbuild.build(options(copies));
  const files = new Map(copies);
  for (const file of result.outputFiles) files.set(ASSETS + relative(OUTDIR, file.path), file.contents);
  const addresses = {};
  for (const [file, output] of Object.entries(result.metafile.outputs))
    if (output.entryPoint) addresses[basename(output.entryPoint, '.ts')] = ASSETS + relative(OUTDIR, join(SITE, file));
  return { files, addresses, modules: Object.keys(result.metafile.inputs) };
}

export default function browserScripts() {
  let command;
  let outDir;
  let files;
  const bundle = async () => {
    const bundled = await bundleBrowserScripts();
    files = bundled.files;
    globalThis.chisoBrowserScripts = bundled.addresses;
  };
  return {
    name: 'chiso-browser-scripts',
    hooks: {
      'astro:config:setup': (setup) => {
        command = setup.command;
      },
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
      },
      'astro:build:start': async ({ logger }) => {
        const started = performance.now();
        await bundle();
        logger.info(`browser scripts: ${files.size} files in ${((performance.now() - started) / 1000).toFixed(2)} s`);
      },
      'astro:build:done': () => {
        for (const [address, file] of files) {
          const to = join(outDir, address);
          mkdirSync(dirname(to), { recursive: true });
          if (typeof file === 'string') copyFileSync(file, to);
          else writeFileSync(to, file);
        }
      },
      // Only under `astro dev`: astro build and astro check start a server of their own too.
      'astro:server:setup': async ({ server }) => {
        if (command !== 'dev') return;
        await bundle();
        // Not esbuild's watch mode: its service outlives the process that started it, holding that process's output.
        server.watcher.on('change', (file) => {
          if (file.startsWith(join(SITE, 'src')) || file.includes(`${sep}pipeline${sep}`))
            bundle().catch(console.error);
        });
        server.middlewares.use((request, response, next) => {
          const file = files.get(request.url?.split('?')[0]);
          if (!file) return next();
          response.setHeader('Content-Type', request.url.includes('.wasm') ? 'application/wasm' : 'text/javascript');
          response.end(typeof file === 'string' ? readFileSync(file) : file);
        });
      },
    },
  };
}
