/** What a chart is: its words, the table of its numbers (shown, and downloadable as CSV) and its Plot options. */
import type * as Plot from '@observablehq/plot';
import type { Lang } from '../data';
import { formatNumber } from '../format';
import { toCsv, type CsvType } from '../../../../pipeline/write/csv';
import { renderPlot, type RenderedSvg } from './render';

export type ColumnKind = 'text' | 'year' | 'integer' | 'number' | 'percent';
export interface ChartColumn {
  key: string;
  label: string;
  kind: ColumnKind;
}
export type ChartRow = Record<string, string | number | null>;
export interface LegendItem {
  label: string;
  fill: string;
  shape?:
    | 'square'
    | 'circle'
    | 'triangle'
    | 'diamond'
    | 'star'
    | 'cross'
    | 'wye'
    | 'ring'
    | 'tick'
    | 'dash'
    | 'thin'
    | 'band'
    | 'hatch'
    | 'dots';
}

export interface ChartSpec {
  id: string;
  lang: Lang;
  title: string;
  description: string;
  columns: ChartColumn[];
  rows: ChartRow[];
  legend?: LegendItem[];
  /** What the table shows for a year without a figure (the CSV leaves it empty); '–' when not given. */
  missing?: string;
  /** Needs the hatch patterns (maps). */
  defs?: boolean;
  /** The Plot options for a layout: drawn again for a phone (narrower, fewer ticks), never a shrunk desktop chart. */
  plot: (layout: ChartLayout) => Plot.PlotOptions;
}

/** wide: the desktop drawing (and the SVG download); narrow: drawn for a 390 px phone, text never under 12 px. */
export type ChartLayout = 'wide' | 'narrow';
export const NARROW_WIDTH = 340;

const rendered = new Map<string, RenderedSvg>();

/** Renders once per build and layout; the page and the SVG download share the wide drawing. */
export function renderChart(spec: ChartSpec, layout: ChartLayout = 'wide'): RenderedSvg {
  const key = `${spec.id}.${spec.lang}.${layout}`;
  let svg = rendered.get(key);
  if (!svg) {
    svg = renderPlot(spec.plot(layout), {
      id: spec.id,
      title: spec.title,
      description: spec.description,
      defs: spec.defs,
    });
    rendered.set(key, svg);
  }
  return svg;
}

export function formatCell(value: string | number | null, kind: ColumnKind, lang: Lang): string {
  if (value === null || value === '') return '–';
  if (typeof value === 'string') return value;
  switch (kind) {
    case 'year':
      return String(value);
    case 'integer':
      return formatNumber(value, lang, 0);
    case 'number':
      return formatNumber(value, lang, 2);
    case 'percent':
      return formatNumber(value, lang, 2) + '%';
    default:
      return String(value);
  }
}

/** The chart's numbers as CSV for people: headers in the page's language, UTF-8 with a byte-order mark for Excel,
 * values as published (no float noise beyond 6 decimals), '.' decimals. */
export function chartCsv(spec: ChartSpec): string {
  const type = (kind: ColumnKind): CsvType =>
    kind === 'text' ? 'text' : kind === 'number' || kind === 'percent' ? 'double' : 'integer';
  const clean = (v: string | number | null | undefined) =>
    typeof v === 'number' && !Number.isInteger(v) ? Number(v.toFixed(6)) : v;
  return toCsv(
    spec.columns.map((c) => ({ name: c.label, type: type(c.kind) })),
    spec.rows.map((row) => spec.columns.map((c) => clean(row[c.key]))),
    { bom: true },
  );
}

export { INK, MUTED } from './palette';
