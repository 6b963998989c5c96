/** What a chart is: its words, the table of its numbers (shown, and downloadable as CSV) and its Plot options. */
import type * as Plot from '@observablehq/plot';
import type { Lang } from '../data';
import { formatNumber } from '../format';
import { toCsv, type CsvType } from '../../../../pipeline/write/csv';
import { drawPlot, fillPlaceholders, placeholder, svgOf, type Drawing, type RenderedSvg } from './render';

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
  /** The chart's own marker as an SVG path centred on 0,0 (the compare page's per-province markers). */
  symbol?: string;
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
  /** The Plot options for a layout: drawn again for a phone (narrower, fewer ticks), never a shrunk desktop chart.
   * A bilingual chart gives every text that depends on the language through `text`. */
  plot: (layout: ChartLayout, text: ChartText) => Plot.PlotOptions;
  /** The drawing is the same at both layouts (drawn once). */
  oneLayout?: boolean;
  /** The drawings in the two languages differ only in the texts given through `text` (nothing else in `plot`
   * depends on the language, and Plot wraps none of these texts): drawn once, with the texts filled in. */
  bilingual?: boolean;
}

/** A text of the drawing, given for each language. */
export type ChartText = (byLang: (lang: Lang) => string) => string;

/** wide: the desktop drawing (and the SVG download); narrow: drawn for a 390 px phone, text never under 12 px. */
export type ChartLayout = 'wide' | 'narrow';
export const NARROW_WIDTH = 340;

const drawings = new Map<string, Drawing>();
const rendered = new Map<string, RenderedSvg>();
const bilingualDrawings = new Map<string, { drawing: Drawing; texts: Record<Lang, string>[] }>();

function bilingualDrawing(spec: ChartSpec, layout: ChartLayout) {
  const key = `${spec.id}.${layout}`;
  let found = bilingualDrawings.get(key);
  if (!found) {
    const texts: Record<Lang, string>[] = [];
    const options = spec.plot(layout, (byLang) => placeholder(texts.push({ vi: byLang('vi'), en: byLang('en') }) - 1));
    found = { drawing: drawPlot(options, spec.id), texts };
    bilingualDrawings.set(key, found);
  }
  return found;
}

/** The key of a chart's drawing at a layout (a one-layout chart has only the wide one). */
const drawingKey = (spec: ChartSpec, layout: ChartLayout) =>
  `${spec.id}.${spec.lang}.${spec.oneLayout ? 'wide' : layout}`;

/**
 * Waits for the chart's drawings made beforehand for this build by the download files process
 * (site/integrations/download-files.mjs), when there is one: pages wait for them instead of drawing the same charts
 * again. A chart missing from them, or a build without that process, is drawn here.
 */
export async function chartDrawnBeforehand(spec: ChartSpec): Promise<void> {
  const handed = (globalThis as { chisoChartDrawing?: (key: string) => Promise<Drawing | undefined> })
    .chisoChartDrawing;
  if (!handed) return;
  for (const layout of ['wide', 'narrow'] as const) {
    const key = drawingKey(spec, layout);
    if (drawings.has(key)) continue;
    const drawing = await handed(key);
    if (drawing) drawings.set(key, drawing);
  }
}

/** Every drawing made so far in this process, in the order drawn, to hand over to the pages (see chartDrawnBeforehand). */
export const drawnCharts = (): [string, Drawing][] => [...drawings];

function drawingOf(spec: ChartSpec, layout: ChartLayout, key: string): Drawing {
  let drawing = drawings.get(key);
  if (!drawing) {
    if (spec.bilingual) {
      const { drawing: shared, texts } = bilingualDrawing(spec, layout);
      drawing = fillPlaceholders(
        shared,
        texts.map((t) => t[spec.lang]),
      );
    } else
      drawing = drawPlot(
        spec.plot(layout, (byLang) => byLang(spec.lang)),
        spec.id,
      );
    drawings.set(key, drawing);
  }
  return drawing;
}

/** Renders once per build and layout; the page and the SVG download share the wide drawing. */
export function renderChart(spec: ChartSpec, layout: ChartLayout = 'wide'): RenderedSvg {
  const drawn = spec.oneLayout ? 'wide' : layout;
  const key = drawingKey(spec, layout);
  let svg = rendered.get(key);
  if (!svg) {
    const meta = { id: spec.id, title: spec.title, description: spec.description, defs: spec.defs };
    svg = svgOf(drawingOf(spec, drawn, key), meta);
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
