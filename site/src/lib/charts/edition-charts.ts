/**
 * Charts of one edition: the choropleth map on that year's boundaries, the distribution of headline scores and
 * the regional averages. Units without a published score are never drawn as zero: they get their own classes
 * ("not scored" by the publisher, "rank only", "no data").
 */
import * as Plot from '@observablehq/plot';
import { archipelagoLabels } from './archipelagos';
import * as d3 from 'd3';
import {
  edition,
  editionObservations,
  headlineMeasure,
  indexDefinition,
  nationalAverage,
  regionalAveragesFor,
  unit,
  unitName,
  type Lang,
  type Observation,
} from '../data';
import { formatScore, formatTick } from '../format';
import { boundariesFor } from '../geo';
import { t } from '../i18n';
import { INK, NARROW_WIDTH, type ChartRow, type ChartSpec, type LegendItem } from './spec';

const NO_DATA = '#ffffff';
const NOT_SCORED = 'url(#hatch-not-scored)';
const RANK_ONLY = 'url(#hatch-rank-only)';

const MAP_WIDTH = 320;

/** Height that fits the boundaries at MAP_WIDTH without blank bands. */
function mapHeight(boundaries: d3.ExtendedFeatureCollection): number {
  const projection = d3.geoMercator().fitWidth(MAP_WIDTH - 8, boundaries);
  const [[, y0], [, y1]] = d3.geoPath(projection).bounds(boundaries);
  return Math.ceil(y1 - y0 + 8);
}

export interface MapClass {
  fill: string;
  label: string;
  shape: LegendItem['shape'];
}

/** Value classes: quintiles of the published scores, each break rounded to a round step of the range (so a class
 * reads "45 – 47,5", never "48,00 – 48,06"); ColorBrewer YlGnBu, colour-blind safe. */
function valueClasses(
  values: number[],
  unitKind: 'points' | 'percent',
  lang: Lang,
): { classOf: (v: number) => MapClass; classes: MapClass[] } {
  const sorted = [...values].sort((a, b) => a - b);
  const lo = sorted[0];
  const hi = sorted.at(-1)!;
  const step = lo === hi ? 1 : d3.tickStep(lo, hi, 10);
  const round = (v: number) => Number((Math.round(v / step) * step).toFixed(6));
  const thresholds =
    lo === hi
      ? []
      : [...new Set([0.2, 0.4, 0.6, 0.8].map((p) => round(d3.quantileSorted(sorted, p)!)))].filter(
          (x) => x > lo && x <= hi,
        );
  const count = thresholds.length + 1;
  const colours = count >= 3 ? d3.schemeYlGnBu[Math.min(count, 9)] : ['#7fcdbb', '#2c7fb8'].slice(2 - count);
  const fmt = (v: number) => formatTick(v, lang) + (unitKind === 'percent' ? '%' : '');
  const label = (i: number) => {
    if (count === 1) return formatScore(lo, unitKind, lang);
    if (i === 0) return `< ${fmt(thresholds[0])}`;
    if (i === count - 1) return `≥ ${fmt(thresholds[i - 1])}`;
    return `${fmt(thresholds[i - 1])} – ${fmt(thresholds[i])}`;
  };
  const classes = colours.map((fill, i): MapClass => ({ fill, label: label(i), shape: 'square' }));
  return { classOf: (v) => classes[d3.bisectRight(thresholds, v)], classes };
}

/** How the map classes a unit's figure, in a language: by value, or a class of its own without a score. */
function mapClassifier(values: number[], unitKind: 'points' | 'percent', lang: Lang) {
  const tr = t(lang);
  const { classOf, classes } = values.length
    ? valueClasses(values, unitKind, lang)
    : { classOf: () => undefined, classes: [] as MapClass[] };
  const special = {
    notScored: { fill: NOT_SCORED, label: tr('ranking.notScored'), shape: 'hatch' as const },
    rankOnly: { fill: RANK_ONLY, label: tr('chart.rankOnly'), shape: 'dots' as const },
    noData: { fill: NO_DATA, label: tr('chart.noData'), shape: 'square' as const },
  };
  const classFor = (o: Observation | undefined): MapClass => {
    if (o?.value !== null && o?.value !== undefined) return classOf(o.value)!;
    if (o?.status === 'not-scored') return special.notScored;
    if (o?.rank !== null && o?.rank !== undefined) return special.rankOnly;
    return special.noData;
  };
  return { classes, special, classFor };
}

function headline(index: string, year: number): Observation[] {
  const measure = indexDefinition(index).headline;
  return editionObservations(index, year).filter((o) => o.measure === measure);
}

