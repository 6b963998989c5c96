/**
 * Observable Plot at build time: renders into a small DOM (svg-document.ts) and returns two serialisations of the SVG:
 *   inline     for the page: no <style> element (the site stylesheet styles .chart-svg), so a strict
 *              Content-Security-Policy needs no inline styles; role="img" and ARIA links to the caption;
 *   standalone for the download: xmlns, <title>, <desc> and the Plot styles, so it opens on its own.
 * Path coordinates are rounded to 0.1 px: the charts stay sharp and the pages stay light.
 * A drawing whose texts are placeholders (see spec.ts, bilingual charts) is drawn once and filled in per language.
 */
import * as Plot from '@observablehq/plot';
import { escapeText, SvgDocument, type SvgElement } from './svg-document';

const document = new SvgDocument();

export interface RenderedSvg {
  inline: string;
  standalone: string;
  /** For framing (export-frame.ts): the root's attributes, its size, and its content with the Plot styles. */
  attributes: string;
  width: number;
  height: number;
  content: string;
}

/** Plot's drawing, cleaned, before it gets a title and a description. */
export interface Drawing {
  attributes: string;
  css: string;
  body: string;
  width: number;
  height: number;
}

/** Extra SVG definitions (hatch patterns for the map's "no data" classes). */
export const PATTERNS = `<defs>
<pattern id="hatch-not-scored" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#f2f2f2"/><line x1="0" y1="0" x2="0" y2="6" stroke="#555" stroke-width="2"/></pattern>
<pattern id="hatch-rank-only" width="6" height="6" patternUnits="userSpaceOnUse"><rect width="6" height="6" fill="#f2f2f2"/><circle cx="3" cy="3" r="1.2" fill="#555"/></pattern>
</defs>`;

function roundNumbers(text: string): string {
  return text.replace(/-?\d+\.\d+/g, (n) => String(Math.round(Number(n) * 10) / 10));
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Draws with Plot into `into` (the small DOM unless another is given: the tests compare it with a full one). */
export function drawPlot(options: Plot.PlotOptions, id: string, into = document as unknown as Document): Drawing {
  const svg = Plot.plot({
    ...options,
    document: into,
    className: 'plot',
  }) as unknown as SvgElement;
  if (svg.tagName.toLowerCase() !== 'svg')
    throw new Error(`chart ${id}: Plot returned a ${svg.tagName}; give it no title, caption or legend`);
  svg.removeAttribute('style');
  // Text is never smaller than 12 px at the drawing's own size (phones get a drawing of their own width).
  for (const el of [svg, ...svg.querySelectorAll('[font-size]')])
    if (Number(el.getAttribute('font-size')) < 12) el.setAttribute('font-size', '12');
  // The SVG is one image (role="img", described by the caption and the table): its parts carry no ARIA of their own.
  svg.querySelectorAll('[aria-label], [aria-description]').forEach((el) => {
    el.removeAttribute('aria-label');
    el.removeAttribute('aria-description');
  });
  svg.querySelectorAll('[d]').forEach((el) => el.setAttribute('d', roundNumbers(el.getAttribute('d')!)));
  svg
    .querySelectorAll('[transform]')
    .forEach((el) => el.setAttribute('transform', roundNumbers(el.getAttribute('transform')!)));
  const style = svg.querySelector('style');
  const css = style?.textContent ?? '';
  style?.remove();
  return {
    attributes: [...svg.attributes].map((a) => `${a.name}="${escapeXml(a.value)}"`).join(' '),
    css,
    body: svg.innerHTML,
    width: Number(svg.getAttribute('width')),
    height: Number(svg.getAttribute('height')),
  };
}

/** A placeholder for the i-th text of a drawing (private-use characters, which Plot and the serialisation leave alone). */
export const placeholder = (i: number) => `\uE000${i}\uE001`;

/** The drawing with its placeholders replaced by texts, escaped as text. */
export function fillPlaceholders(drawing: Drawing, texts: string[]): Drawing {
  const fill = (s: string) => s.replace(/\uE000(\d+)\uE001/g, (_, i: string) => escapeText(texts[Number(i)]));
  return { ...drawing, attributes: fill(drawing.attributes), body: fill(drawing.body) };
}

export function svgOf(
  drawing: Drawing,
  meta: { id: string; title: string; description: string; defs?: boolean },
): RenderedSvg {
  const { attributes, css, body, width, height } = drawing;
  const defs = meta.defs ? PATTERNS : '';
  const inline = `<svg ${attributes} role="img" aria-labelledby="${meta.id}-title" aria-describedby="${meta.id}-desc">${defs}${body}</svg>`;
  const standalone =
    `<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" ${attributes} role="img">` +
    `<title>${escapeXml(meta.title)}</title><desc>${escapeXml(meta.description)}</desc><style>${css}</style>` +
    `<rect width="100%" height="100%" fill="white"/>${defs}${body}</svg>\n`;
  return { inline, standalone, attributes, width, height, content: `<style>${css}</style>${defs}${body}` };
}
