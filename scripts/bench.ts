#!/usr/bin/env tsx
// npm run bench: the speed targets, measured in one run on this machine and printed as one table.
//   1. the pipeline on the real raw/: whole process (median of 5 runs) and its own phases, and its first run as
//      after a fresh clone (the caches a build fills removed);
//   2. synthetic data 1×, 10× and 100× as many units (same indices, years from 2009, random values within each scale that
//      pass the checks): time, peak memory, MB per 1,000 observations;
//   3. npm run build as after a fresh clone (the caches a build fills removed), then again with them filled, against
//      an empty Astro build of the same Astro version (measured before and after them; the faster counts), the site's
//      phases from Astro's log, and the heaviest page of each kind (gzip, with its CSS and JS);
//   4. CI: .ci/run on a clean clone of the current commit (what is not committed is not measured), as CI runs it.
// `npm run bench -- --parts pipeline,scale` runs only some parts. The build part replaces dist/, as npm run build does.
// Timings on a shared machine are noisy: ratios are measured in the same run, and CPU seconds are shown beside wall time.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { spawn } from 'node:child_process';
import { cpus, homedir, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { $ } from 'zx';
import { INDEX_IDS, scaleFor, type IndexDefinition } from '../pipeline/read/index-definitions.js';
import { DIST, RAW, ROOT } from '../pipeline/paths.js';

const { values: args } = parseArgs({ options: { parts: { type: 'string', default: 'pipeline,scale,build,ci' } } });
const parts = new Set(args.parts!.split(','));
const packageScripts = (
  JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
).scripts;

function syntheticRaw(factor: number): string {
  const dir = mkdtempSync(join(tmpdir(), `chiso-bench-${factor}x-`));
  cpSync(join(RAW, 'units'), join(dir, 'units'), { recursive: true });
  cpSync(join(RAW, 'release.json'), join(dir, 'release.json'));
  cpSync(join(RAW, 'corrections.json'), join(dir, 'corrections.json'));
  const names = Array.from({ length: 63 * factor }, (_, i) => `Tỉnh Thử Nghiệm ${String(i + 1).padStart(5, '0')}`);
  const codes = names.map((_, i) => `T${i + 1}`);
  const provinces = readFileSync(join(dir, 'units', 'provinces-63.csv'), 'utf8')
    .replaceAll('\r\n', '\n')
    .trimEnd();
  const synthetic = names.map((n, i) => `${codes[i]},${n},Synthetic ${i + 1},tỉnh,Tây Nguyên,Central Highlands,${n}`);
  writeFileSync(join(dir, 'units', 'provinces-63.csv'), [provinces, ...synthetic].join('\n') + '\n');
  const merger = readFileSync(join(dir, 'units', 'merger-2025.csv'), 'utf8')
    .replaceAll('\r\n', '\n')
    .replace(/^(Thành phố Hà Nội,Ha Noi,01,)01,/m, `$101|${codes.join('|')},`);
  writeFileSync(join(dir, 'units', 'merger-2025.csv'), merger);
  const syntheticText = { vi: 'dữ liệu tổng hợp', en: 'synthetic' };
  let seed = 1;
  const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
  for (const index of INDEX_IDS) {
    const definition = JSON.parse(readFileSync(join(RAW, index, 'index.json'), 'utf8')) as IndexDefinition;
    cpSync(join(RAW, index, 'index.json'), join(dir, index, 'index.json'));
    // Years from 2009 only: the synthetic provinces are on the 63-province unit set, which begins in August 2008.
    for (const year of readdirSync(join(RAW, index))
      .filter((y) => /^\d{4}$/.test(y))
      .map(Number)
      .filter((y) => y >= 2009)) {
      const measures = definition.measures.filter((m) => scaleFor(m, year));
      const weights = definition.checks?.weighted?.find((w) => year >= w.from && year <= w.to);
      const sums = [
        ...(definition.checks?.sum ? [definition.checks.sum] : []),
        ...(definition.checks?.sums ?? []).filter((c) => year >= c.from && year <= c.to),
      ];
      const totalMax = (id: string) =>
        scaleFor(
          measures.find((m) => m.id === id)!,
          year,
        )!.max;
      const rows = names.map((name) => {
        const values: Record<string, number> = {};
        for (const m of measures) {
          const s = scaleFor(m, year)!;
          values[m.id] = Math.round((s.min + random() * (s.max - s.min) * 0.9) * 1e4) / 1e4;
        }
        for (const sum of sums) {
          // Parts scaled down where needed so that their total stays within the total's scale.
          const parts = sum.parts.filter((p) => p in values);
          const shrink = Math.min(1, (0.9 * totalMax(sum.total)) / parts.reduce((t, p) => t + values[p], 0));
          for (const p of parts) values[p] = Math.round(values[p] * shrink * 1e4) / 1e4;
          values[sum.total] = Math.round(parts.reduce((t, p) => t + values[p], 0) * 1e4) / 1e4;
        }
        if (weights)
          values[weights.total] =
            Math.round(Object.entries(weights.weights).reduce((t, [p, w]) => t + (w * values[p]) / 10, 0) * 1e4) / 1e4;
        return [name, ...measures.map((m) => values[m.id])].join(',');
      });
      const table = ['province,' + measures.map((m) => m.id).join(','), ...rows].join('\n') + '\n';
      mkdirSync(join(dir, index, String(year)), { recursive: true });
      writeFileSync(join(dir, index, String(year), 'table.csv'), table);
      const publication = {
        index,
        year,
        title: { vi: 'Dữ liệu tổng hợp để đo hiệu năng', en: 'Synthetic benchmark data' },
        published: String(year + 1),
        publisher: 'chiso benchmark',
        unit_set: 'legacy-63',
        universe: 'listed',
        complete_measures: measures.map((m) => m.id),
        methodology: syntheticText,
        scale: syntheticText,
        sources: [
          {
            id: 'B',
            url: 'https://example.org/benchmark',
            title: 'Synthetic',
            title_lang: 'en',
            publisher: 'chiso benchmark',
          },
        ],
        license: syntheticText,
        files: [{ path: 'table.csv', sha256: createHash('sha256').update(table).digest('hex') }],
        tables: [
          {
            file: 'table.csv',
            unit_header: 'province',
            values: Object.fromEntries(measures.map((m) => [m.id, m.id])),
            source: 'B',
          },
        ],
      };
      writeFileSync(join(dir, index, String(year), 'publication.json'), JSON.stringify(publication));
    }
  }
  return dir;
}

interface Run {
  wall: number;
  cpu: number;
  /** Core-seconds the whole machine was busy during the run: counts the processes the command does not wait for
   * (Pagefind's indexer is one: its CPU is missing from `cpu`), and anything else running then. */
  machineCpu: number;
  peakMiB: number;
  stdout: string;
  failure?: string;
}

/** The machine's CPU time so far from /proc/stat, in clock ticks: busy (user, nice, system, irq, softirq) and in all. */
function machineTicks(): { busy: number; all: number } {
  const [user, nice, system, idle, iowait, irq, softirq, steal] = readFileSync('/proc/stat', 'utf8')
    .split('\n')[0]
    .split(/\s+/)
    .slice(1)
    .map(Number);
  const busy = user + nice + system + irq + softirq;
  return { busy, all: busy + idle + iowait + steal };
}

/** Runs a shell command (with node_modules/.bin on the PATH, as npm does) under /usr/bin/time: wall seconds, CPU seconds (user + system) and peak resident memory. */
async function timed(command: string, env: Record<string, string> = {}): Promise<Run> {
  const before = machineTicks();
  const run = await $({
    quiet: true,
    nothrow: true,
    cwd: ROOT,
    env: { ...process.env, PATH: `${join(ROOT, 'node_modules', '.bin')}:${process.env.PATH}`, ...env },
  })`/usr/bin/time -f ${'@@ %e %U %S %M'} sh -c ${command}`;
  const after = machineTicks();
  const [wall, user, system, kib] = (/@@ (\S+) (\S+) (\S+) (\S+)\s*$/.exec(run.stderr) ?? []).slice(1).map(Number);
  return {
    wall,
    cpu: user + system,
    machineCpu: ((after.busy - before.busy) / (after.all - before.all)) * cpus().length * wall,
    peakMiB: kib / 1024,
    stdout: run.stdout,
    failure: run.exitCode ? run.stderr.slice(0, 600) : undefined,
  };
}

interface PipelineRun extends Run {
  phases: { read: number; duckdb: number; write: number; observations: number; models: Record<string, number> };
}

/** The five SQL models that took longest, each the median over the runs (their statements only, not the waits). */
function slowestModels(runs: PipelineRun[]): string {
  const models = Object.keys(runs[0].phases.models);
  return models
    .map((model) => ({ model, seconds: median(runs.map((r) => r.phases.models[model])) }))
    .sort((a, b) => b.seconds - a.seconds)
    .slice(0, 5)
    .map(({ model, seconds }) => `${model.replace(/^\d_\w+\//, '').replace(/\.sql$/, '')} ${seconds.toFixed(2)}`)
    .join(', ');
}

/** One whole pipeline process, started the way `npm run pipeline` starts it (without npm itself). */
async function pipelineRun(rawDir: string): Promise<PipelineRun> {
  const out = mkdtempSync(join(tmpdir(), 'chiso-bench-out-'));
  const timings = join(out, 'timings.json');
  const run = await timed(
    `${packageScripts.pipeline} --raw '${rawDir}' --out '${join(out, 'data')}' --timings '${timings}'`,
  );
  if (run.failure) throw new Error(`the pipeline failed on ${rawDir}:\n${run.failure}`);
  const phases = JSON.parse(readFileSync(timings, 'utf8'));
  rmSync(out, { recursive: true, force: true });
  return { ...run, phases };
}

// Terminal colour codes start with ESC.
// eslint-disable-next-line no-control-regex
const withoutColours = (log: string) => log.replace(/\x1b\[[0-9;]*m/g, '');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const s = (x: number) => `${x.toFixed(2)} s`;
const mark = (ok: boolean) => (ok ? '✓' : '✗');
const row = (cells: (string | number)[], widths: number[]) =>
  cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');

console.log(
  `chiso bench: Node ${process.version}, ${cpus().length} cores, load average ${loadavg()[0].toFixed(1)} at the start\n`,
);

/** What a fresh clone lacks after `npm install`: the caches a build fills (the script bundles of scripts/run.mjs and
 * the pipeline's parsed workbooks, definitions and validators beside them, the preview images and their fonts, Astro's
 * and Vite's). */
const BUILD_CACHES = [
  join(ROOT, 'node_modules', '.cache', 'chiso'),
  join(ROOT, 'node_modules', '.cache', 'chiso-images'),
  join(ROOT, 'node_modules', '.astro'),
  join(ROOT, 'node_modules', '.vite'),
  join(ROOT, 'site', '.astro'),
];

/** Empties them, but for this script's own bundle (its source map names the lines of an error). */
function clearBuildCaches() {
  for (const dir of BUILD_CACHES)
    for (const name of existsSync(dir) ? readdirSync(dir) : [])
      if (!name.startsWith('scripts_bench.')) rmSync(join(dir, name), { recursive: true, force: true });
}

if (parts.has('pipeline')) {
  clearBuildCaches();
  const first = await pipelineRun(RAW);
  const runs: PipelineRun[] = [];
  for (let i = 0; i < 5; i++) runs.push(await pipelineRun(RAW));
  const phase = (k: 'read' | 'duckdb' | 'write') => median(runs.map((r) => r.phases[k]));
  const own = median(runs.map((r) => r.phases.read + r.phases.duckdb + r.phases.write));
  const wall = median(runs.map((r) => r.wall));
  const w = [44, 10, 10, 22];
  console.log(`1. npm run pipeline on raw/ (${runs[0].phases.observations} observations): 5 whole-process runs`);
  console.log(row(['', 'median', 'min–max', 'target'], w));
  console.log(
    row(
      [
        'whole process (wall)',
        s(wall),
        `${runs
          .map((r) => r.wall)
          .sort((a, b) => a - b)[0]
          .toFixed(2)}–${Math.max(...runs.map((r) => r.wall)).toFixed(2)}`,
        `${mark(wall < 1.5)} < 1.5 s (goal 1 s)`,
      ],
      w,
    ),
  );
  console.log(row(['whole process (CPU, user + system)', s(median(runs.map((r) => r.cpu))), '', ''], w));
  console.log(row(['own work (reading + DuckDB + writing)', s(own), '', `${mark(own < 0.7)} < 0.7 s`], w));
  console.log(row(['  reading and validating raw/', s(phase('read')), '', ''], w));
  console.log(row(['  DuckDB: staging and SQL steps', s(phase('duckdb')), '', ''], w));
  console.log(`    slowest SQL models (seconds of each statement): ${slowestModels(runs)}`);
  console.log(row(['  writing the datasets', s(phase('write')), '', ''], w));
  console.log(row(['start-up and exit (whole − own)', s(wall - own), '', ''], w));
  console.log(row(['peak memory', `${median(runs.map((r) => r.peakMiB)).toFixed(0)} MiB`, '', ''], w));
  const firstOwn = first.phases.read + first.phases.duckdb + first.phases.write;
  console.log(row(['first run after a fresh clone (caches empty)', s(first.wall), '', ''], w));
  console.log(row(['  own work (reading + DuckDB + writing)', s(firstOwn), '', ''], w));
  console.log();
}

if (parts.has('scale')) {
  console.log('2. the pipeline on synthetic data (one whole-process run each)');
  const w = [10, 12, 9, 9, 12, 14, 16];
  console.log(row(['data', 'observations', 'wall', 'CPU', 'peak', 'MiB / 1,000', 'extra MiB / 1,000'], w));
  let first: PipelineRun | undefined;
  for (const factor of [1, 10, 100]) {
    const dir = syntheticRaw(factor);
    const run = await pipelineRun(dir);
    rmSync(dir, { recursive: true, force: true });
    first ??= run;
    const n = run.phases.observations;
    const extra =
      factor === 1 ? '' : (((run.peakMiB - first.peakMiB) / (n - first.phases.observations)) * 1000).toFixed(2);
    console.log(
      row(
        [
          `${factor}×`,
          n,
          s(run.wall),
          s(run.cpu),
          `${run.peakMiB.toFixed(0)} MiB`,
          ((run.peakMiB / n) * 1000).toFixed(2),
          extra,
        ],
        w,
      ),
    );
    if (factor > 1)
      console.log(
        `   at ${factor}×: reading ${s(run.phases.read)}, DuckDB ${s(run.phases.duckdb)} (slowest SQL models, seconds of each statement: ${slowestModels([run])}), writing ${s(run.phases.write)}`,
      );
    if (factor === 100)
      console.log(
        `   target at 100×: ${mark(run.wall < 30)} < 30 s, ${mark(run.peakMiB < 2048)} < 2 GB; memory at most linear in the data (the extra MiB per 1,000 observations should not grow)`,
      );
  }
  console.log();
}

/** An Astro project with one empty page, built with the same Astro as the site (in node_modules/.cache, so it resolves it). */
async function emptyAstroBuild(): Promise<Run> {
  const dir = join(ROOT, 'node_modules', '.cache', 'chiso-bench', 'empty-astro');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'src', 'pages'), { recursive: true });
  writeFileSync(
    join(dir, 'astro.config.mjs'),
    "import { defineConfig } from 'astro/config';\nexport default defineConfig({});\n",
  );
  writeFileSync(
    join(dir, 'src', 'pages', 'index.astro'),
    '<html><head><title>empty</title></head><body><p>empty</p></body></html>\n',
  );
  const run = await timed(`node node_modules/astro/astro.js build --root '${dir}'`, { ASTRO_TELEMETRY_DISABLED: '1' });
  if (run.failure) throw new Error(`the empty Astro build failed:\n${run.failure}`);
  rmSync(dir, { recursive: true, force: true });
  return run;
}