export function editionMapChart(index: string, year: number, lang: Lang): ChartSpec {
  const tr = t(lang);
  const def = indexDefinition(index);
  const e = edition(index, year);
  const unitKind = headlineMeasure(index, year).unit;
  const rows = headline(index, year);
  const byUnit = new Map(rows.map((o) => [o.unit_id, o]));
  const values = rows.filter((o) => o.value !== null).map((o) => o.value!);
  const classifiers = { vi: mapClassifier(values, unitKind, 'vi'), en: mapClassifier(values, unitKind, 'en') };
  const { classes, special, classFor } = classifiers[lang];
  const boundaries = boundariesFor(e.unit_set);
  const used = new Set<MapClass>();
  const tableRows: ChartRow[] = [];
  /** A province's tooltip: its score, rank or class. */
  const titleOf = (id: string, l: Lang) => {
    const o = byUnit.get(id);
    const details: string[] = [];
    if (o?.value != null) details.push(formatScore(o.value, unitKind, l));
    if (o?.rank) details.push(`${t(l)('term.rank').toLowerCase()} ${o.rank}/${o.rank_of}`);
    if (o?.value == null) details.push(classifiers[l].classFor(o).label.toLowerCase());
    return `${unitName(unit(id), l)}: ${details.join(', ')}`;
  };
  const fills = new Map<string, string>();
  for (const f of boundaries.features) {
    const id = f.properties.unit_id;
    const o = byUnit.get(id);
    const c = classFor(o);
    used.add(c);
    fills.set(id, c.fill);
    tableRows.push({
      province: unitName(unit(id), lang),
      value: o?.value ?? null,
      rank: o?.rank ?? null,
      class: c.label,
    });
  }
  // Units with data but no polygon of their own (Hà Tây, inside Hà Nội's 2008 boundary).
  const drawn = new Set(boundaries.features.map((f) => f.properties.unit_id));
  const undrawn = rows.filter((o) => !drawn.has(o.unit_id) && (o.value !== null || o.rank !== null));
  for (const o of undrawn)
    tableRows.push({
      province: unitName(o, lang),
      value: o.value,
      rank: o.rank,
      class: tr('chart.noBoundary'),
    });
  tableRows.sort((a, b) => String(a.province).localeCompare(String(b.province), lang));
  const legend: LegendItem[] = [...classes, special.rankOnly, special.notScored, special.noData].filter((c) =>
    used.has(c),
  );
  const count = boundaries.features.length;
  const missing = count - rows.filter((o) => o.value !== null && drawn.has(o.unit_id)).length;
  const description =
    tr('chart.mapDescription', { count, year, index: def.name[lang] }) +
    (missing ? ` ${tr('chart.mapMissing', { n: missing })}` : '') +
    (undrawn.length ? ` ${tr('chart.mapUndrawn', { names: undrawn.map((o) => unitName(o, lang)).join(', ') })}` : '');
  return {
    id: `${index}-${year}-map`,
    lang,
    title: tr('chart.mapTitle', { index: def.name[lang], year }),
    description,
    legend,
    defs: true,
    columns: [
      { key: 'province', label: tr('term.province'), kind: 'text' },
      { key: 'value', label: tr('term.score'), kind: unitKind === 'percent' ? 'percent' : 'number' },
      { key: 'rank', label: tr('term.rank'), kind: 'integer' },
      { key: 'class', label: tr('chart.mapClass'), kind: 'text' },
    ],
    rows: tableRows,
    oneLayout: true,
    bilingual: true,
    plot: (_layout, text) => ({
      width: MAP_WIDTH,
      height: mapHeight(boundaries),
      projection: { type: 'mercator', domain: boundaries, inset: 4 },
      marks: [
        Plot.geo(boundaries, {
          fill: (f) => fills.get(f.properties.unit_id),
          stroke: '#666',
          strokeWidth: 0.4,
          title: (f) => text((l) => titleOf(f.properties.unit_id, l)),
        }),
        ...archipelagoLabels(text),
      ],
    }),
  };
}

