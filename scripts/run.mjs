#!/usr/bin/env node
// Runs a TypeScript entry point with plain Node: `node scripts/run.mjs scripts/pipeline.ts [args…]`.
// The project's modules and the packages they use are bundled with esbuild into node_modules/.cache/chiso/, and the
// bundle is reused until one of its sources changes. This saves a TypeScript loader's start-up (about half a second)
// and Node's resolving and parsing of each package's files (about 0.15 s) on every run; packages with native code,
// WebAssembly files or their own child processes stay in node_modules. import.meta.dirname keeps meaning the
// folder of the source file, so paths such as pipeline/sql/ resolve as they do under tsx.
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = resolve(import.meta.dirname, '..');
const CACHE = join(ROOT, 'node_modules', '.cache', 'chiso');

const [entry, ...args] = process.argv.slice(2);
if (!entry) throw new Error('usage: node scripts/run.mjs <file.ts> [arguments…]');
const source = resolve(entry);
const name = relative(ROOT, source).replace(/[\\/]/g, '_').replace(/\.ts$/, '');
const bundle = join(CACHE, `${name}.mjs`);
const manifest = join(CACHE, `${name}.json`);

const stamp = (file) => {
  const s = statSync(file, { throwIfNoEntry: false });
  return s ? `${s.size}:${s.mtimeMs}` : 'missing';
};

function isCurrent() {
  if (![bundle, `${bundle}.map`, manifest].every((file) => existsSync(file))) return false;
  const inputs = JSON.parse(readFileSync(manifest, 'utf8'));
  return Object.entries(inputs).every(([file, was]) => stamp(join(ROOT, file)) === was);
}

async function rebuild() {
  const esbuild = await import('esbuild');
  mkdirSync(CACHE, { recursive: true });
  const temporary = `${bundle}.${process.pid}.tmp`;
  const result = await esbuild.build({
    entryPoints: [source],
    outfile: temporary,
    bundle: true,
    external: ['@duckdb/node-bindings', '@duckdb/duckdb-wasm', 'esbuild', 'subset-font', 'sharp', 'astro', 'vite'],
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: 'external',
    metafile: true,
    logLevel: 'error',
    // Bundled CommonJS packages require Node's built-in modules.
    banner: {
      js: "import { createRequire as __chisoRequire } from 'node:module'; const require = __chisoRequire(import.meta.url);",
    },
    plugins: [
      {
        name: 'source-dirname',
        setup(build) {
          build.onLoad({ filter: /\.ts$/ }, ({ path }) => ({
            loader: 'ts',
            contents: readFileSync(path, 'utf8').replaceAll('import.meta.dirname', JSON.stringify(dirname(path))),
          }));
        },
      },
    ],
  });
  const inputs = Object.fromEntries(
    Object.keys(result.metafile.inputs).map((file) => [relative(ROOT, resolve(file)), stamp(resolve(file))]),
  );
  inputs['scripts/run.mjs'] = stamp(join(ROOT, 'scripts', 'run.mjs'));
  writeFileSync(`${manifest}.${process.pid}.tmp`, JSON.stringify(inputs));
  renameSync(`${temporary}.map`, `${bundle}.map`);
  renameSync(temporary, bundle);
  renameSync(`${manifest}.${process.pid}.tmp`, manifest);
}

/**
 * Stack traces name the TypeScript files and lines. The bundle's source map is read only when a stack is shown:
 * Node's own source map support (process.setSourceMapsEnabled) parses it as the bundle loads, some 40 ms of every run.
 */
function mapStackTraces() {
  const url = pathToFileURL(bundle).href;
  let sourceMap;
  Error.prepareStackTrace = (error, sites) => {
    const frames = sites.map((site) => {
      const text = site.toString();
      const location = `${url}:${site.getLineNumber()}:${site.getColumnNumber()}`;
      if (!text.includes(location)) return text;
      sourceMap ??= new SourceMap(JSON.parse(readFileSync(`${bundle}.map`, 'utf8')));
      const entry = sourceMap.findEntry(site.getLineNumber() - 1, site.getColumnNumber() - 1);
      if (!entry.originalSource) return text;
      const original = `${resolve(CACHE, entry.originalSource)}:${entry.originalLine + 1}:${entry.originalColumn + 1}`;
      return text.replace(location, original);
    });
    return [String(error), ...frames.map((frame) => `    at ${frame}`)].join('\n');
  };
}

if (!isCurrent()) await rebuild();
mapStackTraces();
process.argv = [process.argv[0], source, ...args];
await import(pathToFileURL(bundle).href);