/** Seconds of each kind of route in Astro's log ("▶ src/pages/…" pages, "λ src/pages/…" files, then "├─ /path (+12ms)"),
 * and of the chart files written beside it. */
function sitePhases(log: string) {
  const clean = withoutColours(log);
  const phases = new Map<string, { seconds: number; count: number }>();
  let phase = '';
  for (const line of clean.split('\n')) {
    const route = /[▶λ] src\/pages\/(\S+)/.exec(line);
    if (route) phase = line.includes('λ') ? 'other files (downloads, sitemap…)' : 'pages';
    const file = /[├└]─ \S+ \(\+(\d+)ms\)/.exec(line);
    if (file && phase) {
      const p = phases.get(phase) ?? { seconds: 0, count: 0 };
      p.seconds += Number(file[1]) / 1000;
      p.count += 1;
      phases.set(phase, p);
    }
  }
  const number = (re: RegExp) => Number(re.exec(clean)?.[1] ?? NaN);
  // One Vite build, the pages' code for the server (prerendering); the browser's code is bundled by esbuild.
  const server = number(/\[vite\] ✓ built in ([\d.]+)s/);
  const browser = number(/browser scripts: \d+ files in ([\d.]+) s/);
  // The download files that need no page are written beside the Astro build, by a process of their own
  // (site/integrations/download-files.mjs), step by step.
  const beside = [
    ['drawings of the charts (both layouts)', /drawings: (\d+) charts in ([\d.]+) s/],
    ["editions' files (CSV, XLSX)", /edition files: (\d+) in ([\d.]+) s/],
    ['fonts of exported charts (WOFF2)', /fonts: (\d+) in ([\d.]+) s/],
    ['preview images (PNG)', /preview images: (\d+) in ([\d.]+) s/],
    ["charts' files (SVG, 16:9 SVG, CSV)", /chart files: (\d+) in ([\d.]+) s/],
  ].map(([name, re]) => {
    const m = (re as RegExp).exec(clean);
    return { name: name as string, count: Number(m?.[1]), seconds: Number(m?.[2]) };
  });
  return {
    beside,
    vite: server,
    browser,
    routes: phases,
    search: number(/search index: \d+ pages, written in ([\d.]+) s/),
    astro: number(/page\(s\) built in ([\d.]+)s/),
  };
}

