/** JSON Schema validation (ajv) of the project's JSON files, with errors phrased for a person. */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import standalone from 'ajv/dist/standalone/index.js';
import addFormats from 'ajv-formats';
import type { Problem } from './problems.js';
import { CACHE, SCHEMAS } from '../paths.js';

const SCHEMA_DIR = SCHEMAS;
const OPTIONS = { allErrors: true, strict: true, allowUnionTypes: true } as const;
const ajv = new Ajv2020({ ...OPTIONS, code: { source: true } });
(addFormats as unknown as (a: Ajv2020) => void)(ajv);
const compiled = new Map<string, ValidateFunction>();

/**
 * Compiling a schema takes a few hundred milliseconds, on every run. So each compiled validator is also kept as
 * code in node_modules/.cache/chiso/validators/, under the digest of the schema, Ajv's version and options, and
 * loaded from there while those are unchanged.
 */
const VALIDATOR_CACHE = join(CACHE, 'validators');
const requireCached = createRequire(join(VALIDATOR_CACHE, 'index.cjs'));
const AJV_VERSION = (requireCached('ajv/package.json') as { version: string }).version;

export function schemaValidator(name: string): ValidateFunction {
  let validate = compiled.get(name);
  if (!validate) {
    const text = readFileSync(join(SCHEMA_DIR, name), 'utf8');
    const digest = createHash('sha256')
      .update(`${AJV_VERSION}\0${JSON.stringify(OPTIONS)}\0${text}`)
      .digest('hex')
      .slice(0, 16);
    const file = join(VALIDATOR_CACHE, `${name.replaceAll('/', '_')}.${digest}.cjs`);
    if (existsSync(file)) validate = requireCached(file) as ValidateFunction;
    else {
      validate = ajv.compile(JSON.parse(text));
      mkdirSync(VALIDATOR_CACHE, { recursive: true });
      writeFileSync(`${file}.${process.pid}.tmp`, standalone.default(ajv, validate));
      renameSync(`${file}.${process.pid}.tmp`, file);
    }
    compiled.set(name, validate);
  }
  return validate;
}

function describe(e: ErrorObject): string {
  const at = e.instancePath ? `"${e.instancePath.slice(1).replaceAll('/', '.')}"` : 'the document';
  if (e.keyword === 'required') return `${at} is missing the required field "${e.params.missingProperty}"`;
  if (e.keyword === 'additionalProperties') return `${at} has an unknown field "${e.params.additionalProperty}"`;
  if (e.keyword === 'type' && e.schemaPath === '#/$defs/text/type')
    return `${at} must be written in Vietnamese and English: {"vi": "…", "en": "…"}`;
  if (e.keyword === 'pattern' && e.schemaPath === '#/properties/sources/items/properties/date/pattern')
    return `${at} is not a date (YYYY, YYYY-MM or YYYY-MM-DD; a date chiso estimated is written the same way, with "date_approximate": true)`;
  if (e.keyword === 'dependentRequired')
    return `${at} gives "${e.params.property}" without "${e.params.missingProperty}"`;
  if (e.keyword === 'enum')
    return `${at} must be one of ${(e.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
  return `${at} ${e.message}`;
}

/** Validates data against a schema in schemas/; returns one problem per violation (none when valid). */
export function validateAgainst(schema: string, data: unknown, file: string): Problem[] {
  const validate = schemaValidator(schema);
  if (validate(data)) return [];
  return (validate.errors ?? [])
    .filter((e) => e.keyword !== 'if')
    .map((e) => ({ file, message: `${describe(e)} (${schema})` }));
}

/** Reads and parses a JSON file; a syntax error becomes a problem naming the line. */
export function readJson(path: string, shownAs: string): { data?: unknown; problems: Problem[] } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return { problems: [{ file: shownAs, message: 'file not found' }] };
  }
  text = text.replace(/^\ufeff/, '');
  try {
    const data = JSON.parse(text);
    const duplicate = firstDuplicateKey(text);
    if (duplicate) {
      return {
        problems: [
          {
            file: shownAs,
            row: duplicate.line,
            message: `the key "${duplicate.key}" appears twice in ${duplicate.path || 'the top-level object'} (first on line ${duplicate.firstLine}); JSON readers would silently keep the last one: keep one`,
          },
        ],
      };
    }
    return { data, problems: [] };
  } catch (error) {
    const position = syntaxErrorPosition(text);
    const row = text.slice(0, position).split('\n').length;
    const near = text
      .slice(Math.max(0, position - 20), position + 1)
      .replace(/\s+/g, ' ')
      .trim();
    return {
      problems: [
        {
          file: shownAs,
          row,
          message: `is not valid JSON: unexpected "${text[position - 1] ?? ''}" near "${near}" (${(error as Error).message.split('\n')[0].slice(0, 80)})`,
        },
      ],
    };
  }
}

/**
 * Where a JSON text stops being valid. Node's messages do not always give a position, so this finds the shortest
 * prefix that fails for another reason than ending early (once a prefix has such an error, every longer one has).
 */
function syntaxErrorPosition(text: string): number {
  const failsInside = (n: number) => {
    try {
      JSON.parse(text.slice(0, n));
      return false;
    } catch (error) {
      const message = (error as Error).message;
      const at = /at position (\d+)/.exec(message);
      return at ? Number(at[1]) < n : !/Unexpected end of JSON input/.test(message);
    }
  };
  let [low, high] = [0, text.length];
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    if (failsInside(middle)) high = middle;
    else low = middle + 1;
  }
  return low;
}

/** Whether the character at `at` is escaped: after an odd run of backslashes. */
function isEscaped(text: string, at: number): boolean {
  let start = at;
  while (text[start - 1] === '\\') start--;
  return (at - start) % 2 === 1;
}

/**
 * The first key that appears twice in one object of a valid JSON text, with its line and the path of the object.
 * JSON.parse keeps the last of two equal keys without a word, so two "unit_set" fields would decide silently.
 */
export function firstDuplicateKey(
  text: string,
): { key: string; path: string; line: number; firstLine: number } | undefined {
  type Frame = { kind: 'object'; keys: Map<string, number>; key?: string } | { kind: 'array'; index: number };
  const stack: Frame[] = [];
  let line = 1;
  let expectKey = false;
  const path = () =>
    stack
      .slice(0, -1)
      .map((f) => (f.kind === 'object' ? `.${f.key}` : `[${f.index}]`))
      .join('')
      .replace(/^\./, '');
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') line++;
    else if (c === '{') {
      stack.push({ kind: 'object', keys: new Map() });
      expectKey = true;
    } else if (c === '[') stack.push({ kind: 'array', index: 0 });
    else if (c === '}' || c === ']') {
      stack.pop();
      expectKey = false;
    } else if (c === ',') {
      const top = stack.at(-1);
      if (top?.kind === 'array') top.index++;
      expectKey = top?.kind === 'object';
    } else if (c === '"') {
      let j = text.indexOf('"', i + 1);
      while (isEscaped(text, j)) j = text.indexOf('"', j + 1);
      const top = stack.at(-1);
      if (expectKey && top?.kind === 'object') {
        const key = JSON.parse(text.slice(i, j + 1)) as string;
        const firstLine = top.keys.get(key);
        if (firstLine !== undefined) return { key, path: path() ? `"${path()}"` : '', line, firstLine };
        top.keys.set(key, line);
        top.key = key;
        expectKey = false;
      }
      i = j;
    }
  }
  return undefined;
}
