/** JSON Schema validation (ajv) of the project's JSON files, with errors phrased for a person. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { Problem } from './problems.js';

const SCHEMA_DIR = join(import.meta.dirname, '..', 'schemas');
const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
(addFormats as unknown as (a: Ajv2020) => void)(ajv);
const compiled = new Map<string, ValidateFunction>();

export function schemaValidator(name: string): ValidateFunction {
  let validate = compiled.get(name);
  if (!validate) {
    validate = ajv.compile(JSON.parse(readFileSync(join(SCHEMA_DIR, name), 'utf8')));
    compiled.set(name, validate);
  }
  return validate;
}

function describe(e: ErrorObject): string {
  const at = e.instancePath ? `"${e.instancePath.slice(1).replaceAll('/', '.')}"` : 'the document';
  if (e.keyword === 'required') return `${at} is missing the required field "${e.params.missingProperty}"`;
  if (e.keyword === 'additionalProperties') return `${at} has an unknown field "${e.params.additionalProperty}"`;
  if (e.keyword === 'enum') return `${at} must be one of ${(e.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
  return `${at} ${e.message}`;
}

/** Validates data against a schema in schemas/; returns one problem per violation (none when valid). */
export function validateAgainst(schema: string, data: unknown, file: string): Problem[] {
  const validate = schemaValidator(schema);
  if (validate(data)) return [];
  return (validate.errors ?? []).filter((e) => e.keyword !== 'if').map((e) => ({ file, message: `${describe(e)} (${schema})` }));
}

/** Reads and parses a JSON file; a syntax error becomes a problem naming the line. */
export function readJson(path: string, shownAs: string): { data?: unknown; problems: Problem[] } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return { problems: [{ file: shownAs, message: 'file not found' }] };
  }
  try {
    return { data: JSON.parse(text.replace(/^\ufeff/, '')), problems: [] };
  } catch (error) {
    const message = (error as Error).message;
    const position = Number(/position (\d+)/.exec(message)?.[1]);
    const row = Number.isFinite(position) ? text.slice(0, position).split('\n').length : undefined;
    return { problems: [{ file: shownAs, row, message: `is not valid JSON: ${message}` }] };
  }
}