/** The local stylesheets and scripts a page loads. */
function assetsOf(html: string): string[] {
  return [...html.matchAll(/<(?:link[^>]*rel="stylesheet"[^>]*href|script[^>]*src)="(\/[^"]+)"/g)].map((m) =>
    m[1].slice(1),
  );
}

function pageWeights(dist: string) {
  const kinds: [string, RegExp][] = [
    ['province', /^(en\/provinces|tinh)\/[^/]+\/index\.html$/],
    ['edition', /^(en\/indices|chi-so)\/[^/]+\/\d{4}\/index\.html$/],
    ['index', /^(en\/indices|chi-so)\/[^/]+\/index\.html$/],
    ['home', /^(en\/)?index\.html$/],
    ['other', /\.html$/],
  ];
  const pages = (readdirSync(dist, { recursive: true, encoding: 'utf8' }) as string[]).filter(
    (f) => f.endsWith('.html') && !f.startsWith('pagefind/'),
  );
  const gz = (f: string) => (existsSync(join(dist, f)) ? gzipSync(readFileSync(join(dist, f))).length / 1024 : 0);
  return kinds.map(([kind, re]) => {
    const mine = pages.filter((p) => re.test(p) && kinds.find(([, r]) => r.test(p))![0] === kind);
    const weighed = mine.map((p) => {
      const assets = assetsOf(readFileSync(join(dist, p), 'utf8'));
      const page = gz(p);
      const css = assets.filter((a) => a.endsWith('.css')).reduce((t, a) => t + gz(a), 0);
      const js = assets.filter((a) => a.endsWith('.js')).reduce((t, a) => t + gz(a), 0);
      return { p, page, css, js, total: page + css + js };
    });
    return { kind, count: mine.length, heaviest: weighed.sort((a, b) => b.total - a.total)[0] };
  });
}

