/**
 * The page-data module: reads the pipeline's output (CHISO_DATA_DIR: the datasets and the reference files) once,
 * and answers the questions pages ask. It never recomputes a published figure; the only statistics it derives
 * are for display (median and best of an edition, shown as such).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatTick } from './format';
import { t } from './i18n';

export type Lang = 'vi' | 'en';

// The datasets' row types are generated from the table definitions (pipeline/sql/3_marts/*.yml).
import type {
  Edition,
  MeasureScale,
  Observation,
  QualityRow,
  RegionalAverage,
  SourceValue,
  Unit,
} from './dataset-types';
export type { Edition, MeasureScale, Observation, QualityRow, RegionalAverage, SourceValue, Unit };

// The index definitions as raw/<index>/index.json gives them (the pipeline's types).
import type { BreakDefinition, IndexDefinition, Text } from '../../../pipeline/read/index-definitions';
export type { IndexDefinition, Text };
type GroupLabel = NonNullable<IndexDefinition['groups']['labels']>[number];

export interface DataPackageResource {
  name: string;
  path: string;
  format: string;
  bytes: number;
  hash: string;
  title: string;
  'x-title-vi'?: string;
}
export interface DataPackage {
  name: string;
  title: string;
  'x-title-vi'?: string;
  version: string;
  created: string;
  homepage: string;
  licenses: { name: string; title: string; path: string }[];
  resources: (DataPackageResource & {
    schema?: { fields: { name: string; type: string; description: string; 'x-description-vi'?: string }[] };
  })[];
}
// A release, its corrections and its changelog entry as the pipeline writes them (the pipeline's types).
import type { ChangelogEntry, Correction, Release } from '../../../pipeline/release/releases';
export type { ChangelogEntry, Correction, Release };

const DATA = process.env.CHISO_DATA_DIR ?? join(process.cwd(), 'dist/data');
// npm run build starts the site while the pipeline still writes the datasets (site/integrations/pipeline-data.mjs).
await (globalThis as { chisoDataReady?: Promise<void> }).chisoDataReady;
export const INDEX_ORDER = ['par-index', 'sipas', 'papi', 'pci'];

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

/** A JSON file of the pipeline's output. */
export const readData = <T>(file: string): T => readJson<T>(join(DATA, file));

export const observations = readJson<Observation[]>(join(DATA, 'observations.json'));
export const units = readJson<Unit[]>(join(DATA, 'units.json'));
export const measureScales = readJson<MeasureScale[]>(join(DATA, 'measures.json'));
export const editions = readJson<Edition[]>(join(DATA, 'editions.json')).sort(
  (a, b) => INDEX_ORDER.indexOf(a.index) - INDEX_ORDER.indexOf(b.index) || a.year - b.year,
);
export const regionalAverages = readJson<RegionalAverage[]>(join(DATA, 'regional_averages.json'));
export const quality = readJson<QualityRow[]>(join(DATA, 'quality.json'));
/** Figures printed by other sources, beside chiso's. */
export const sourceValues = readJson<SourceValue[]>(join(DATA, 'source_values.json'));
export const dataPackage = readJson<DataPackage>(join(DATA, 'datapackage.json'));
/** Data releases, newest first (the pipeline's changelog.json); the first is the current release. */
export const changelog = readJson<ChangelogEntry[]>(join(DATA, 'changelog.json')).sort(
  (a, b) => b.date.localeCompare(a.date) || b.version.localeCompare(a.version, 'en', { numeric: true }),
);
export const release: Release = changelog[0];
/** The index definitions as raw/<index>/index.json gives them (the pipeline's indices.json). */
export const indexDefinitions = readJson<IndexDefinition[]>(join(DATA, 'indices.json')).sort(
  (a, b) => INDEX_ORDER.indexOf(a.id) - INDEX_ORDER.indexOf(b.id),
);
/** The province boundaries (copies of raw/geo/ in the pipeline's output). */
export const geoDir = join(DATA, 'geo');

// ---- lookups, built once ----------------------------------------------------------------------------------

function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return map;
}

const byEdition = groupBy(observations, (o) => `${o.index}/${o.year}`);
const byUnit = groupBy(observations, (o) => o.unit_id);
const unitById = new Map(units.map((u) => [u.unit_id, u]));
const definitionById = new Map<string, IndexDefinition>(indexDefinitions.map((d) => [d.id, d]));

export function indexDefinition(id: string): IndexDefinition {
  const d = definitionById.get(id);
  if (!d) throw new Error(`unknown index ${id}`);
  return d;
}

/** The unit, or undefined for an id the registry does not know. */
export function findUnit(id: string): Unit | undefined {
  return unitById.get(id);
}

export function unit(id: string): Unit {
  const u = unitById.get(id);
  if (!u) throw new Error(`unknown unit ${id}`);
  return u;
}

export const legacyUnits = units
  .filter((u) => u.era === 'legacy')
  .sort((a, b) => a.name_vi.localeCompare(b.name_vi, 'vi'));
export const mergedUnits = units
  .filter((u) => u.era === 'merged')
  .sort((a, b) => a.name_vi.localeCompare(b.name_vi, 'vi'));

/** The legacy provinces that merged into a 2025 unit (or, for Hà Nội, also Hà Tây through the 2008 Hà Nội). */
export function predecessors(mergedId: string): Unit[] {
  return legacyUnits.filter((u) => u.successor_id === mergedId);
}

export function unitName(
  u: { name_vi: string; name_en: string } | { unit_name_vi: string; unit_name_en: string },
  lang: Lang,
): string {
  return 'name_vi' in u ? u[`name_${lang}`] : u[`unit_name_${lang}`];
}