export function editionDistributionChart(index: string, year: number, lang: Lang): ChartSpec | null {
  const tr = t(lang);
  const def = indexDefinition(index);
  const e = edition(index, year);
  const unitKind = headlineMeasure(index, year).unit;
  const scored = headline(index, year).filter((o) => o.value !== null);
  if (!scored.length) return null;
  const mean = nationalAverage(index, year, def.headline);
  const fmt = (v: number) => formatScore(v, unitKind, lang);
  const rows: ChartRow[] = scored
    .map((o) => ({ province: unitName(o, lang), value: o.value, rank: o.rank, unitId: o.unit_id }))
    .sort((a, b) => (b.value as number) - (a.value as number));
  const observationOf = new Map(scored.map((o) => [o.unit_id, o]));
  const description =
    tr('chart.distributionDescription', {
      index: def.name[lang],
      year,
      scored: scored.length,
      universe: e.universe_size,
      min: fmt(rows.at(-1)!.value as number),
      max: fmt(rows[0].value as number),
    }) + (mean !== null ? ` ${tr('chart.distributionMean', { mean: fmt(mean) })}` : '');
  return {
    id: `${index}-${year}-distribution`,
    lang,
    title: tr('chart.distributionTitle', { index: def.name[lang], year }),
    description,
    legend: mean !== null ? [{ label: tr('chart.nationalMean'), fill: INK, shape: 'tick' }] : undefined,
    columns: [
      { key: 'province', label: tr('term.province'), kind: 'text' },
      { key: 'value', label: tr('term.score'), kind: unitKind === 'percent' ? 'percent' : 'number' },
      { key: 'rank', label: tr('term.rank'), kind: 'integer' },
    ],
    rows,
    // The drawing is the same in both languages but for the texts given through `text`.
    bilingual: true,
    plot: (layout, text) => ({
      width: layout === 'narrow' ? NARROW_WIDTH : 640,
      height: scored.length > 20 ? (layout === 'narrow' ? 260 : 200) : 120,
      marginLeft: 24,
      marginRight: 24,
      marginBottom: 36,
      x: {
        label: `${text((l) => (unitKind === 'percent' ? '%' : t(l)('term.score')))} →`,
        nice: true,
        ticks: layout === 'narrow' ? 4 : undefined,
        tickFormat: (v: number) => text((l) => formatTick(v, l)),
      },
      marks: [
        Plot.dotX(
          rows,
          Plot.dodgeY({
            x: 'value',
            r: layout === 'narrow' ? 3 : 4,
            fill: '#2c7fb8',
            stroke: 'white',
            strokeWidth: 0.5,
            title: (r: ChartRow) =>
              text(
                (l) =>
                  `${unitName(observationOf.get(r.unitId as string)!, l)}: ${formatScore(r.value as number, unitKind, l)}`,
              ),
          }),
        ),
        ...(mean !== null ? [Plot.ruleX([mean], { stroke: INK, strokeWidth: 2 })] : []),
      ],
    }),
  };
}

export function regionalAveragesChart(index: string, year: number, lang: Lang): ChartSpec | null {
  const tr = t(lang);
  const def = indexDefinition(index);
  const unitKind = headlineMeasure(index, year).unit;
  const averages = regionalAveragesFor(index, year, def.headline);
  if (!averages.length) return null;
  const rows: ChartRow[] = averages
    .map((r) => ({
      area: r[`area_name_${lang}`],
      mean: r.mean_value,
      scored: r.units_scored,
      units: r.units,
      national: r.area_id === 'national' ? 1 : 0,
    }))
    .sort((a, b) => (b.mean as number) - (a.mean as number));
  const fmt = (v: number) => formatScore(v, unitKind, lang);
  const kind = unitKind === 'percent' ? ('percent' as const) : ('number' as const);
  return {
    id: `${index}-${year}-regions`,
    lang,
    title: tr('chart.regionsTitle', { index: def.name[lang], year }),
    description: tr('chart.regionsDescription', {
      index: def.name[lang],
      area: String(rows[0].area),
      mean: fmt(rows[0].mean as number),
    }),
    columns: [
      { key: 'area', label: tr('term.area'), kind: 'text' },
      { key: 'mean', label: tr('term.mean'), kind },
      { key: 'scored', label: tr('term.unitsScored'), kind: 'integer' },
      { key: 'units', label: tr('chart.unitsInArea'), kind: 'integer' },
    ],
    rows,
    plot: (layout) => {
      const narrow = layout === 'narrow';
      const values = rows.map((r) => r.mean as number);
      const lo = Math.min(...values);
      const hi = Math.max(...values);
      const pad = (hi - lo) * 0.6 || 1;
      return {
        // On a phone each area's name goes above its bar instead of in a wide left margin.
        width: narrow ? NARROW_WIDTH : 640,
        height: (narrow ? 46 : 30) * rows.length + 40,
        marginLeft: narrow ? 4 : 250,
        marginRight: 60,
        x: { domain: [Math.max(0, lo - pad), hi + pad * 0.3], label: null, axis: null },
        y: {
          label: null,
          domain: rows.map((r) => r.area as string),
          tickSize: 0,
          ...(narrow ? { axis: null, paddingInner: 0.45, align: 1 } : {}),
        },
        marks: [
          ...(narrow
            ? [
                Plot.text(rows, {
                  y: 'area',
                  text: 'area',
                  frameAnchor: 'left',
                  textAnchor: 'start',
                  dy: -17,
                  fill: INK,
                }),
              ]
            : []),
          Plot.barX(rows, {
            y: 'area',
            x1: Math.max(0, lo - pad),
            x2: 'mean',
            fill: (r: ChartRow) => (r.national ? INK : '#2c7fb8'),
          }),
          Plot.text(rows, {
            y: 'area',
            x: 'mean',
            text: (r: ChartRow) => fmt(r.mean as number),
            dx: 4,
            textAnchor: 'start',
            fill: INK,
          }),
        ],
      };
    },
  };
}
