/**
 * Charts over the years: a province's score and rank in one index (one line per unit: a 2025 unit gets one line
 * per former province, side by side), and an index's national trend. Every year from the first edition to the
 * last is on the axis; a missing year leaves a gap, a comparability break that stops comparisons ends the line,
 * and every break is marked with a dashed rule.
 */
import * as Plot from '@observablehq/plot';
import {
  breaksFor, editionYears, editionsOf, headlineMeasure, indexDefinition, nationalAverage, observations, unitName,
  type Lang, type Observation, type Unit,
} from '../data';
import { formatTick } from '../format';
import { t } from '../i18n';
import { INK, MUTED, SERIES_COLOURS, SERIES_SYMBOLS, type ChartRow, type ChartSpec, type LegendItem } from './spec';

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

function breakMarks(index: string, measure: string, years: number[], lang: Lang): Plot.Markish[] {
  const inside = breaksFor(index, measure).filter((b) => b.year > years[0] && b.year <= years.at(-1)!);
  if (!inside.length) return [];
  const label = breakLabel(lang);
  // Labels only where they cannot collide; the legend always explains the dashed rules.
  const spaced = inside.every((b, i) => i === 0 || b.year - inside[i - 1].year >= 4);
  return [
    Plot.ruleX(inside, { x: (b) => b.year - 0.5, stroke: MUTED, strokeDasharray: '4,3' }),
    ...(spaced ? [Plot.text(inside, { x: (b) => b.year - 0.5, frameAnchor: 'top', dy: -14, text: () => label, fill: '#555', fontSize: 10, textAnchor: 'middle' })] : []),
  ];
}

const breakLabel = (lang: Lang) => (lang === 'vi' ? 'đổi phương pháp' : 'method change');

function breakLegend(index: string, measure: string, years: number[], lang: Lang): LegendItem[] {
  const any = breaksFor(index, measure).some((b) => b.year > years[0] && b.year <= years.at(-1)!);
  return any ? [{ label: breakLabel(lang), fill: MUTED, shape: 'dash' }] : [];
}

function xAxis(years: number[]): Plot.ScaleOptions {
  const step = years.length > 12 ? 2 : 1;
  return { domain: [years[0] - 0.5, years.at(-1)! + 0.5], ticks: years.filter((y) => (y - years[0]) % step === 0), tickFormat: (d: number) => String(d), label: null };
}

function breakSentence(index: string, measure: string, years: number[], lang: Lang): string {
  const inside = breaksFor(index, measure).filter((b) => b.year > years[0] && b.year <= years.at(-1)!);
  if (!inside.length) return '';
  const list = inside.map((b) => b.year).join(', ');
  return lang === 'vi'
    ? ` Đường nét đứt đánh dấu năm phương pháp thay đổi (${list}); năm không có số liệu để trống, không nối đường qua.`
    : ` Dashed rules mark methodology changes (${list}); years without data are left as gaps, never joined.`;
}

/** A y domain that never collapses to a point (one value, or all values equal). */
function paddedDomain(values: (number | null)[]): [number, number] | undefined {
  const present = values.filter((v): v is number => v !== null);
  if (!present.length) return undefined;
  const lo = Math.min(...present);
  const hi = Math.max(...present);
  return hi - lo < 1 ? [Math.floor(lo - 1), Math.ceil(hi + 1)] : undefined;
}

interface SeriesInput { unit: Unit; rows: Observation[] }

function headlineRows(index: string, unitId: string): Observation[] {
  const headline = indexDefinition(index).headline;
  return observations.filter((o) => o.index === index && o.unit_id === unitId && o.measure === headline);
}

/** Whether a unit has any published headline figure (score or rank) in an index. */
export function hasSeries(index: string, unitId: string): boolean {
  return headlineRows(index, unitId).some((o) => o.value !== null || o.rank !== null);
}

