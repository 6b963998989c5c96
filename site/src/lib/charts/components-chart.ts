/**
 * A province's component scores in the latest edition that published them for every province, against the
 * national best and median of that edition (best and median computed by chiso for display). A 2025 unit shows
 * one dot per former province.
 */
import * as Plot from '@observablehq/plot';
import {
  editionObservations,
  editionsOf,
  indexDefinition,
  measureName,
  measuresFor,
  median,
  unitName,
  type Lang,
  type Unit,
} from '../data';
import { formatScore, formatTick } from '../format';
import { t } from '../i18n';
import { provinceStyle } from './province-style';
import { INK, NARROW_WIDTH, type ChartRow, type ChartSpec, type LegendItem } from './spec';

/** The country's marks are neutral, never a province's colour. */
const NATIONAL = '#52606d';

interface MeasureValues {
  byUnit: Map<string, number | null>;
  /** Of every value of the measure in the edition. */
  min: number;
  max: number;
  median: number | null;
}
/** A measure without values: what Math.min, Math.max and median give for none. */
const NO_VALUES: MeasureValues = { byUnit: new Map(), min: Infinity, max: -Infinity, median: null };
const measureValuesByEdition = new Map<string, Map<string, MeasureValues>>();

/** An edition's values by measure and by unit, gathered once: every province page draws this chart, in each language. */
function measureValues(index: string, year: number): Map<string, MeasureValues> {
  const key = `${index}/${year}`;
  let byMeasure = measureValuesByEdition.get(key);
  if (!byMeasure) {
    const gathered = new Map<string, { values: number[]; byUnit: Map<string, number | null> }>();
    for (const o of editionObservations(index, year)) {
      let m = gathered.get(o.measure);
      if (!m) gathered.set(o.measure, (m = { values: [], byUnit: new Map() }));
      if (o.value !== null) m.values.push(o.value);
      if (!m.byUnit.has(o.unit_id)) m.byUnit.set(o.unit_id, o.value);
    }
    byMeasure = new Map(
      [...gathered].map(([measure, { values, byUnit }]) => [
        measure,
        { byUnit, min: Math.min(...values), max: Math.max(...values), median: median(values) },
      ]),
    );
    measureValuesByEdition.set(key, byMeasure);
  }
  return byMeasure;
}

/** The newest edition with complete component measures in which one of the units has component values. */
function componentEdition(index: string, units: Unit[]): { year: number; measures: string[] } | null {
  const ids = new Set(units.map((u) => u.unit_id));
  const headline = indexDefinition(index).headline;
  for (const e of [...editionsOf(index)].reverse()) {
    const complete = (e.complete_measures ?? '').split('|').filter((m) => m && m !== headline);
    if (!complete.length) continue;
    const has = editionObservations(index, e.year).some(
      (o) => ids.has(o.unit_id) && complete.includes(o.measure) && o.value !== null,
    );
    if (has)
      return {
        year: e.year,
        measures: measuresFor(index, e.year)
          .map((m) => m.measure)
          .filter((m) => complete.includes(m)),
      };
  }
  return null;
}

