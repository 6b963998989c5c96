import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runPipeline } from '../pipeline/run-pipeline.js';
import { verifyDataPackage } from '../pipeline/release/verify-package.js';
import { REAL_RAW } from './helpers/raw-fixture.js';

let built: string;
const copy = () => {
  const dir = mkdtempSync(join(tmpdir(), 'chiso-download-'));
  cpSync(built, dir, { recursive: true });
  return dir;
};

beforeAll(async () => {
  built = mkdtempSync(join(tmpdir(), 'chiso-verify-'));
  await runPipeline(REAL_RAW, built);
});

describe('npm run verify', () => {
  it('accepts the package the pipeline writes', async () => {
    expect(await verifyDataPackage(built)).toEqual([]);
  });

  it('catches a file changed after publication', async () => {
    const dir = copy();
    const path = join(dir, 'observations.csv');
    writeFileSync(path, readFileSync(path, 'utf8').replace('Phú Thọ', 'Phu Tho'));
    const problems = await verifyDataPackage(dir);
    expect(problems).toContainEqual(
      expect.stringMatching(/^observations\.csv: sha256 \w+ differs from datapackage\.json/),
    );
    expect(problems).toContainEqual('observations.csv: sha256 differs from SHA256SUMS');
  });

  it('catches a value that breaks its Table Schema and a missing file', async () => {
    const dir = copy();
    const units = join(dir, 'units.csv');
    const csv = readFileSync(units, 'utf8').split('\n');
    writeFileSync(units, [...csv.slice(0, 2), csv[1], ...csv.slice(2)].join('\n'));
    const descriptor = JSON.parse(readFileSync(join(dir, 'datapackage.json'), 'utf8'));
    descriptor.resources.push({ name: 'ghost', path: 'ghost.csv', profile: 'data-resource' });
    writeFileSync(join(dir, 'datapackage.json'), JSON.stringify(descriptor));
    const problems = await verifyDataPackage(dir);
    expect(problems).toContainEqual('units.csv: 1 duplicated primary key(s) (unit_id)');
    expect(problems).toContainEqual('ghost.csv: listed in datapackage.json but missing');
  });

  it('catches a value outside its enum and an empty required value (the constraints of the table definitions)', async () => {
    const dir = copy();
    const path = join(dir, 'editions.csv');
    const [header, first, ...rest] = readFileSync(path, 'utf8').split('\n');
    const [, , ...cells] = first.split(',');
    writeFileSync(path, [header, ['papi-2', '', ...cells].join(','), ...rest].join('\n'));
    const problems = await verifyDataPackage(dir);
    expect(problems).toContainEqual(
      'editions.csv: 1 value(s) of "index" break the constraint one of par-index, sipas, papi, pci',
    );
    expect(problems).toContainEqual('editions.csv: 1 value(s) of "year" break the constraint required');
  });

  it('checks the descriptor against the Frictionless profile', async () => {
    const dir = copy();
    const descriptor = JSON.parse(readFileSync(join(dir, 'datapackage.json'), 'utf8'));
    descriptor.name = 'Not A Valid Name';
    writeFileSync(join(dir, 'datapackage.json'), JSON.stringify(descriptor));
    expect(await verifyDataPackage(dir)).toContainEqual(
      expect.stringMatching(/^datapackage\.json\/name: must match pattern .*\(Data Package profile\)/),
    );
  });
});
