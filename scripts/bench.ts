#!/usr/bin/env tsx
// npm run bench: wall time and peak memory of the whole pipeline on the real raw/, and on synthetic data with
// 10× and 100× as many units (same indices and years, random values within each scale that pass the checks).
// The synthetic data is generated into a temporary folder here and never published.
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { $ } from 'zx';
import { INDEX_IDS, scaleFor, type IndexDefinition } from '../pipeline/index-definitions.js';
import { openDatabase, queryRows } from '../pipeline/duckdb.js';
import { ROOT } from '../pipeline/publish.js';

const RAW = join(ROOT, 'raw');

function syntheticRaw(factor: number): string {
  const dir = mkdtempSync(join(tmpdir(), `chiso-bench-${factor}x-`));
  cpSync(join(RAW, 'units'), join(dir, 'units'), { recursive: true });
  cpSync(join(RAW, 'release.json'), join(dir, 'release.json'));
  cpSync(join(RAW, 'corrections.json'), join(dir, 'corrections.json'));
  const names = Array.from({ length: 63 * factor }, (_, i) => `Tỉnh Thử Nghiệm ${String(i + 1).padStart(5, '0')}`);
  const codes = names.map((_, i) => `T${i + 1}`);
  const provinces = readFileSync(join(dir, 'units', 'provinces-63.csv'), 'utf8').replaceAll('\r\n', '\n').trimEnd();
  const synthetic = names.map((n, i) => `${codes[i]},${n},Synthetic ${i + 1},tỉnh,Tây Nguyên,Central Highlands,${n}`);
  writeFileSync(join(dir, 'units', 'provinces-63.csv'), [provinces, ...synthetic].join('\n') + '\n');
  const merger = readFileSync(join(dir, 'units', 'merger-2025.csv'), 'utf8').replaceAll('\r\n', '\n').replace(/^(Thành phố Hà Nội,Ha Noi,01,)01,/m, `$101|${codes.join('|')},`);
  writeFileSync(join(dir, 'units', 'merger-2025.csv'), merger);
  let seed = 1;
  const random = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
  for (const index of INDEX_IDS) {
    const definition = JSON.parse(readFileSync(join(RAW, index, 'index.json'), 'utf8')) as IndexDefinition;
    cpSync(join(RAW, index, 'index.json'), join(dir, index, 'index.json'));
    for (const year of readdirSync(join(RAW, index)).filter((y) => /^\d{4}$/.test(y)).map(Number)) {
      const measures = definition.measures.filter((m) => scaleFor(m, year));
      const weights = definition.checks?.weighted?.find((w) => year >= w.from && year <= w.to);
      const sum = definition.checks?.sum;
      const rows = names.map((name) => {
        const values: Record<string, number> = {};
        for (const m of measures) {
          const s = scaleFor(m, year)!;
          values[m.id] = Math.round((s.min + random() * (s.max - s.min) * 0.9) * 1e4) / 1e4;
        }
        if (sum) values[sum.total] = Math.round(sum.parts.filter((p) => p in values).reduce((t, p) => t + values[p], 0) * 1e4) / 1e4;
        if (weights) values[weights.total] = Math.round(Object.entries(weights.weights).reduce((t, [p, w]) => t + (w * values[p]) / 10, 0) * 1e4) / 1e4;
        return [name, ...measures.map((m) => values[m.id])].join(',');
      });
      const table = ['province,' + measures.map((m) => m.id).join(','), ...rows].join('\n') + '\n';
      mkdirSync(join(dir, index, String(year)), { recursive: true });
      writeFileSync(join(dir, index, String(year), 'table.csv'), table);
      const publication = {
        index, year, title: { vi: 'Dữ liệu tổng hợp để đo hiệu năng', en: 'Synthetic benchmark data' }, published: String(year + 1),
        publisher: 'chiso benchmark', unit_set: 'legacy-63', universe: 'listed', complete_measures: measures.map((m) => m.id), methodology: 'synthetic',
        scale: 'synthetic', sources: [{ id: 'B', url: 'https://example.org/benchmark', title: 'Synthetic', publisher: 'chiso benchmark' }],
        license: 'synthetic', files: [{ path: 'table.csv', sha256: createHash('sha256').update(table).digest('hex') }],
        tables: [{ file: 'table.csv', unit_header: 'province', values: Object.fromEntries(measures.map((m) => [m.id, m.id])), source: 'B' }],
      };
      writeFileSync(join(dir, index, String(year), 'publication.json'), JSON.stringify(publication));
    }
  }
  return dir;
}

async function countRows(parquet: string): Promise<number> {
  const db = await openDatabase();
  const [{ n }] = await queryRows<{ n: number }>(db, `SELECT count(*)::INTEGER AS n FROM '${parquet}'`);
  return n;
}

async function measure(label: string, rawDir: string) {
  const out = mkdtempSync(join(tmpdir(), 'chiso-bench-out-'));
  const started = performance.now();
  const run = await $({ quiet: true, nothrow: true })`/usr/bin/time -f %M ${process.execPath} --import tsx ${join(ROOT, 'scripts', 'pipeline.ts')} --raw ${rawDir} --out ${out}`;
  const seconds = (performance.now() - started) / 1000;
  const peakMiB = Number(run.stderr.trim().split('\n').at(-1)) / 1024;
  const observations = run.exitCode === 0 ? await countRows(join(out, 'observations.parquet')) : 0;
  const failure = run.exitCode ? `  FAILED: ${run.stderr.slice(0, 400)}` : '';
  console.log(`${label.padEnd(14)} ${seconds.toFixed(2).padStart(7)} s ${peakMiB.toFixed(0).padStart(6)} MiB peak ${String(observations).padStart(9)} observations${failure}`);
  rmSync(out, { recursive: true, force: true });
}

console.log('whole pipeline process (Node start-up, reading every table, DuckDB steps, writing every file)');
await measure('real raw/', RAW);
for (const factor of [10, 100]) {
  const dir = syntheticRaw(factor);
  await measure(`synthetic ${factor}×`, dir);
  rmSync(dir, { recursive: true, force: true });
}
