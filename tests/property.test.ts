/**
 * Property-based tests (fast-check, fixed seed): the strict number reader, the province-name matcher with the real
 * registry, and the table reader, on random valid tables (which must round-trip exactly) and on random noise
 * (which must become a list of problems, never an exception).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { strToU8, zipSync } from 'fflate';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import { loadIndexDefinitions, type IndexDefinition } from '../pipeline/read/index-definitions.js';
import { foldName, matchersFor } from '../pipeline/read/name-matcher.js';
import { readNumber, type Cell } from '../pipeline/read/cells.js';
import type { Problem } from '../pipeline/validate/problems.js';
import { readEdition } from '../pipeline/read/edition.js';
import { aliasesOf, loadRegistry, type Unit, type UnitSet } from '../pipeline/read/registry.js';
import { runPipeline } from '../pipeline/run-pipeline.js';
import { addEdition, makeRawFixture, publicationFor } from './helpers/raw-fixture.js';
import { answerVitest } from './helpers/answer-vitest.js';

/** Every property runs with the same seed, so a run is reproducible; a failure prints its counterexample and seed.
 * PROPERTY_SEED and PROPERTY_RUNS_FACTOR (environment) explore further without changing the file. Each run first lets
 * Vitest's messages through (thousands of runs that wait for nothing keep a busy worker from answering it). */
const SEED = Number(process.env.PROPERTY_SEED ?? 20_251_123);
const FACTOR = Number(process.env.PROPERTY_RUNS_FACTOR ?? 1);
const runs = (numRuns: number) => ({ seed: SEED, numRuns: Math.max(1, Math.round(numRuns * FACTOR)) });

// ------------------------------------------------------------------------------------------------------------
// Shared: a raw/ fixture with the real registry and index definitions
// ------------------------------------------------------------------------------------------------------------
const RAW = makeRawFixture([]);
const registry = loadRegistry(join(RAW, 'units'));
const definitions = loadIndexDefinitions(RAW);
const matcherFor = matchersFor(registry);
const UNIT_SETS: UnitSet[] = ['legacy-64', 'legacy-63', 'merged-34'];
afterAll(() => rmSync(RAW, { recursive: true, force: true }));
const spellingsOf = (u: Unit) => [...new Set(aliasesOf(registry, u))];

/** Writes a finite number in plain positional notation (no exponent) with the shortest digits that round-trip. */
function plain(x: number): string {
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(x));
  if (!m) throw new Error(`cannot write ${x}`);
  const [, sign, int, frac = '', exp = '0'] = m;
  const digits = int + frac;
  const point = int.length + Number(exp);
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return sign + digits + '0'.repeat(point - digits.length);
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