export function componentsChart(index: string, subject: Unit, candidates: Unit[], lang: Lang): ChartSpec | null {
  const found = componentEdition(index, candidates);
  if (!found) return null;
  const { year, measures } = found;
  const byMeasure = measureValues(index, year);
  const valuesOf = (measure: string) => byMeasure.get(measure) ?? NO_VALUES;
  const units = candidates.filter((u) => measures.some((m) => (valuesOf(m).byUnit.get(u.unit_id) ?? null) !== null));
  const tr = t(lang);
  const def = indexDefinition(index);
  const scale = measuresFor(index, year).find((m) => m.measure === measures[0])!;
  const kind = scale.unit === 'percent' ? ('percent' as const) : ('number' as const);
  const multi = candidates.length > 1;
  const rows: ChartRow[] = [];
  const dots: ChartRow[] = [];
  for (const measure of measures) {
    const { byUnit, max: best, median: mid } = valuesOf(measure);
    const label = measureName(index, measure, lang);
    for (const u of units) {
      const value = byUnit.get(u.unit_id) ?? null;
      rows.push({ ...(multi ? { province: unitName(u, lang) } : {}), measure: label, value, median: mid, best });
      if (value !== null) dots.push({ measure: label, value, unitId: u.unit_id });
    }
  }
  const name = unitName(subject, lang);
  const legend: LegendItem[] = [
    ...(multi
      ? units.map((u) => ({
          label: unitName(u, lang),
          fill: provinceStyle(u.unit_id).colour,
          shape: provinceStyle(u.unit_id).symbol,
        }))
      : [{ label: name, fill: INK, shape: 'circle' as const }]),
    { label: tr('chart.nationalMedian'), fill: NATIONAL, shape: 'tick' },
    { label: tr('chart.nationalBest'), fill: NATIONAL, shape: 'ring' },
  ];
  const fmt = (v: number) => formatScore(v, scale.unit, lang);
  const summary = rows
    .filter((r) => r.value !== null && !multi)
    .map((r) => `${r.measure}: ${fmt(r.value as number)}`)
    .join('; ');
  return {
    id: `${subject.unit_id}-${index}-components`,
    lang,
    title: tr(subject.era === 'merged' ? 'chart.formerComponentsTitle' : 'chart.componentsTitle', {
      name,
      index: def.name[lang],
      year,
    }),
    description:
      tr(multi ? 'chart.formerComponentsDescription' : 'chart.componentsDescription', {
        name,
        index: def.name[lang],
        year,
      }) + (summary ? ` ${summary}.` : ''),
    legend,
    columns: [
      ...(multi ? [{ key: 'province', label: tr('term.province'), kind: 'text' as const }] : []),
      { key: 'measure', label: tr('term.measure'), kind: 'text' },
      { key: 'value', label: multi ? tr('term.score') : name, kind },
      { key: 'median', label: tr('chart.nationalMedian'), kind },
      { key: 'best', label: tr('chart.nationalBest'), kind },
    ],
    rows,
    plot: (layout) => {
      const ranges = measures.map((measure) => {
        const { min, max, median } = valuesOf(measure);
        return { measure: measureName(index, measure, lang), min, max, median, best: max };
      });
      const narrow = layout === 'narrow';
      return {
        // On a phone each component's name goes above its row instead of in a wide left margin.
        width: narrow ? NARROW_WIDTH : 640,
        height: (narrow ? 58 : 44) * measures.length + 40,
        marginLeft: narrow ? 8 : 230,
        marginRight: 20,
        x: {
          label: `${tr('term.score')} →`,
          grid: true,
          nice: true,
          ticks: narrow ? 4 : undefined,
          tickFormat: (v: number) => formatTick(v, lang),
        },
        y: { label: null, domain: ranges.map((r) => r.measure), tickSize: 0, ...(narrow ? { axis: null } : {}) },
        marks: [
          narrow
            ? Plot.text(ranges, {
                y: 'measure',
                text: 'measure',
                frameAnchor: 'left',
                textAnchor: 'start',
                dy: -20,
                lineWidth: 26,
                fill: INK,
              })
            : Plot.axisY({ lineWidth: 18, tickSize: 0 }),
          Plot.ruleY(ranges, { y: 'measure', x1: 'min', x2: 'max', stroke: '#d5dae0', strokeWidth: 8 }),
          Plot.tickX(ranges, {
            y: 'measure',
            x: 'median',
            stroke: NATIONAL,
            strokeWidth: 2.5,
            ...(narrow ? { insetTop: 19, insetBottom: 19 } : {}),
          }),
          Plot.dot(ranges, { y: 'measure', x: 'best', stroke: NATIONAL, strokeWidth: 1.5, r: 6 }),
          Plot.dot(dots, {
            y: 'measure',
            x: 'value',
            fill: (d: ChartRow) => (multi ? provinceStyle(d.unitId as string).colour : INK),
            symbol: (d: ChartRow) => (multi ? provinceStyle(d.unitId as string).symbol : 'circle'),
            r: 4.5,
          }),
        ],
      };
    },
  };
}
