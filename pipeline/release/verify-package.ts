/**
 * Checks a downloaded copy of the data package: datapackage.json against the Frictionless Data Package profiles
 * (vendored in schemas/frictionless/), every file's size and sha256 against the descriptor and SHA256SUMS, and
 * every CSV resource against its Table Schema: header, field types, constraints, primary key and foreign keys.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ajvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { openDatabase, queryRows } from '../load/duckdb.js';
import { FRICTIONLESS_PROFILES } from '../paths.js';

const Ajv04 = ajvDraft04.default; // a CommonJS module: its class is on .default

interface Field {
  name: string;
  type: string;
  constraints?: { required?: boolean; enum?: string[]; minimum?: number; maximum?: number; pattern?: string };
}
interface ForeignKey {
  fields: string | string[];
  reference: { resource: string; fields: string | string[] };
}
interface Resource {
  name: string;
  path: string;
  profile?: string;
  bytes?: number;
  hash?: string;
  schema?: { fields: Field[]; primaryKey?: string | string[]; foreignKeys?: ForeignKey[] };
}

const list = (x: string | string[]) => (Array.isArray(x) ? x : [x]);
const quoted = (names: string[]) => names.map((n) => `"${n}"`).join(', ');
const CASTS: Record<string, string> = { integer: 'BIGINT', number: 'DOUBLE', boolean: 'BOOLEAN' };
const literal = (v: string | number) => (typeof v === 'number' ? String(v) : `'${v.replaceAll("'", "''")}'`);

/** The SQL condition of the values that break each constraint of a field, with the constraint in words. */
function constraintBreaches(field: Field): [condition: string, constraint: string][] {
  const c = field.constraints ?? {};
  const f = `"${field.name}"`;
  return [
    ...(c.required ? [[`${f} IS NULL`, 'required'] as [string, string]] : []),
    ...(c.enum
      ? [[`${f} NOT IN (${c.enum.map(literal).join(', ')})`, `one of ${c.enum.join(', ')}`] as [string, string]]
      : []),
    ...(c.minimum !== undefined
      ? [[`TRY_CAST(${f} AS DOUBLE) < ${c.minimum}`, `at least ${c.minimum}`] as [string, string]]
      : []),
    ...(c.maximum !== undefined
      ? [[`TRY_CAST(${f} AS DOUBLE) > ${c.maximum}`, `at most ${c.maximum}`] as [string, string]]
      : []),
    ...(c.pattern !== undefined
      ? [[`NOT regexp_full_match(${f}, ${literal(c.pattern)})`, `matching ${c.pattern}`] as [string, string]]
      : []),
  ];
}

function profileValidator(name: string) {
  const ajv = new Ajv04({ allErrors: true, strict: false });
  (addFormats as unknown as (a: InstanceType<typeof Ajv04>) => void)(ajv);
  ajv.addFormat('textarea', true); // a UI hint in the profiles, not a constraint
  return ajv.compile(JSON.parse(readFileSync(join(FRICTIONLESS_PROFILES, `${name}.json`), 'utf8')));
}

export async function verifyDataPackage(dir: string): Promise<string[]> {
  const problems: string[] = [];
  const descriptorPath = join(dir, 'datapackage.json');
  if (!existsSync(descriptorPath)) return [`${descriptorPath}: not found`];
  const descriptor = JSON.parse(readFileSync(descriptorPath, 'utf8')) as { resources: Resource[] };

  const validatePackage = profileValidator('data-package');
  if (!validatePackage(descriptor)) {
    for (const e of validatePackage.errors ?? [])
      problems.push(`datapackage.json${e.instancePath}: ${e.message} (Data Package profile)`);
  }
  const validateTabular = profileValidator('tabular-data-resource');
  const sums = new Map(
    readFileSync(join(dir, 'SHA256SUMS'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => {
        const [hash, path] = line.split(/\s+/, 2);
        return [path, hash];
      }),
  );

  const db = await openDatabase();
  for (const r of descriptor.resources) {
    const path = join(dir, r.path);
    if (!existsSync(path)) {
      problems.push(`${r.path}: listed in datapackage.json but missing`);
      continue;
    }
    const bytes = readFileSync(path);
    const sha = createHash('sha256').update(bytes).digest('hex');
    if (r.bytes !== bytes.length) problems.push(`${r.path}: ${bytes.length} bytes, datapackage.json says ${r.bytes}`);
    if (r.hash !== `sha256:${sha}`) problems.push(`${r.path}: sha256 ${sha} differs from datapackage.json (${r.hash})`);
    if (sums.get(r.path) !== sha) problems.push(`${r.path}: sha256 differs from SHA256SUMS`);
    if (r.profile !== 'tabular-data-resource') continue;
    const meetsProfile: boolean = validateTabular(r as unknown);
    if (!meetsProfile) {
      for (const e of validateTabular.errors ?? [])
        problems.push(
          `datapackage.json resource ${r.name}${e.instancePath}: ${e.message} (Tabular Data Resource profile)`,
        );
      continue;
    }
    const fields = r.schema!.fields;
    const header = bytes.toString('utf8').split('\n', 1)[0].split(',');
    if (header.join(',') !== fields.map((f) => f.name).join(','))
      problems.push(`${r.path}: header does not match the Table Schema fields`);
    await db.run(
      `CREATE OR REPLACE TABLE "${r.name}" AS SELECT * FROM read_csv('${path.replaceAll("'", "''")}', header = true, all_varchar = true)`,
    );
    for (const f of fields.filter((x) => CASTS[x.type])) {
      const [{ bad }] = await queryRows<{ bad: number }>(
        db,
        `SELECT count(*)::INTEGER AS bad FROM "${r.name}" WHERE "${f.name}" IS NOT NULL AND TRY_CAST("${f.name}" AS ${CASTS[f.type]}) IS NULL`,
      );
      if (bad) problems.push(`${r.path}: ${bad} value(s) of "${f.name}" are not of type ${f.type}`);
    }
    for (const f of fields) {
      for (const [condition, constraint] of constraintBreaches(f)) {
        const [{ bad }] = await queryRows<{ bad: number }>(
          db,
          `SELECT count(*)::INTEGER AS bad FROM "${r.name}" WHERE ${condition}`,
        );
        if (bad) problems.push(`${r.path}: ${bad} value(s) of "${f.name}" break the constraint ${constraint}`);
      }
    }
    if (r.schema!.primaryKey) {
      const key = list(r.schema!.primaryKey);
      const [{ dup }] = await queryRows<{ dup: number }>(
        db,
        `SELECT count(*)::INTEGER AS dup FROM (SELECT ${quoted(key)} FROM "${r.name}" GROUP BY ALL HAVING count(*) > 1)`,
      );
      if (dup) problems.push(`${r.path}: ${dup} duplicated primary key(s) (${key.join(', ')})`);
    }
  }
  for (const r of descriptor.resources.filter((x) => x.schema?.foreignKeys)) {
    for (const fk of r.schema!.foreignKeys!) {
      const [from, to] = [list(fk.fields), list(fk.reference.fields)];
      const [{ orphans }] = await queryRows<{ orphans: number }>(
        db,
        `SELECT count(*)::INTEGER AS orphans FROM "${r.name}" a ANTI JOIN "${fk.reference.resource}" b ON ${from.map((f, i) => `a."${f}" = b."${to[i]}"`).join(' AND ')}`,
      );
      if (orphans)
        problems.push(`${r.path}: ${orphans} row(s) whose ${from.join(', ')} are not in ${fk.reference.resource}`);
    }
  }
  return problems;
}