// ------------------------------------------------------------------------------------------------------------
// (a) the number reader
// ------------------------------------------------------------------------------------------------------------
describe('readNumber (property)', () => {
  const mark = fc.constantFrom<'.' | ','>('.', ',');
  const padding = fc.constantFrom('', ' ', '  ', '\t', '\u00a0', ' \n');

  it('reads back exactly any finite number written with the declared decimal mark', async () => {
    const finite = fc.oneof(
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.integer({ min: -1_000_000, max: 1_000_000 }).map((n) => n / 100),
      fc.double({ min: 0, max: 100, noNaN: true }),
    );
    await fc.assert(
      fc.asyncProperty(finite, mark, padding, padding, async (x, decimal, before, after) => {
        await answerVitest();
        const text = before + plain(x).replace('.', decimal) + after;
        const read = readNumber(text, decimal);
        return read.ok && read.value === x;
      }),
      runs(3000),
    );
  });

  it('accepts a numeric cell exactly when it is finite, as itself', async () => {
    await fc.assert(
      fc.asyncProperty(fc.double(), mark, async (x, decimal) => {
        await answerVitest();
        const read = readNumber(x, decimal);
        return Number.isFinite(x) ? read.ok && read.value === x : !read.ok && read.problem.length > 0;
      }),
      runs(1000),
    );
  });

  /** The oracle: an optional minus, digits, and optionally the declared mark and digits, with white space around. */
  const ORACLE = { '.': /^\s*(-?[0-9]+)(?:\.([0-9]+))?\s*$/, ',': /^\s*(-?[0-9]+)(?:,([0-9]+))?\s*$/ } as const;
  const numberish = fc.string({
    unit: fc.constantFrom(
      '0',
      '1',
      '4',
      '5',
      '9',
      '.',
      ',',
      '-',
      '+',
      ' ',
      '\u00a0',
      '\t',
      '%',
      'e',
      'E',
      "'",
      'x',
      '٣',
      '\u2009',
      '\n',
    ),
    maxLength: 14,
  });
  const nearNumbers = fc
    .tuple(
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.nat(),
      fc.constantFrom('', '.', ',', ' ', '-', '%', 'e3', '..', '0', '\u00a0'),
      fc.boolean(),
    )
    .map(([x, at, insert, drop]) => {
      const text = plain(x);
      const i = at % (text.length + 1);
      return drop ? text.slice(0, i) + text.slice(i + 1) : text.slice(0, i) + insert + text.slice(i);
    });
  const anyCellText = fc.oneof(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }), numberish, nearNumbers);

  it('never throws on random text, and yields a number only for a plain number in the declared format (never a wrong one)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.option(anyCellText, { nil: null }), mark, async (text: Cell, decimal) => {
        await answerVitest();
        let read;
        try {
          read = readNumber(text, decimal);
        } catch {
          return false;
        }
        const m = ORACLE[decimal].exec((text as string | null) ?? '');
        // A digit string too long for a number (it would read as Infinity) is refused, never published.
        if (!m || !Number.isFinite(Number(`${m[1]}.${m[2] ?? '0'}`)))
          return !read.ok && typeof read.problem === 'string' && read.problem.length > 0;
        return read.ok && read.value === Number(`${m[1]}.${m[2] ?? '0'}`);
      }),
      runs(5000),
    );
  });
});