if (parts.has('build')) {
  const emptyBefore = await emptyAstroBuild();
  clearBuildCaches();
  const build = await timed(packageScripts.build);
  if (build.failure) throw new Error(`npm run build failed:\n${build.failure}`);
  // As a rebuild some time later finds it: the first build's files written to the disk (deleting them is then slow
  // on some disks; the build does it while it works, see pipeline/write/publish.ts).
  await $`sync`;
  const again = await timed(packageScripts.build);
  if (again.failure) throw new Error(`npm run build failed:\n${again.failure}`);
  await $`sync`;
  const emptyAfter = await emptyAstroBuild();
  // The same three measures in every row, each against the faster of the two empty builds: a disk still busy with
  // the builds' files can stall one (seen: 7.00 s of wall time for 3.63 s of CPU), and a slow empty build would
  // flatter the ratio.
  const MEASURES = ['wall', 'cpu', 'machineCpu'] as const;
  type Measured = Pick<Run, (typeof MEASURES)[number]>;
  const empty = Object.fromEntries(MEASURES.map((m) => [m, Math.min(emptyBefore[m], emptyAfter[m])])) as Measured;
  const measures = (run: Measured) => MEASURES.map((m) => s(run[m]));
  const ratios = (run: Run) => MEASURES.map((m) => `${(run[m] / empty[m]).toFixed(1)}×`);
  const astroVersion = (
    JSON.parse(readFileSync(join(ROOT, 'node_modules', 'astro', 'package.json'), 'utf8')) as { version: string }
  ).version;
  const w = [48, 10, 10, 12, 22];
  console.log('3. npm run build against an empty Astro build (same run)');
  console.log(row(['', 'wall', 'CPU', 'machine CPU', 'target'], w));
  console.log(row([`empty Astro ${astroVersion} build, one page (faster of 2)`, ...measures(empty), ''], w));
  console.log(row(['npm run build, as after a fresh clone', ...measures(build), ''], w));
  console.log(row(['  ratio', ...ratios(build), `${mark(build.wall / empty.wall <= 5)} ≤ 5× (goal 3×)`], w));
  console.log(row(['npm run build again (caches filled, on disk)', ...measures(again), ''], w));
  console.log(row(['  ratio', ...ratios(again), ''], w));
  console.log(
    "   CPU: user + system of the processes the build waits for; machine CPU: the machine's busy core-seconds meanwhile (with Pagefind's indexer, and anything else running)",
  );
  const site = sitePhases(build.stdout);
  console.log(
    "\n   site phases of the first build (from Astro's log; a route's seconds are the sum of its files' times, four rendered at a time, so more than the wall time)",
  );
  console.log(row(["   Vite: the pages' code (server)", s(site.vite), '', ''], w));
  console.log(row(["   esbuild: the browser's code", s(site.browser), '', ''], w));
  for (const step of site.beside)
    console.log(row([`   beside Astro, ${step.name}: ${step.count}`, s(step.seconds), '', ''], w));
  for (const [name, p] of site.routes) console.log(row([`   ${name}: ${p.count}`, s(p.seconds), '', ''], w));
  console.log(row(['   search index (Pagefind), after the last page', s(site.search), '', ''], w));
  console.log(row(['   Astro build in all', s(site.astro), '', ''], w));
  console.log('\n   heaviest page of each kind (KB gzip: page + its CSS + its JS)');
  for (const { kind, count, heaviest: h } of pageWeights(DIST)) {
    if (!h) continue;
    console.log(
      `   ${kind.padEnd(9)} ${String(count).padStart(4)} pages  ${h.total.toFixed(1).padStart(6)} KB = ${h.page.toFixed(1)} + ${h.css.toFixed(1)} CSS + ${h.js.toFixed(1)} JS  ${h.p}`,
    );
  }
}

