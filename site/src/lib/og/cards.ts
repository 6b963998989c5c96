/**
 * The social preview (og:image) of province, edition and index pages: 1200 × 630, the headline figures with their
 * source, and a map that names the archipelagos. Drawn as SVG here and rasterised at build time (raster.ts).
 */
import * as d3 from 'd3';
import { editionsOf, headlineMeasure, indexDefinition, unit, unitName, type Lang } from '../data';
import { boundariesFor } from '../geo';
import { editionMapChart } from '../charts/edition-charts';
import { chartDrawnBeforehand, renderChart } from '../charts/spec';
import { coverage } from '../coverage';
import { formatScore, formatScoreWithUnit } from '../format';
import { t } from '../i18n';
import { pressSource } from '../quotes';
import { ranking } from '../ranking';
import { latestHeadlines } from '../province';
import { ARCHIPELAGOS } from '../charts/archipelagos';
import { wrapText } from '../charts/export-frame';
import type { PageKey } from '../routes';

export const OG_WIDTH = 1200;
export const OG_HEIGHT = 630;
const FONT = "'Noto Sans', sans-serif";
/** librsvg lays text out a quarter faster so (20.6 ms a card against 25.2, measured), still antialiased: the glyphs
 * sit slightly differently (4 % of the pixels of a text block differ), which looked no worse at 4× zoom. */
const TEXT_RENDERING = 'optimizeSpeed';
const MAP_BOX = { x: 810, y: 100, w: 340, h: 440 };

const esc = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const lines = (list: string[], x: number, y: number, size: number, step: number, attrs = '') =>
  list.map((l, i) => `<text x="${x}" y="${y + i * step}" font-size="${size}"${attrs}>${esc(l)}</text>`).join('');

const TITLE_WIDTH = 720;
const BODY_SIZE = 30;
const BODY_STEP = 44;
/** The last baseline above the footer's rule (y 560). */
const BODY_BOTTOM = 536;

/** Title sizes and line counts, best first: two lines down to 48 px, then three lines down to 36 px. */
const TITLE_FITS = [
  [60, 2],
  [54, 2],
  [48, 2],
  [54, 3],
  [48, 3],
  [42, 3],
  [36, 3],
] as const;

/** The title at the first size it fits in, so no title is cut. */
function titleLayout(title: string): { size: number; lines: string[] } {
  for (const [size, most] of TITLE_FITS) {
    const lines = wrapText(title, size, TITLE_WIDTH, Infinity);
    if (lines.length <= most) return { size, lines };
  }
  return { size: 36, lines: wrapText(title, 36, TITLE_WIDTH, 3) };
}

function card(lang: Lang, kicker: string, title: string, body: string[], source: string, map: string): string {
  const { size, lines: titleLines } = titleLayout(title);
  const step = Math.round(size * 1.17);
  const titleY = 90 + size;
  const bodyY = titleY + (titleLines.length - 1) * step + 70;
  const bodyLines = body.flatMap((b) => wrapText(b, BODY_SIZE, TITLE_WIDTH, 2));
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${OG_WIDTH}" height="${OG_HEIGHT}" viewBox="0 0 ${OG_WIDTH} ${OG_HEIGHT}" font-family="${FONT}" text-rendering="${TEXT_RENDERING}">` +
    `<rect width="100%" height="100%" fill="#ffffff"/><rect width="100%" height="10" fill="#0b5394"/>` +
    `<text x="60" y="76" font-size="28" font-weight="700" fill="#0b5394">chỉ số</text>` +
    `<text x="170" y="76" font-size="26" fill="#52606d">${esc(wrapText(kicker, 26, 600, 1)[0])}</text>` +
    lines(titleLines, 60, titleY, size, step, ' font-weight="700" fill="#1f2933"') +
    lines(
      bodyLines.slice(0, Math.min(7, Math.floor((BODY_BOTTOM - bodyY) / BODY_STEP) + 1)),
      60,
      bodyY,
      BODY_SIZE,
      BODY_STEP,
      ' fill="#1f2933"',
    ) +
    `<line x1="60" x2="1140" y1="560" y2="560" stroke="#d5dae0" stroke-width="2"/>` +
    lines(wrapText(t(lang)('og.source', { source }), 22, 1080, 2), 60, 596, 22, 28, ' fill="#52606d"') +
    map +
    '</svg>\n'
  );
}

/** The projected outlines of a unit set's provinces in the card's map box, projected once per build. */
const outlines = new Map<string, { projection: d3.GeoProjection; shapes: { unitId: string; d: string }[] }>();
function outlinesOf(unitSet: string) {
  let found = outlines.get(unitSet);
  if (!found) {
    const boundaries = boundariesFor(unitSet);
    const projection = d3.geoMercator().fitSize([MAP_BOX.w, MAP_BOX.h], boundaries as d3.ExtendedFeatureCollection);
    const path = d3.geoPath(projection);
    const shapes = boundaries.features.map((f) => ({
      unitId: f.properties.unit_id,
      d: path(f as d3.GeoPermissibleObjects)!.replace(/\d+\.\d+/g, (n) => String(Math.round(Number(n) * 10) / 10)),
    }));
    found = { projection, shapes };
    outlines.set(unitSet, found);
  }
  return found;
}