// ------------------------------------------------------------------------------------------------------------
// (b) the name matcher
// ------------------------------------------------------------------------------------------------------------
describe('NameMatcher with the real registry (property)', () => {
  /** Every (unit set, spelling, unit) the registry knows. */
  const spellings = registry.units.flatMap((u) =>
    u.unit_sets.flatMap((set) => spellingsOf(u).map((alias) => ({ set, alias, id: u.id }))),
  );
  /** Folds like a reader would, to see whether a spelling already begins with an administrative prefix. */
  const plainLower = (s: string) =>
    s
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .replace(/[đĐ]/g, 'd')
      .toLowerCase()
      .replace(/[^a-z0-9]/g, '');
  const hasPrefix = (s: string) => /^(tinh|thanhpho|thudo|tp)/.test(plainLower(s));
  const PREFIXES = ['', 'Tỉnh ', 'Thành phố ', 'TP. ', 'TP.', 'Tp ', 'tỉnh ', 'THÀNH PHỐ '];
  const SPACES = [' ', '  ', '   ', '\u00a0', '\t', ' \u00a0 '];

  const variant = fc.record({
    spelling: fc.constantFrom(...spellings),
    cases: fc.array(fc.constantFrom('upper', 'lower', 'keep'), { minLength: 1, maxLength: 40 }),
    form: fc.constantFrom('NFC', 'NFD', 'NFKC', 'NFKD'),
    spaces: fc.array(fc.constantFrom(...SPACES), { minLength: 1, maxLength: 8 }),
    before: fc.constantFrom('', ' ', '  ', '\u00a0', '\t'),
    after: fc.constantFrom('', ' ', '  ', '\u00a0', '\t'),
    prefix: fc.constantFrom(...PREFIXES),
  });

  type Variant = typeof variant extends fc.Arbitrary<infer T> ? T : never;
  function render(v: Variant): string {
    const base = v.prefix && !hasPrefix(v.spelling.alias) ? v.prefix + v.spelling.alias : v.spelling.alias;
    let k = 0;
    const spaced = base.replace(/ /g, () => v.spaces[k++ % v.spaces.length]);
    const cased = [...spaced]
      .map((ch, i) =>
        v.cases[i % v.cases.length] === 'upper'
          ? ch.toUpperCase()
          : v.cases[i % v.cases.length] === 'lower'
            ? ch.toLowerCase()
            : ch,
      )
      .join('');
    return (v.before + cased + v.after).normalize(v.form);
  }

  it('matches every registry spelling, in every unit set it belongs to, as printed', () => {
    for (const { set, alias, id } of spellings) {
      const m = matcherFor(set).match(alias);
      expect(m.ok && m.unit.id, `${alias} in ${set}`).toBe(id);
    }
  });

  it('matches every spelling after case changes, NFC/NFD forms, extra spaces and "Tỉnh"/"Thành phố"/"TP." prefixes', async () => {
    await fc.assert(
      fc.asyncProperty(variant, async (v) => {
        await answerVitest();
        const printed = render(v);
        const m = matcherFor(v.spelling.set).match(printed);
        return m.ok && m.unit.id === v.spelling.id;
      }),
      runs(3000),
    );
  });

  const letters = [...'aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạèéẹìíịòóọùúụỳýHTĐBQNKLCPhuế .-()'];
  const mutated = fc
    .tuple(
      fc.constantFrom(...spellings),
      fc.nat(),
      fc.constantFrom(...letters),
      fc.constantFrom('insert', 'delete', 'replace'),
    )
    .map(([s, at, ch, op]) => {
      const chars = [...s.alias];
      const i = at % (chars.length + 1);
      if (op === 'insert') chars.splice(i, 0, ch);
      else if (op === 'delete') chars.splice(i, 1);
      else chars.splice(i, 1, ch);
      return chars.join('');
    });
  const joined = fc
    .tuple(fc.constantFrom(...spellings), fc.constantFrom(...spellings), fc.constantFrom(' ', '-', ' và ', '/'))
    .map(([a, b, sep]) => a.alias + sep + b.alias);
  const noise = fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 30 }),
    fc.string({ unit: fc.constantFrom(...letters), maxLength: 20 }),
    mutated,
    joined,
    fc.string({ unit: 'binary', maxLength: 20 }),
  );

  it('on noise, never throws: it matches nothing (with the closest names) or a unit with a spelling that folds the same', async () => {
    const folded = new Map(registry.units.map((u) => [u.id, new Set(spellingsOf(u).map(foldName))]));
    await fc.assert(
      fc.asyncProperty(noise, fc.constantFrom(...UNIT_SETS), async (text, set) => {
        await answerVitest();
        const m = matcherFor(set).match(text);
        const key = foldName(text);
        const spelledSo = registry.units.filter((u) => folded.get(u.id)!.has(key));
        const here = spelledSo.filter((u) => u.unit_sets.includes(set));
        if (m.ok) return here.length === 1 && here[0].id === m.unit.id;
        if (here.length) return false;
        // A text with no letters or digits names nothing, whatever the registry holds.
        if (key === '') return m.problem.includes('has no letters or digits, so it names no province');
        if (spelledSo.length) {
          return (
            m.problem.endsWith(`which is not a unit of this edition's unit set ${set}`) &&
            spelledSo.some((u) => m.problem.includes(`" is ${u.name_vi} (`))
          );
        }
        const near =
          /closest known: ([^\n]*)\. If it is a spelling of one of them, add it to raw\/units\/aliases\.csv\.$/.exec(
            m.problem,
          );
        const names = new Set(registry.units.filter((u) => u.unit_sets.includes(set)).map((u) => u.name_vi));
        return near !== null && near[1].split(', ').length <= 3 && near[1].split(', ').every((name) => names.has(name));
      }),
      runs(3000),
    );
  });
});

