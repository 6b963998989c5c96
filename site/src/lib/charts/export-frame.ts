/**
 * The frame of every downloadable chart and map (SVG, and the PNG drawn from it): a title, a subtitle, the chart,
 * its legend and a footer with the source, "chiso", the page's address and the licence, so that the image
 * carries its credit wherever it travels (as Our World in Data's exports do). Two sizes: the chart's own, and
 * 16:9 (1280 × 720) for articles. frameChart is the one entry point; the compare page uses it too.
 */
import type { RenderedSvg } from './render';
import { swatchMarkup } from './legend-swatch';
import type { LegendItem } from './spec';

export interface FrameText {
  title: string;
  subtitle?: string;
  legend?: LegendItem[];
  /** Who published the figures, press-style: "PAPI 2021, CECODES–VFF-CRT–RTA–UNDP, công bố 10/5/2022". */
  source: string;
  /** The credit line in the chart's language (chart.frameFooter): the source, chiso, the page's address, the licence. */
  footer: string;
}

export type FrameSize = 'natural' | '16:9';

/** Noto Sans for the text and Noto Sans Math for the symbols it lacks (↑ → ≥); the PNG export embeds both. */
export const EXPORT_FONT =
  "'Noto Sans', 'Noto Sans Math', system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif";
const PAD = 24;

const escape = (t: string) =>
  t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Greedy line breaking by an average glyph width (0.55 em), enough for titles and footers. */
export function wrapText(text: string, fontSize: number, width: number, maxLines = 3): string[] {
  const perLine = Math.max(10, Math.floor(width / (fontSize * 0.55)));
  const lines: string[] = [];
  let line = '';
  // A no-break space keeps its words on one line ("CC\u00a0BY\u00a04.0"); it is drawn as a space.
  for (const word of text.split(/[^\S\u00a0]+/)) {
    if ((line + ' ' + word).trim().length > perLine && line) {
      lines.push(line);
      line = word;
    } else line = (line + ' ' + word).trim();
  }
  if (line) lines.push(line);
  if (lines.length > maxLines) {
    lines.length = maxLines;
    lines[maxLines - 1] = lines[maxLines - 1].replace(/\s*\S*$/, ' …');
  }
  return lines.map((l) => l.replaceAll('\u00a0', ' '));
}

function textLines(lines: string[], x: number, y: number, size: number, lineHeight: number, attrs = ''): string {
  return lines
    .map((l, i) => `<text x="${x}" y="${y + i * lineHeight}" font-size="${size}"${attrs}>${escape(l)}</text>`)
    .join('');
}

function swatch(item: LegendItem, x: number, y: number): string {
  return `<g transform="translate(${x - 1},${y - 11})">${swatchMarkup(item, item.fill)}</g>`;
}

/** Lays the legend out in rows; returns the SVG and its height. */
function legendRows(items: LegendItem[], x: number, y: number, width: number): { svg: string; height: number } {
  let cx = x;
  let cy = y;
  let svg = '';
  for (const item of items) {
    const w = 20 + item.label.length * 13 * 0.55 + 16;
    if (cx + w > x + width && cx > x) {
      cx = x;
      cy += 20;
    }
    svg += swatch(item, cx, cy) + `<text x="${cx + 18}" y="${cy}" font-size="13">${escape(item.label)}</text>`;
    cx += w;
  }
  return { svg, height: items.length ? cy - y + 20 : 0 };
}

/** The framed, standalone SVG of a rendered chart. */
export function frameChart(
  chart: Pick<RenderedSvg, 'attributes' | 'width' | 'height' | 'content'>,
  text: FrameText,
  size: FrameSize = 'natural',
): string {
  const width = size === '16:9' ? 1280 : Math.max(chart.width + 2 * PAD, 640);
  const inner = width - 2 * PAD;
  const k = size === '16:9' ? 1.4 : 1;
  const titleSize = 20 * k;
  const [subSize, subStep, footSize, footStep] = [14 * k, 19 * k, 12 * k, 16 * k];
  const title = wrapText(text.title, titleSize, inner, 2);
  const subtitle = text.subtitle ? wrapText(text.subtitle, subSize, inner, 3) : [];
  const footer = wrapText(text.footer, footSize, inner, 3);
  let y = PAD + titleSize;
  const head =
    textLines(title, PAD, y, titleSize, titleSize * 1.25, ' font-weight="700" fill="#1f2933"') +
    textLines(
      subtitle,
      PAD,
      y + title.length * titleSize * 1.25 - titleSize * 0.25 + subSize,
      subSize,
      subStep,
      ' fill="#52606d"',
    );
  y += (title.length - 1) * titleSize * 1.25 + (subtitle.length ? subtitle.length * subStep + 8 : 0) + 20;
  const legendProbe = legendRows(text.legend ?? [], PAD, 0, inner);
  const footerHeight = footer.length * footStep + 12;
  let chartWidth = chart.width;
  let chartHeight = chart.height;
  let height: number;
  if (size === '16:9') {
    height = 720;
    const available = height - y - legendProbe.height - footerHeight - PAD - 8;
    const scale = Math.min(inner / chart.width, available / chart.height);
    chartWidth = chart.width * scale;
    chartHeight = chart.height * scale;
  } else {
    height = Math.ceil(y + chart.height + 8 + legendProbe.height + footerHeight + PAD);
  }
  const chartX = PAD + (inner - chartWidth) / 2;
  const chartSvg = `<svg ${chart.attributes.replace(/\b(width|height|viewBox|font-family)="[^"]*"\s*/g, '')} x="${chartX.toFixed(1)}" y="${y.toFixed(1)}" width="${chartWidth.toFixed(1)}" height="${chartHeight.toFixed(1)}" viewBox="0 0 ${chart.width} ${chart.height}">${chart.content}</svg>`;
  const legendY = y + chartHeight + 8 + 14;
  const legend = legendRows(text.legend ?? [], PAD, legendY, inner);
  const footerY = height - PAD - (footer.length - 1) * footStep;
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${EXPORT_FONT}">` +
    `<title>${escape(text.title)}</title><desc>${escape([text.subtitle, text.source].filter(Boolean).join(' · '))}</desc>` +
    `<rect width="100%" height="100%" fill="#ffffff"/>${head}${chartSvg}<g fill="#1f2933">${legend.svg}</g>` +
    `<line x1="${PAD}" x2="${width - PAD}" y1="${footerY - footSize - 8}" y2="${footerY - footSize - 8}" stroke="#d5dae0"/>` +
    textLines(footer, PAD, footerY, footSize, footStep, ' fill="#52606d"') +
    '</svg>\n'
  );
}
