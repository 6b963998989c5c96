/** Which charts each page shows. Pages and the SVG/CSV downloads both ask here, so they always agree. */
import { editions, indexDefinitions, predecessors, units, type Lang, type Unit } from '../data';
import { componentsChart } from './components-chart';
import { editionDistributionChart, editionMapChart, regionalAveragesChart } from './edition-charts';
import { LANGS } from '../routes';
import type { ChartSpec } from './spec';
import { indexTrendChart, shortSeriesSentence, unitSeriesChart } from './time-series';

export interface EditionCharts {
  map: ChartSpec;
  distribution: ChartSpec | null;
  regions: ChartSpec | null;
}

/** A page's charts are worked out once per build: the page and the downloads ask for the same ones. */
function once<T>(cache: Map<string, T>, key: string, make: () => T): T {
  let value = cache.get(key);
  if (value === undefined) {
    value = make();
    cache.set(key, value);
  }
  return value;
}
const editionChartsCache = new Map<string, EditionCharts>();
const unitChartsCache = new Map<string, UnitIndexCharts[]>();

export function editionCharts(index: string, year: number, lang: Lang): EditionCharts {
  return once(editionChartsCache, `${index}/${year}/${lang}`, () => ({
    map: editionMapChart(index, year, lang),
    distribution: editionDistributionChart(index, year, lang),
    regions: regionalAveragesChart(index, year, lang),
  }));
}

export function indexCharts(index: string, lang: Lang): { trend: ChartSpec } {
  return { trend: indexTrendChart(index, lang) };
}

/** sentence: the figures said in words when there are too few to draw (then score and rank are null). */
export interface UnitIndexCharts {
  index: string;
  score: ChartSpec | null;
  rank: ChartSpec | null;
  components: ChartSpec | null;
  sentence: string | null;
}

/** The units whose series a unit page draws: itself, and for a 2025 unit also its former provinces, side by side
 * (a unit without figures drops out of each chart). */
export function seriesUnits(u: Unit): Unit[] {
  return u.era === 'merged' ? [u, ...predecessors(u.unit_id)] : [u];
}

export function unitCharts(u: Unit, lang: Lang): UnitIndexCharts[] {
  return once(unitChartsCache, `${u.unit_id}/${lang}`, () => unitChartsOf(u, lang));
}

function unitChartsOf(u: Unit, lang: Lang): UnitIndexCharts[] {
  const members = seriesUnits(u);
  return indexDefinitions.map((d) => {
    const sentence = shortSeriesSentence(d.id, members, lang);
    return {
      index: d.id,
      score: sentence ? null : unitSeriesChart(d.id, u, members, 'score', lang),
      rank: sentence ? null : unitSeriesChart(d.id, u, members, 'rank', lang),
      components: componentsChart(d.id, u, members, lang),
      sentence,
    };
  });
}

/** Every chart, in the order the build shows them: the edition maps first (the preview images, drawn before the
 * pages), then page by page in the order of pages.ts allPages, each page in both languages. The download files
 * process hands the drawings over in this order (chart-files.ts), so that a page rarely waits for its own. */
export function allCharts(): ChartSpec[] {
  const list: ChartSpec[] = [];
  const bothLanguages = (charts: (lang: Lang) => (ChartSpec | null)[]) =>
    list.push(...LANGS.flatMap(charts).filter((x): x is ChartSpec => x !== null));
  for (const e of editions) bothLanguages((lang) => [editionCharts(e.index, e.year, lang).map]);
  for (const d of indexDefinitions) bothLanguages((lang) => [indexCharts(d.id, lang).trend]);
  for (const e of editions)
    bothLanguages((lang) => {
      const c = editionCharts(e.index, e.year, lang);
      return [c.distribution, c.regions];
    });
  for (const u of units) bothLanguages((lang) => unitCharts(u, lang).flatMap((c) => [c.score, c.rank, c.components]));
  return list;
}