export function editionsOf(index: string): Edition[] {
  return editions.filter((e) => e.index === index);
}

export function edition(index: string, year: number): Edition {
  const e = editions.find((x) => x.index === index && x.year === year);
  if (!e) throw new Error(`unknown edition ${index} ${year}`);
  return e;
}

export function latestEdition(index: string): Edition | undefined {
  return editionsOf(index).at(-1);
}

export function editionObservations(index: string, year: number): Observation[] {
  return byEdition.get(`${index}/${year}`) ?? [];
}

export function unitObservations(unitId: string): Observation[] {
  return byUnit.get(unitId) ?? [];
}

/** Measures of an index that apply in a year, headline first, in codebook order. */
export function measuresFor(index: string, year: number): MeasureScale[] {
  const order = indexDefinition(index).measures.map((m) => m.id);
  return measureScales
    .filter((m) => m.index === index && m.from_year <= year && (m.to_year === null || m.to_year >= year))
    .sort(
      (a, b) => Number(b.is_headline) - Number(a.is_headline) || order.indexOf(a.measure) - order.indexOf(b.measure),
    );
}

export function headlineMeasure(index: string, year?: number): MeasureScale {
  const list = measureScales.filter((m) => m.index === index && m.is_headline);
  const fit =
    year === undefined
      ? list.at(-1)
      : list.find((m) => m.from_year <= year && (m.to_year === null || m.to_year >= year));
  return fit ?? list.at(-1)!;
}

export function measureName(index: string, measure: string, lang: Lang): string {
  const m = indexDefinition(index).measures.find((x) => x.id === measure);
  return m ? m.name[lang] : measure;
}

/** Measures of an edition that have at least one value (the columns of its ranking table). */
export function editionMeasures(index: string, year: number): MeasureScale[] {
  const present = new Set(
    editionObservations(index, year)
      .filter((o) => o.value !== null || o.rank !== null)
      .map((o) => o.measure),
  );
  return measuresFor(index, year).filter((m) => present.has(m.measure));
}

/** The labels of an index's groups, in its definition's order (none where index.json lists none). */
export const groupLabels = (definition: IndexDefinition): GroupLabel[] => definition.groups.labels ?? [];

/** A score band in words: "từ 80% đến dưới 90%" / "80% to under 90%"; upper is the next band's minimum. */
function bandRange(min: number, upper: number | null, lowest: boolean, unit: string, lang: Lang): string {
  const tr = t(lang);
  const bound = (value: number) => formatTick(value, lang) + unit;
  if (upper === null) return tr('ranking.bandAbove', { min: bound(min) });
  if (lowest) return tr('ranking.bandUnder', { upper: bound(upper) });
  return tr('ranking.bandRange', { min: bound(min), upper: bound(upper) });
}

/**
 * A group's name; for an index grouped by score bands, with the band of that edition's year, since the bands
 * changed (PAR INDEX 2018: B is 75% to under 80%, other years 80% to under 90%).
 */
export function groupLabel(index: string, year: number, group: string | null, lang: Lang): string | null {
  if (!group) return null;
  const def = indexDefinition(index);
  const label = groupLabels(def).find((l) => l.id === group);
  if (!label) return group;
  const bands = (def.groups.bands ?? [])
    .filter((b) => (b.from ?? year) <= year && year <= (b.to ?? year))
    .sort((a, b) => b.min - a.min);
  const at = bands.findIndex((b) => b.label === group);
  if (at < 0) return label[lang];
  const unit = def.measures.find((m) => m.id === def.headline)?.unit === 'percent' ? '%' : '';
  const upper = at > 0 ? bands[at - 1].min : null;
  return `${label[lang]} (${bandRange(bands[at].min, upper, at === bands.length - 1, unit, lang)})`;
}

export function regionalAveragesFor(index: string, year: number, measure: string): RegionalAverage[] {
  // Rows with only a printed average (a fragmentary edition) have no mean of chiso's own to chart.
  return regionalAverages.filter(
    (r) => r.index === index && r.year === year && r.measure === measure && r.mean_value !== null,
  );
}

export function nationalAverage(index: string, year: number, measure: string): number | null {
  return (
    regionalAverages.find(
      (r) => r.index === index && r.year === year && r.measure === measure && r.area_id === 'national',
    )?.mean_value ?? null
  );
}

export function qualityFor(index: string, year: number): QualityRow[] {
  return quality.filter((q) => q.index === index && q.year === year);
}

/** Breaks that affect a measure of an index (a break without a measure list affects all). */
export function breaksFor(index: string, measure: string): BreakDefinition[] {
  return indexDefinition(index).breaks.filter((b) => !b.measures || b.measures.includes(measure));
}

/** Every year from the index's first edition to its last (the x domain of its time series). */
export function editionYears(index: string): number[] {
  return editionsOf(index).map((e) => e.year);
}

export function regions(): { id: string; vi: string; en: string }[] {
  const seen = new Map<string, { id: string; vi: string; en: string }>();
  for (const u of legacyUnits)
    if (u.region_id && !seen.has(u.region_id))
      seen.set(u.region_id, { id: u.region_id, vi: u.region_vi!, en: u.region_en! });
  return [...seen.values()].sort((a, b) => a.vi.localeCompare(b.vi, 'vi'));
}

export function median(values: number[]): number | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Editions of merged-34 units (none until a publisher releases 2025 results). */
export const mergedEditions = editions.filter((e) => e.unit_set === 'merged-34');