function seriesOf(index: string, units: Unit[]): SeriesInput[] {
  return units.map((unit) => ({ unit, rows: headlineRows(index, unit.unit_id) })).filter((s) => s.rows.some((o) => o.value !== null || o.rank !== null));
}

function legendFor(series: SeriesInput[], multi: boolean, lang: Lang): LegendItem[] {
  if (!multi) return [];
  return series.map((s, i) => ({ label: unitName(s.unit, lang), fill: SERIES_COLOURS[i], shape: SERIES_SYMBOLS[i] }));
}

type Which = 'score' | 'rank';

/** Score or rank of one or more units in an index over the years (units side by side, never averaged). */
export function unitSeriesChart(index: string, subject: Unit, units: Unit[], which: Which, lang: Lang): ChartSpec | null {
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
      const y = which === 'score' ? o?.value ?? null : o?.rank ?? null;
      rows.push({ series: unitName(s.unit, lang), seriesIndex: i, year, y, of: o?.rank_of ?? null, period: period(index, measure, year), status: o?.status ?? null });
    }
  }
  const tableRows = rows.filter((r) => r.y !== null || r.status === 'not-scored');
  const maxRank = Math.max(...series.flatMap((s) => s.rows.map((o) => o.rank_of)));
  const title = which === 'score'
    ? (lang === 'vi' ? `${tr('scoreTrend')} ${def.name.vi}: ${name}` : `${def.name.en} ${tr('scoreTrend').toLowerCase()}: ${name}`)
    : (lang === 'vi' ? `${tr('rankHistory')} ${def.name.vi}: ${name}` : `${def.name.en} ${tr('rankHistory').toLowerCase()}: ${name}`);
  const published = rows.filter((r) => r.y !== null);
  const sides = multi ? (lang === 'vi' ? ` Mỗi tỉnh một đường, vẽ cạnh nhau: ${series.map((s) => unitName(s.unit, lang)).join(', ')}.` : ` One line per province, side by side: ${series.map((s) => unitName(s.unit, lang)).join(', ')}.`) : '';
  const description = (lang === 'vi'
    ? `${which === 'score' ? 'Điểm' : 'Thứ hạng'} ${def.name.vi} từ ${years[0]} đến ${years.at(-1)!}; có số liệu ở ${published.length} điểm năm.`
    : `${def.name.en} ${which} from ${years[0]} to ${years.at(-1)!}; ${published.length} ${published.length === 1 ? 'data point' : 'data points'}.`) + sides + breakSentence(index, measure, years, lang);
  const colour = (r: ChartRow) => (multi ? SERIES_COLOURS[r.seriesIndex as number] : INK);
  const yLabel = which === 'rank' ? (lang === 'vi' ? '↑ Hạng (1 = cao nhất)' : '↑ Rank (1 = best)') : `↑ ${unitKind === 'percent' ? '%' : tr('score')}`;
  return {
    id: `${subject.unit_id}-${index}-${which}`,
    lang, title, description,
    legend: [...legendFor(series, multi, lang), ...breakLegend(index, measure, years, lang)],
    columns: [
      ...(multi ? [{ key: 'series', label: tr('province'), kind: 'text' as const }] : []),
      { key: 'year', label: tr('year'), kind: 'year' },
      which === 'score'
        ? { key: 'y', label: tr('score'), kind: unitKind === 'percent' ? 'percent' : 'number' }
        : { key: 'y', label: tr('rank'), kind: 'integer' },
      ...(which === 'rank' ? [{ key: 'of', label: lang === 'vi' ? 'Trên tổng số' : 'Out of', kind: 'integer' as const }] : []),
    ],
    rows: tableRows.map((r) => ({ ...r, y: r.y ?? (lang === 'vi' ? 'không được chấm điểm' : 'not scored') })),
    plot: () => ({
      width: 520, height: 240, marginTop: 28, marginRight: 20, marginLeft: 48,
      x: xAxis(years),
      y: which === 'rank'
        ? { domain: [maxRank, 1], label: yLabel, grid: true, ticks: [1, 10, 20, 30, 40, 50, 60].filter((v) => v <= maxRank) }
        : { label: yLabel, grid: true, nice: true, zero: false, domain: paddedDomain(rows.map((r) => r.y as number | null)), tickFormat: (v: number) => formatTick(v, lang) },
      marks: [
        ...breakMarks(index, measure, years, lang),
        Plot.line(rows, { x: 'year', y: 'y', z: (r: ChartRow) => `${r.series}|${r.period}`, stroke: colour, strokeWidth: 2 }),
        Plot.dot(rows, { x: 'year', y: 'y', fill: colour, r: 3.5, symbol: (r: ChartRow) => (multi ? SERIES_SYMBOLS[r.seriesIndex as number] : 'circle') }),
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
  const means: ChartRow[] = years.map((year) => ({ year, mean: nationalAverage(index, year, measure), period: period(index, measure, year) }));
  const editionByYear = new Map(editionsOf(index).map((e) => [e.year, e]));
  const rows: ChartRow[] = years.filter((y) => editionByYear.has(y)).map((year) => {
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
  const kind = unitKind === 'percent' ? 'percent' as const : 'number' as const;
  const description = (lang === 'vi'
    ? `Mỗi chấm mờ là điểm ${def.name.vi} công bố của một tỉnh; ${hasMeans ? 'đường đậm là bình quân không trọng số của các tỉnh trong những năm có đủ điểm của mọi tỉnh.' : 'chưa có năm nào đủ điểm của mọi tỉnh nên không có đường bình quân.'}`
    : `Each faint dot is one province's published ${def.name.en} score; ${hasMeans ? 'the dark line is the unweighted mean of the provinces in years when every province was scored.' : 'no year has scores for every province, so there is no mean line.'}`) + breakSentence(index, measure, years, lang);
  return {
    id: `${index}-national-trend`,
    lang,
    title: lang === 'vi' ? `${def.name.vi}: ${tr('nationalTrend').toLowerCase()} ${years[0]}–${years.at(-1)!}` : `${def.name.en}: ${tr('nationalTrend').toLowerCase()} ${years[0]}–${years.at(-1)!}`,
    description,
    legend: [
      { label: tr('publishedScores'), fill: '#9aa5b1', shape: 'circle' },
      ...(hasMeans ? [{ label: tr('nationalMean'), fill: INK, shape: 'tick' as const }] : []),
      ...breakLegend(index, measure, years, lang),
    ],
    columns: [
      { key: 'year', label: tr('year'), kind: 'year' },
      { key: 'mean', label: tr('nationalMean'), kind },
      { key: 'scored', label: tr('unitsScored'), kind: 'integer' },
      { key: 'universe', label: lang === 'vi' ? 'Tổng số tỉnh' : 'Provinces in edition', kind: 'integer' },
      { key: 'min', label: lang === 'vi' ? 'Thấp nhất' : 'Lowest', kind },
      { key: 'max', label: lang === 'vi' ? 'Cao nhất' : 'Highest', kind },
    ],
    rows,
    plot: () => ({
      width: 640, height: 260, marginTop: 28, marginLeft: 48, marginRight: 24,
      x: xAxis(years),
      y: { label: `↑ ${unitKind === 'percent' ? '%' : tr('score')}`, grid: true, nice: true, zero: false, tickFormat: (v: number) => formatTick(v, lang) },
      marks: [
        ...breakMarks(index, measure, years, lang),
        Plot.dot(scores, { x: 'year', y: 'value', r: 2.5, fill: '#9aa5b1', fillOpacity: 0.6 }),
        ...(hasMeans ? [
          Plot.line(means, { x: 'year', y: 'mean', z: 'period', stroke: INK, strokeWidth: 2.5 }),
          Plot.dot(means, { x: 'year', y: 'mean', fill: INK, r: 3.5 }),
        ] : []),
      ],
    }),
  };
}