/** A plain map of the unit set with one unit highlighted (province cards), archipelagos named. */
function highlightMap(unitSet: string, highlight: string[], lang: Lang): string {
  const { projection, shapes: outlines } = outlinesOf(unitSet);
  const shapes = outlines
    .map(
      ({ unitId, d }) =>
        `<path d="${d}" fill="${highlight.includes(unitId) ? '#0b5394' : '#e4e7eb'}" stroke="#ffffff" stroke-width="0.6"/>`,
    )
    .join('');
  const labels = ARCHIPELAGOS.map((a) => {
    const [x, y] = projection([a.lon, a.lat])!;
    return lines(a[lang].split('\n'), x, y - 18, 13, 15, ` text-anchor="${a.anchor}" fill="#444"`);
  }).join('');
  return `<g transform="translate(${MAP_BOX.x},${MAP_BOX.y})">${shapes}${labels}</g>`;
}

/** The edition's own map (as on its page), scaled into the card. */
async function editionMap(index: string, year: number, lang: Lang): Promise<string> {
  const spec = editionMapChart(index, year, lang);
  await chartDrawnBeforehand(spec);
  const chart = renderChart(spec);
  const scale = Math.min(MAP_BOX.w / chart.width, MAP_BOX.h / chart.height);
  const attrs = chart.attributes.replace(/\b(width|height|viewBox)="[^"]*"\s*/g, '');
  return `<svg ${attrs} x="${MAP_BOX.x}" y="${MAP_BOX.y}" width="${chart.width * scale}" height="${chart.height * scale}" viewBox="0 0 ${chart.width} ${chart.height}">${chart.content}</svg>`;
}

function editionLines(index: string, year: number, lang: Lang): string[] {
  const cover = coverage(index, year, lang);
  const unitKind = headlineMeasure(index, year).unit;
  const top = ranking(index, year)
    .rows.filter((r) => r.headline.rank !== null)
    .slice(0, 3)
    .map((r) => r.headline);
  const tr = t(lang);
  const head = cover.complete
    ? tr('og.topOfAll', { universe: cover.universe })
    : tr('og.topOfCollected', { short: cover.short });
  const computed = top.some((o) => o.rank_source === 'computed');
  return [
    head,
    ...top.map(
      (o) => `${o.rank}. ${unitName(o, lang)}${o.value !== null ? `  ${formatScore(o.value, unitKind, lang)}` : ''}`,
    ),
    ...(computed ? [tr('og.ranksComputed')] : []),
  ];
}

export interface OgImage {
  key: string;
  lang: Lang;
  alt: string;
  svg: () => Promise<string>;
}

/** The preview image of a page, or null for pages without one. */
export function ogImageFor(page: PageKey, lang: Lang): OgImage | null {
  if (page.page === 'edition') {
    const { index, year } = page;
    const def = indexDefinition(index);
    const e = editionsOf(index).find((x) => x.year === year)!;
    return {
      key: `${index}-${year}`,
      lang,
      alt: t(lang)('og.editionAlt', { index: def.name[lang], year }),
      svg: async () =>
        card(
          lang,
          def.full_name[lang],
          `${def.name[lang]} ${year}`,
          editionLines(index, year, lang),
          pressSource(e, lang),
          await editionMap(index, year, lang),
        ),
    };
  }
  if (page.page === 'index') {
    const def = indexDefinition(page.index);
    const list = editionsOf(page.index);
    const last = list.at(-1)!;
    const body = [
      t(lang)('og.indexEditions', { n: list.length, from: list[0].year, to: last.year }),
      `${def.name[lang]} ${last.year}:`,
      ...editionLines(page.index, last.year, lang).slice(1),
    ];
    return {
      key: `index-${page.index}`,
      lang,
      alt: t(lang)('og.indexAlt', { index: def.name[lang] }),
      svg: async () =>
        card(
          lang,
          def.publisher[lang].split(' (')[0],
          def.full_name[lang],
          body,
          pressSource(last, lang),
          await editionMap(page.index, last.year, lang),
        ),
    };
  }
  if (page.page === 'province') {
    const u = unit(page.unit);
    const latest = latestHeadlines(u.unit_id);
    const body = latest.length
      ? latest.map((o) => {
          const parts = [`${indexDefinition(o.index).name[lang]} ${o.year}:`];
          if (o.value !== null) parts.push(formatScoreWithUnit(o.value, headlineMeasure(o.index, o.year).unit, lang));
          if (o.rank !== null)
            parts.push(`${o.value !== null ? '· ' : ''}${t(lang)('og.rank', { rank: o.rank, rankOf: o.rank_of })}`);
          return parts.join(' ');
        })
      : [t(lang)('province.noEditions')];
    const sources = latest.map((o) =>
      pressSource(
        editionsOf(o.index).find((e) => e.year === o.year)!,
        lang,
      ),
    );
    return {
      key: `province-${u.unit_id}`,
      lang,
      alt: t(lang)('og.provinceAlt', { name: unitName(u, lang) }),
      svg: async () =>
        card(
          lang,
          t(lang)('og.provinceKicker'),
          unitName(u, lang),
          body,
          sources.join('; ') || 'chiso',
          highlightMap(
            u.era === 'merged' ? 'merged-34' : 'legacy-63',
            u.unit_id === 'ha-tay' ? ['ha-noi'] : [u.unit_id],
            lang,
          ),
        ),
    };
  }
  return null;
}

export const ogPath = (img: { key: string; lang: Lang }) => `/og/${img.key}.${img.lang}.png`;