// ------------------------------------------------------------------------------------------------------------
// (c) the table reader
// ------------------------------------------------------------------------------------------------------------
const LEGACY = registry.units.filter((u) => u.unit_sets.includes('legacy-63'));
const sipas = definitions.get('sipas') as IndexDefinition;
const pci = definitions.get('pci') as IndexDefinition;

/** Writes one edition folder into RAW (replacing any previous one) and reads it as the pipeline does. Reading waits
 * for nothing, so hundreds of runs would keep the worker from answering Vitest: each run lets it through first. */
async function readOne(index: 'sipas' | 'pci', files: Record<string, string | Buffer>, table: Record<string, unknown>) {
  await answerVitest();
  rmSync(join(RAW, index, '2020'), { recursive: true, force: true });
  addEdition(RAW, {
    index,
    year: 2020,
    files,
    publication: publicationFor(index, 2020, {
      tables: [{ unit_header: 'province', values: { score: 'score' }, source: 'S1', ...table }],
    }),
  });
  return readEdition(RAW, index, '2020', index === 'sipas' ? sipas : pci, registry, matcherFor);
}

const score = fc.oneof(
  fc.integer({ min: 0, max: 10_000 }).map((n) => n / 100),
  fc.double({ min: 0, max: 100, noNaN: true }).map((x) => (x === 0 ? 0 : x)),
);

const validTable = fc.shuffledSubarray(LEGACY, { minLength: 1 }).chain((units) =>
  fc.record({
    rows: fc.tuple(
      ...units.map((u) => fc.record({ unit: fc.constant(u), name: fc.constantFrom(...spellingsOf(u)), score })),
    ),
    decimal: fc.constantFrom<'.' | ','>('.', ','),
    scoreFirst: fc.boolean(),
    note: fc.boolean(),
    notes: fc.array(
      fc.string({ unit: 'grapheme', maxLength: 12 }).map((s) => s.replace(/\ufffd/g, '')),
      { minLength: units.length, maxLength: units.length },
    ),
    quoteAll: fc.boolean(),
    eol: fc.constantFrom('\n', '\r\n'),
    finalEol: fc.boolean(),
    bom: fc.boolean(),
    blankAfter: fc.array(fc.nat({ max: units.length }), { maxLength: 3 }),
  }),
);

type ValidTable = typeof validTable extends fc.Arbitrary<infer T> ? T : never;