if (parts.has('ci')) {
  const clone = mkdtempSync(join(tmpdir(), 'chiso-bench-ci-'));
  await $({ quiet: true })`git clone -q ${ROOT} ${clone}`;
  const commit = (await $({ quiet: true, cwd: clone })`git rev-parse --short HEAD`).stdout.trim();
  // In a clean environment, as on CI: npm run would hand it its own settings (npm run -s silences npm install) and its
  // PATH, with this checkout's node_modules/.bin. The npm install's output and the tests' in one text, as CI shows them.
  const path = process.env.PATH!.split(':').filter((dir) => !dir.includes('node_modules/.bin'));
  const env = `HOME='${homedir()}' PATH='${path.join(':')}' CI=true`;
  const run = await timed(`cd '${clone}' && env -i ${env} bash .ci/run 2>&1`);
  // Removed in the background: deleting its node_modules takes seconds on some file systems.
  spawn('rm', ['-rf', clone], { detached: true, stdio: 'ignore' }).unref();
  // Its output is on stdout (2>&1 above): the end of it says what failed.
  if (run.failure) throw new Error(`.ci/run failed on a clean clone of ${commit}:\n${run.stdout.slice(-3000)}`);
  const log = withoutColours(run.stdout);
  const install = /added \d+ packages in (\S+)/.exec(log)?.[1] ?? '?';
  const tests = /Tests\s+(.+)/.exec(log)?.[1].trim() ?? '?';
  const vitest = /Duration\s+(\S+)/.exec(log)?.[1] ?? '?';
  const w = [48, 10, 10, 22];
  console.log(`\n4. CI: .ci/run on a clean clone of ${commit}`);
  console.log(row(['', 'wall', 'CPU', 'target'], w));
  console.log(row(['.ci/run', s(run.wall), s(run.cpu), `${mark(run.wall < 180)} < 3 min`], w));
  console.log(`   npm install ${install}, Vitest ${vitest}; tests: ${tests}`);
}
