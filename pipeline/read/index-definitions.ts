/** The index definitions (raw/<index>/index.json): measures, scales by year, groups, breaks, checks. */
import { join } from 'node:path';
import { privateUrlProblem } from '../validate/metadata.js';
import { InvalidInputError, type Problem } from '../validate/problems.js';
import { readJson, validateAgainst } from '../validate/schemas.js';

export const INDEX_IDS = ['par-index', 'sipas', 'papi', 'pci'] as const;
export type IndexId = (typeof INDEX_IDS)[number];

export interface Text {
  vi: string;
  en: string;
}
export interface Scale {
  from: number;
  to?: number;
  min: number;
  max: number;
}
export interface MeasureDefinition {
  id: string;
  name: Text;
  unit: 'points' | 'percent';
  direction: 'higher-is-better';
  scales: Scale[];
  note?: Text;
}
export interface BreakDefinition {
  year: number;
  measures?: string[];
  suppress_changes: boolean;
  note: Text;
}
export interface IndexDefinition {
  id: IndexId;
  name: Text;
  full_name: Text;
  publisher: Text;
  url: string;
  description: Text;
  headline: string;
  measures: MeasureDefinition[];
  groups: {
    method: 'quartiles' | 'bands' | 'published';
    quartile_rule?: 'inclusive' | 'hazen';
    bands?: { label: string; min: number; from?: number; to?: number }[];
    labels?: { id: string; vi: string; en: string }[];
    note: Text;
  };
  breaks: BreakDefinition[];
  checks?: {
    sum?: { total: string; parts: string[]; tolerance: number };
    sums?: { total: string; parts: string[]; tolerance: number; from: number; to: number; note?: string }[];
    weighted?: {
      total: string;
      from: number;
      to: number;
      weights: Record<string, number>;
      tolerance: number;
      note?: string;
    }[];
  };
}

export function scaleFor(measure: MeasureDefinition, year: number): Scale | undefined {
  return measure.scales.find((s) => year >= s.from && (s.to === undefined || year <= s.to));
}

export function describeYears(measure: MeasureDefinition): string {
  return measure.scales
    .map((s) => (s.to === undefined ? `${s.from}–` : s.from === s.to ? `${s.from}` : `${s.from}–${s.to}`))
    .join(', ');
}

/** Every measure that the definition names (headline, breaks, checks) must be one of its measures, each defined once. */
function checkReferences(d: IndexDefinition, shown: string): Problem[] {
  const problems: Problem[] = [];
  const ids = d.measures.map((m) => m.id);
  const known = `(measures: ${ids.join(', ')})`;
  ids.forEach((id, i) => {
    if (ids.indexOf(id) !== i)
      problems.push({ file: shown, message: `measures[${i}]: the measure "${id}" is defined twice` });
  });
  const check = (measure: string, where: string) => {
    if (!ids.includes(measure))
      problems.push({
        file: shown,
        message: `${where} names the measure "${measure}", which is not among its measures ${known}`,
      });
  };
  check(d.headline, '"headline"');
  const url = privateUrlProblem(d.url);
  if (url) problems.push({ file: shown, message: `"url" ${url}` });
  d.breaks.forEach((b, i) => (b.measures ?? []).forEach((m) => check(m, `breaks[${i}] (${b.year})`)));
  if (d.checks?.sum) [d.checks.sum.total, ...d.checks.sum.parts].forEach((m) => check(m, 'checks.sum'));
  (d.checks?.weighted ?? []).forEach((w, i) =>
    [w.total, ...Object.keys(w.weights)].forEach((m) => check(m, `checks.weighted[${i}]`)),
  );
  return problems;
}

export function loadIndexDefinitions(rawDir: string): Map<IndexId, IndexDefinition> {
  const definitions = new Map<IndexId, IndexDefinition>();
  const problems: Problem[] = [];
  for (const id of INDEX_IDS) {
    const shown = `raw/${id}/index.json`;
    const { data, problems: readProblems } = readJson(join(rawDir, id, 'index.json'), shown);
    problems.push(...readProblems);
    if (!data) continue;
    const invalid = validateAgainst('index.schema.json', data, shown);
    problems.push(...invalid);
    const definition = data as IndexDefinition;
    if (!invalid.length && definition.id !== id)
      problems.push({ file: shown, message: `"id" is "${definition.id}" but the folder is raw/${id}/` });
    if (!invalid.length) problems.push(...checkReferences(definition, shown));
    definitions.set(id, definition);
  }
  if (problems.length) throw new InvalidInputError(problems);
  return definitions;
}
