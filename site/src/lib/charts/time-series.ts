/**
 * Charts over the years: a province's score and rank in one index (one line per unit: a 2025 unit gets one line
 * per former province, side by side), and an index's national trend. Every year from the first edition to the
 * last is on the axis and in the data table; a missing year leaves a gap; a break that makes years incomparable ends
 * the line under a shaded band, a break that allows comparison with caution is a thin rule.
 */
import * as Plot from '@observablehq/plot';
import {
  breaksFor,
  editionYears,
  editionsOf,
  headlineMeasure,
  indexDefinition,
  nationalAverage,
  observations,
  unitName,
  unitObservations,
  type Lang,
  type Observation,
  type Unit,
} from '../data';
import { formatScore, formatTick } from '../format';
import { t } from '../i18n';
import { provinceStyle } from './province-style';
import { BAND } from './palette';
import { INK, MUTED, NARROW_WIDTH, type ChartLayout, type ChartRow, type ChartSpec, type LegendItem } from './spec';

function yearRange(index: string): number[] {
  const years = editionYears(index);
  const first = Math.min(...years);
  const last = Math.max(...years);
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

/** Comparability period of a year: how many change-suppressing breaks lie at or before it. */
function period(index: string, measure: string, year: number): number {
  return breaksFor(index, measure).filter((b) => b.suppress_changes && b.year <= year).length;
}

/** The breaks inside a chart's years: not comparable (suppress_changes in raw/<index>/index.json) or comparable with caution. */
function breaksInside(index: string, measure: string, years: number[]) {
  const inside = breaksFor(index, measure).filter((b) => b.year > years[0] && b.year <= years.at(-1)!);
  return {
    notComparable: inside.filter((b) => b.suppress_changes),
    caution: inside.filter((b) => !b.suppress_changes),
  };
}

/** Not comparable: a shaded band between the last year before and the first after (the line stops there).
 * Comparable with caution: a thin rule, and the line goes on. The legend explains both, once. */
function breakMarks(index: string, measure: string, years: number[]): Plot.Markish[] {
  const { notComparable, caution } = breaksInside(index, measure, years);
  return [
    ...(notComparable.length
      ? [Plot.rectX(notComparable, { x1: (b) => b.year - 1, x2: (b) => b.year, fill: BAND, fillOpacity: 0.6 })]
      : []),
    ...(caution.length
      ? [Plot.ruleX(caution, { x: (b) => b.year - 0.5, stroke: MUTED, strokeWidth: 1, strokeOpacity: 0.45 })]
      : []),
  ];
}

function breakLegend(index: string, measure: string, years: number[], lang: Lang): LegendItem[] {
  const { notComparable, caution } = breaksInside(index, measure, years);
  return [
    ...(notComparable.length
      ? [
          {
            label: t(lang)('chart.breakNotComparable'),
            fill: BAND,
            shape: 'band' as const,
          },
        ]
      : []),
    ...(caution.length
      ? [
          {
            label: t(lang)('chart.breakCaution'),
            fill: MUTED,
            shape: 'thin' as const,
          },
        ]
      : []),
  ];
}

function xAxis(years: number[], layout: ChartLayout): Plot.ScaleOptions {
  const step = layout === 'narrow' ? (years.length > 10 ? 4 : years.length > 5 ? 2 : 1) : years.length > 12 ? 2 : 1;
  return {
    domain: [years[0] - 0.5, years.at(-1)! + 0.5],
    ticks: years.filter((y) => (y - years[0]) % step === 0),
    tickFormat: (d: number) => String(d),
    label: null,
  };
}

function breakSentence(index: string, measure: string, years: number[], lang: Lang): string {
  const { notComparable, caution } = breaksInside(index, measure, years);
  const list = (bs: { year: number }[]) => bs.map((b) => b.year).join(', ');
  const tr = t(lang);
  const parts: string[] = [];
  if (notComparable.length) parts.push(tr('chart.breakBandSentence', { years: list(notComparable) }));
  if (caution.length) parts.push(tr('chart.breakRuleSentence', { years: list(caution) }));
  if (!parts.length) return '';
  return ` ${[...parts, tr('chart.gapsSentence')].join(' ')}`;
}

/** A year of the range without a figure: no edition that year, or none that covers this unit yet. */
const noFigure = (lang: Lang) => t(lang)('chart.noFigure');

/** A y domain that never collapses to a point (one value, or all values equal). */
function paddedDomain(values: (number | null)[]): [number, number] | undefined {
  const present = values.filter((v): v is number => v !== null);
  if (!present.length) return undefined;
  const lo = Math.min(...present);
  const hi = Math.max(...present);
  return hi - lo < 1 ? [Math.floor(lo - 1), Math.ceil(hi + 1)] : undefined;
}

interface SeriesInput {
  unit: Unit;
  rows: Observation[];
}

const headlineRowsByKey = new Map<string, Observation[]>();

function headlineRows(index: string, unitId: string): Observation[] {
  const key = `${index}/${unitId}`;
  let rows = headlineRowsByKey.get(key);
  if (!rows) {
    const headline = indexDefinition(index).headline;
    rows = unitObservations(unitId).filter((o) => o.index === index && o.measure === headline);
    headlineRowsByKey.set(key, rows);
  }
  return rows;
}

function seriesOf(index: string, units: Unit[]): SeriesInput[] {
  return units
    .map((unit) => ({ unit, rows: headlineRows(index, unit.unit_id) }))
    .filter((s) => s.rows.some((o) => o.value !== null || o.rank !== null));
}

function legendFor(series: SeriesInput[], multi: boolean, lang: Lang): LegendItem[] {
  if (!multi) return [];
  return series.map((s) => ({
    label: unitName(s.unit, lang),
    fill: provinceStyle(s.unit.unit_id).colour,
    shape: provinceStyle(s.unit.unit_id).symbol,
  }));
}

type Which = 'score' | 'rank';

/** Fewer than this many figures make a sentence, not a near-empty chart. */
const MIN_POINTS = 3;

/** The figures of a series too short to draw, as a sentence ("Vĩnh Phúc, 2021: 89,27%, hạng 5/63."), or null. */
export function shortSeriesSentence(index: string, units: Unit[], lang: Lang): string | null {
  const points = seriesOf(index, units).flatMap((s) =>
    s.rows.filter((o) => o.value !== null || o.rank !== null).map((o) => ({ unit: s.unit, o })),
  );
  if (!points.length || points.length >= MIN_POINTS) return null;
  const def = indexDefinition(index);
  const figures = points
    .sort((a, b) => a.o.year - b.o.year)
    .map(({ unit, o }) => {
      const parts = [
        ...(o.value !== null ? [formatScore(o.value, headlineMeasure(index, o.year).unit, lang)] : []),
        ...(o.rank !== null ? [t(lang)('chart.rankOf', { rank: o.rank, rankOf: o.rank_of })] : []),
      ];
      return `${unitName(unit, lang)}, ${o.year}: ${parts.join(', ')}`;
    });
  return t(lang)(points.length === 1 ? 'chart.tooFewFiguresOne' : 'chart.tooFewFigures', {
    n: points.length,
    index: def.name[lang],
    figures: figures.join('; '),
  });
}

/** Score or rank of one or more units in an index over the years (units side by side, never averaged). */
export function unitSeriesChart(
  index: string,
  subject: Unit,
  units: Unit[],
  which: Which,
  lang: Lang,
): ChartSpec | null {
  const series = seriesOf(index, units);
  if (!series.length) return null;
  const tr = t(lang);
  const def = indexDefinition(index);
  const measure = def.headline;
  const unitKind = headlineMeasure(index).unit;
  const years = yearRange(index);
  const name = unitName(subject, lang);
  const multi = units.length > 1;
  const rows: ChartRow[] = [];
  for (const [i, s] of series.entries()) {
    const byYear = new Map(s.rows.map((o) => [o.year, o]));
    for (const year of years) {
      const o = byYear.get(year);
      const y = which === 'score' ? (o?.value ?? null) : (o?.rank ?? null);
      rows.push({
        series: unitName(s.unit, lang),
        unitId: s.unit.unit_id,
        seriesIndex: i,
        year,
        y,
        of: o?.rank_of ?? null,
        period: period(index, measure, year),
        status: o?.status ?? null,
      });
    }
  }
  const maxRank = Math.max(...series.flatMap((s) => s.rows.map((o) => o.rank_of)));
  // A 2025 unit's page is about its former provinces, and its titles say so.
  const titleKey =
    subject.era === 'merged'
      ? which === 'score'
        ? 'chart.formerScoreTitle'
        : 'chart.formerRankTitle'
      : which === 'score'
        ? 'chart.scoreTrendTitle'
        : 'chart.rankHistoryTitle';
  const title = tr(titleKey, { name, index: def.name[lang] });
  const published = rows.filter((r) => r.y !== null);
  const sides = multi
    ? ` ${tr('chart.sideBySide', { names: series.map((s) => unitName(s.unit, lang)).join(', ') })}`
    : '';
  const seriesKey =
    which === 'score'
      ? published.length === 1
        ? 'chart.scoreSeriesOne'
        : 'chart.scoreSeries'
      : published.length === 1
        ? 'chart.rankSeriesOne'
        : 'chart.rankSeries';
  const description =
    tr(seriesKey, { index: def.name[lang], from: years[0], to: years.at(-1)!, n: published.length }) +
    sides +
    breakSentence(index, measure, years, lang);
  const colour = (r: ChartRow) => (multi ? provinceStyle(r.unitId as string).colour : INK);
  // The drawing is the same in both languages but for these texts (bilingual).
  const yLabel = (l: Lang) =>
    which === 'rank' ? t(l)('chart.rankAxis') : unitKind === 'percent' ? '%' : t(l)('term.score');
  return {
    id: `${subject.unit_id}-${index}-${which}`,
    lang,
    title,
    description,
    legend: [...legendFor(series, multi, lang), ...breakLegend(index, measure, years, lang)],
    columns: [
      ...(multi ? [{ key: 'series', label: tr('term.province'), kind: 'text' as const }] : []),
      { key: 'year', label: tr('term.year'), kind: 'year' },
      which === 'score'
        ? { key: 'y', label: tr('term.score'), kind: unitKind === 'percent' ? 'percent' : 'number' }
        : { key: 'y', label: tr('term.rank'), kind: 'integer' },
      ...(which === 'rank' ? [{ key: 'of', label: tr('chart.outOf'), kind: 'integer' as const }] : []),
    ],
    // Every year of the range, with the reason a year has no figure.
    rows: rows.map((r) => ({
      ...r,
      y: r.y ?? (r.status === 'not-scored' ? tr('chart.notScored') : null),
    })),
    missing: noFigure(lang),
    bilingual: true,
    plot: (layout, text) => ({
      width: layout === 'narrow' ? NARROW_WIDTH : 520,
      height: 240,
      marginTop: 28,
      marginRight: 20,
      marginLeft: 48,
      x: xAxis(years, layout),
      y:
        which === 'rank'
          ? {
              domain: [maxRank, 1],
              label: `↑ ${text(yLabel)}`,
              grid: true,
              ticks: (layout === 'narrow' ? [1, 20, 40, 60] : [1, 10, 20, 30, 40, 50, 60]).filter((v) => v <= maxRank),
            }
          : {
              label: `↑ ${text(yLabel)}`,
              grid: true,
              nice: true,
              zero: false,
              ticks: layout === 'narrow' ? 4 : undefined,
              domain: paddedDomain(rows.map((r) => r.y as number | null)),
              tickFormat: (v: number) => text((l) => formatTick(v, l)),
            },
      marks: [
        ...breakMarks(index, measure, years),
        Plot.line(rows, {
          x: 'year',
          y: 'y',
          z: (r: ChartRow) => `${r.unitId}|${r.period}`,
          stroke: colour,
          strokeWidth: 2,
        }),
        Plot.dot(rows, {
          x: 'year',
          y: 'y',
          fill: colour,
          r: 3.5,
          symbol: (r: ChartRow) => (multi ? provinceStyle(r.unitId as string).symbol : 'circle'),
        }),
      ],
    }),
  };
}

/** An index over the years: every published provincial score as a faint dot, and the national mean where the edition is complete. */
export function indexTrendChart(index: string, lang: Lang): ChartSpec {
  const tr = t(lang);
  const def = indexDefinition(index);
  const measure = def.headline;
  const unitKind = headlineMeasure(index).unit;
  const years = yearRange(index);
  const scores = observations.filter((o) => o.index === index && o.measure === measure && o.value !== null);
  const means: ChartRow[] = years.map((year) => ({
    year,
    mean: nationalAverage(index, year, measure),
    period: period(index, measure, year),
  }));
  const editionByYear = new Map(editionsOf(index).map((e) => [e.year, e]));
  const rows: ChartRow[] = years.map((year) => {
    if (!editionByYear.has(year))
      return { year, mean: noFigure(lang), scored: null, universe: null, min: null, max: null };
    const values = scores.filter((o) => o.year === year).map((o) => o.value!);
    return {
      year,
      mean: nationalAverage(index, year, measure),
      scored: values.length,
      universe: editionByYear.get(year)!.universe_size,
      min: values.length ? Math.min(...values) : null,
      max: values.length ? Math.max(...values) : null,
    };
  });
  const hasMeans = means.some((m) => m.mean !== null);
  const kind = unitKind === 'percent' ? ('percent' as const) : ('number' as const);
  const description =
    tr(hasMeans ? 'chart.nationalTrendWithMean' : 'chart.nationalTrendWithoutMean', { index: def.name[lang] }) +
    breakSentence(index, measure, years, lang);
  return {
    id: `${index}-national-trend`,
    lang,
    title: `${def.name[lang]}: ${tr('index.nationalTrend').toLowerCase()} ${years[0]}–${years.at(-1)!}`,
    description,
    legend: [
      { label: tr('chart.publishedScores'), fill: '#9aa5b1', shape: 'circle' },
      ...(hasMeans ? [{ label: tr('chart.nationalMean'), fill: INK, shape: 'tick' as const }] : []),
      ...breakLegend(index, measure, years, lang),
    ],
    columns: [
      { key: 'year', label: tr('term.year'), kind: 'year' },
      { key: 'mean', label: tr('chart.nationalMean'), kind },
      { key: 'scored', label: tr('term.unitsScored'), kind: 'integer' },
      { key: 'universe', label: tr('chart.unitsInEdition'), kind: 'integer' },
      { key: 'min', label: tr('chart.lowest'), kind },
      { key: 'max', label: tr('chart.highest'), kind },
    ],
    rows,
    plot: (layout) => ({
      width: layout === 'narrow' ? NARROW_WIDTH : 640,
      height: 260,
      marginTop: 28,
      marginLeft: 48,
      marginRight: 24,
      x: xAxis(years, layout),
      y: {
        label: `↑ ${unitKind === 'percent' ? '%' : tr('term.score')}`,
        grid: true,
        nice: true,
        zero: false,
        ticks: layout === 'narrow' ? 4 : undefined,
        tickFormat: (v: number) => formatTick(v, lang),
      },
      marks: [
        ...breakMarks(index, measure, years),
        Plot.dot(scores, { x: 'year', y: 'value', r: 2.5, fill: '#9aa5b1', fillOpacity: 0.6 }),
        ...(hasMeans
          ? [
              Plot.line(means, { x: 'year', y: 'mean', z: 'period', stroke: INK, strokeWidth: 2.5 }),
              Plot.dot(means, { x: 'year', y: 'mean', fill: INK, r: 3.5 }),
            ]
          : []),
      ],
    }),
  };
}