/** The CSV text and, for every row, where the score must be found. */
function writeTable(t: ValidTable): { text: string; expected: Map<string, { value: number; cell: string }> } {
  const quote = (field: string) =>
    t.quoteAll || /[",\r\n]/.test(field) || /^\s|\s$/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
  const columns = t.scoreFirst ? ['score', 'province'] : ['province', 'score'];
  if (t.note) columns.push('note');
  const scoreColumn = String.fromCharCode(65 + columns.indexOf('score'));
  const lines = [columns.map(quote).join(',')];
  const expected = new Map<string, { value: number; cell: string }>();
  t.rows.forEach((r, i) => {
    const fields: Record<string, string> = {
      province: r.name,
      score: plain(r.score).replace('.', t.decimal),
      note: t.notes[i],
    };
    lines.push(columns.map((c) => quote(fields[c])).join(','));
    expected.set(r.unit.id, { value: r.score, cell: `${scoreColumn}${lines.length}` });
    for (const at of t.blankAfter) if (at === i + 1 && i + 1 < t.rows.length) lines.push('');
  });
  return { text: (t.bom ? '\ufeff' : '') + lines.join(t.eol) + (t.finalEol ? t.eol : ''), expected };
}

const problemsAreWellFormed = (problems: Problem[]) =>
  problems.every(
    (p) =>
      typeof p.file === 'string' && p.file.startsWith('raw/') && typeof p.message === 'string' && p.message.length > 0,
  );

describe('the table reader (property)', () => {
  it('reads random valid tables (any provinces, order, spelling, quoting, decimal mark) to exactly the values written', async () => {
    await fc.assert(
      fc.asyncProperty(validTable, async (t) => {
        const { text, expected } = writeTable(t);
        const { edition, problems } = await readOne(
          'sipas',
          { 'table.csv': text },
          { file: 'table.csv', decimal: t.decimal },
        );
        expect(problems).toEqual([]);
        const got = new Map(edition!.observations.map((o) => [o.unit_id, { value: o.value, cell: o.raw_cell }]));
        expect(got).toEqual(expected);
        expect(
          edition!.observations.every(
            (o) => o.status === 'published' && o.source_id === 'S1' && o.raw_file === 'raw/sipas/2020/table.csv',
          ),
        ).toBe(true);
      }),
      runs(150),
    );
  });

  it('publishes random valid tables unchanged through the whole pipeline (observations.json and .csv)', async () => {
    await fc.assert(
      fc.asyncProperty(validTable, async (t) => {
        const { text, expected } = writeTable(t);
        const raw = makeRawFixture([
          {
            index: 'sipas',
            year: 2020,
            files: { 'table.csv': text },
            publication: publicationFor('sipas', 2020, {
              tables: [
                {
                  file: 'table.csv',
                  unit_header: 'province',
                  values: { score: 'score' },
                  source: 'S1',
                  decimal: t.decimal,
                },
              ],
            }),
          },
        ]);
        const out = mkdtempSync(join(tmpdir(), 'chiso-property-'));
        await runPipeline(raw, out);
        const json = JSON.parse(readFileSync(join(out, 'observations.json'), 'utf8')) as {
          unit_id: string;
          value: number;
          raw_cell: string;
        }[];
        expect(new Map(json.map((o) => [o.unit_id, { value: o.value, cell: o.raw_cell }]))).toEqual(expected);
        const rows = Papa.parse<Record<string, string>>(readFileSync(join(out, 'observations.csv'), 'utf8'), {
          header: true,
          skipEmptyLines: true,
        }).data;
        const csvValues = new Map(rows.map((r) => [r.unit_id, Number(r.value)]));
        expect(csvValues).toEqual(new Map([...expected].map(([id, e]) => [id, e.value])));
        rmSync(raw, { recursive: true, force: true });
        rmSync(out, { recursive: true, force: true });
      }),
      runs(12),
    );
  });

  /** Whatever a noisy table gives, it is either problems or plausible observations: never an exception. */
  const plausible = (result: Awaited<ReturnType<typeof readOne>>) =>
    result.problems.length > 0
      ? problemsAreWellFormed(result.problems) && result.edition === undefined
      : result.edition!.observations.every(
          (o) => registry.byId.has(o.unit_id) && (o.value === null || (o.value >= 0 && o.value <= 100)),
        );

  it('turns random bytes in a CSV into problems, never an exception', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 3000 }), async (bytes) => {
        const result = await readOne('sipas', { 'table.csv': Buffer.from(bytes) }, { file: 'table.csv' });
        return result.problems.length > 0 && problemsAreWellFormed(result.problems);
      }),
      runs(200),
    );
  });

  it('reads a valid header followed by random bytes or text as problems or plausible values, never an exception', async () => {
    const body = fc.oneof(
      fc.uint8Array({ maxLength: 2000 }).map((b) => Buffer.from(b)),
      fc.string({ unit: 'grapheme', maxLength: 400 }).map((s) => Buffer.from(s)),
      fc
        .string({
          unit: fc.constantFrom('H', 'à', ' ', 'N', 'ộ', 'i', ',', '"', '\n', '\r', '1', '.', '5', ';', '\t'),
          maxLength: 200,
        })
        .map((s) => Buffer.from(s)),
    );
    await fc.assert(
      fc.asyncProperty(body, fc.constantFrom<'.' | ','>('.', ','), async (bytes, decimal) => {
        const result = await readOne(
          'sipas',
          { 'table.csv': Buffer.concat([Buffer.from('province,score\n'), bytes]) },
          { file: 'table.csv', decimal },
        );
        return plausible(result);
      }),
      runs(300),
    );
  });

  const workbook = (sheetXml: string, extra: Record<string, string> = {}) =>
    Buffer.from(
      zipSync({
        'xl/workbook.xml': strToU8(
          '<workbook xmlns:r="r"><sheets><sheet name="PCI" sheetId="1" r:id="rId1"/></sheets></workbook>',
        ),
        'xl/_rels/workbook.xml.rels': strToU8(
          '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>',
        ),
        'xl/worksheets/sheet1.xml': strToU8(sheetXml),
        ...Object.fromEntries(Object.entries(extra).map(([k, v]) => [k, strToU8(v)])),
      }),
    );
  const GOOD = workbook(
    '<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>province</t></is></c><c r="B1" t="inlineStr"><is><t>score</t></is></c></row>' +
      '<row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2"><v>64.37</v></c></row></sheetData></worksheet>',
    { 'xl/sharedStrings.xml': '<sst><si><t>Hà Nội</t></si></sst>' },
  );

  it('reads the good workbook used below (a sanity check for the noise tests)', async () => {
    const { edition, problems } = await readOne('pci', { 'table.xlsx': GOOD }, { file: 'table.xlsx', sheet: 'PCI' });
    expect(problems).toEqual([]);
    expect(edition!.observations.map((o) => [o.unit_id, o.value, o.raw_cell])).toEqual([['ha-noi', 64.37, 'B2']]);
  });

  it('turns random bytes, or a truncated workbook, into problems, never an exception', async () => {
    const noise = fc.oneof(
      fc.uint8Array({ maxLength: 3000 }).map((b) => Buffer.from(b)),
      fc.nat().map((n) => GOOD.subarray(0, n % GOOD.length)),
    );
    await fc.assert(
      fc.asyncProperty(noise, async (bytes) => {
        const result = await readOne('pci', { 'table.xlsx': bytes }, { file: 'table.xlsx', sheet: 'PCI' });
        return result.problems.length > 0 && problemsAreWellFormed(result.problems);
      }),
      runs(300),
    );
  });

  it('turns a workbook with random bytes overwritten into problems or plausible values, never an exception', async () => {
    const flipped = fc
      .array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 12 })
      .map((flips) => {
        const b = Buffer.from(GOOD);
        for (const [at, byte] of flips) b[at % b.length] = byte;
        return b;
      });
    await fc.assert(
      fc.asyncProperty(flipped, async (bytes) =>
        plausible(await readOne('pci', { 'table.xlsx': bytes }, { file: 'table.xlsx', sheet: 'PCI' })),
      ),
      runs(300),
    );
  });

  it('reports a workbook relationship without a Target as a problem, not an exception', async () => {
    const bytes = Buffer.from(
      zipSync({
        'xl/workbook.xml': strToU8(
          '<workbook xmlns:r="r"><sheets><sheet name="PCI" sheetId="1" r:id="rId1"/></sheets></workbook>',
        ),
        'xl/_rels/workbook.xml.rels': strToU8('<Relationships><Relationship Id="rId1"/></Relationships>'),
      }),
    );
    const result = await readOne('pci', { 'table.xlsx': bytes }, { file: 'table.xlsx', sheet: 'PCI' });
    expect(result.problems).toEqual([expect.objectContaining({ file: 'raw/pci/2020/table.xlsx' })]);
  });

  /** Random worksheet XML from a small grammar: rows, cells of every type, odd references, entities, garbage. */
  const cellXml = fc
    .record({
      ref: fc
        .oneof(
          fc.constantFrom('A', 'B', 'C', 'Z', 'AA', '', 'a', '1'),
          fc.string({ unit: fc.constantFrom('A', 'B', 'Q'), maxLength: 3 }),
        )
        .chain((col) => fc.tuple(fc.constant(col), fc.oneof(fc.integer({ min: 1, max: 40 }), fc.constant(0)))),
      type: fc.constantFrom(undefined, 's', 'str', 'inlineStr', 'b', 'e', 'n', 'd', 'x'),
      value: fc.oneof(
        fc.string({ unit: 'grapheme', maxLength: 8 }).map((s) => s.replace(/[<&]/g, '')),
        fc.double().map(String),
        fc.nat({ max: 5 }).map(String),
        fc.constantFrom('&amp;', '&lt;', '&#65;', '&#x1F600;', '_x0041_', ''),
      ),
      shape: fc.constantFrom('v', 'is', 'empty', 'selfclosing', 'f'),
    })
    .map(({ ref: [col, row], type, value, shape }) => {
      const attrs = `${col || row ? ` r="${col}${row || ''}"` : ''}${type ? ` t="${type}"` : ''}`;
      if (shape === 'selfclosing') return `<c${attrs}/>`;
      if (shape === 'empty') return `<c${attrs}></c>`;
      if (shape === 'is') return `<c${attrs}><is><t>${value}</t></is></c>`;
      if (shape === 'f') return `<c${attrs}><f>A1*2</f></c>`;
      return `<c${attrs}><v>${value}</v></c>`;
    });
  const rowXml = fc
    .tuple(fc.oneof(fc.integer({ min: 1, max: 60 }), fc.constantFrom(0, -1, NaN)), fc.array(cellXml, { maxLength: 5 }))
    .map(([r, cells]) => `<row r="${r}">${cells.join('')}</row>`);
  const sheetXml = fc.oneof(
    fc
      .array(rowXml, { maxLength: 8 })
      .map(
        (rows) =>
          `<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>province</t></is></c><c r="B1" t="inlineStr"><is><t>score</t></is></c></row>${rows.join('')}</sheetData></worksheet>`,
      ),
    fc.string({
      unit: fc.constantFrom('<', '>', '/', 'row', 'c', ' r="', '"', 'v', 't="s"', '1', 'A', '2', 'sheetData'),
      maxLength: 40,
    }),
  );
  const sharedXml = fc
    .array(
      fc.string({ unit: 'grapheme', maxLength: 8 }).map((s) => s.replace(/[<&]/g, '')),
      { maxLength: 4 },
    )
    .map((items) => `<sst>${items.map((s) => `<si><t>${s}</t></si>`).join('')}<si/></sst>`);

  it('reads random worksheet XML inside a valid zip as problems or plausible values, never an exception', async () => {
    await fc.assert(
      fc.asyncProperty(sheetXml, sharedXml, async (sheet, shared) =>
        plausible(
          await readOne(
            'pci',
            { 'table.xlsx': workbook(sheet, { 'xl/sharedStrings.xml': shared }) },
            { file: 'table.xlsx', sheet: 'PCI' },
          ),
        ),
      ),
      runs(300),
    );
  });

  it('reads any numeric character reference in a cell as text or a problem, never an exception', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.nat(), fc.integer({ min: 0x10ffff, max: 0x7fffffff })),
        fc.boolean(),
        async (code, hex) => {
          const ref = hex ? `&#x${code.toString(16)};` : `&#${code};`;
          const sheet = `<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>province</t></is></c><c r="B1" t="inlineStr"><is><t>score</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>H${ref}</t></is></c><c r="B2"><v>50</v></c></row></sheetData></worksheet>`;
          return plausible(
            await readOne('pci', { 'table.xlsx': workbook(sheet) }, { file: 'table.xlsx', sheet: 'PCI' }),
          );
        },
      ),
      runs(200),
    );
  });
});
