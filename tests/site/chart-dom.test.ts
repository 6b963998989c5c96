// The charts are drawn in a small DOM of the site's own (site/src/lib/charts/svg-document.ts), which must give the
// very bytes a full DOM gives: checked against linkedom on every kind of chart, in both languages and layouts.
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { answerVitest } from '../helpers/answer-vitest.js';

// The site's modules are loaded by path: they belong to the site's TypeScript project (site/tsconfig.json), whose
// import style the root project's typecheck does not follow.
type Lang = 'vi' | 'en';
type ChartLayout = 'wide' | 'narrow';
interface ChartSpec {
  id: string;
  lang: Lang;
  plot: (layout: ChartLayout, text: (byLang: (lang: Lang) => string) => string) => object;
}
type Charts = Record<string, unknown>;
const site = (path: string) => import(/* @vite-ignore */ `../../site/src/lib/${path}`);
const { editionCharts, indexCharts, unitCharts } = await site('charts/catalogue');
const { drawPlot } = (await site('charts/render')) as {
  drawPlot: (options: object, id: string, into?: unknown) => unknown;
};
const { SvgDocument } = await site('charts/svg-document');
const { editions, unit } = (await site('data')) as {
  editions: { index: string; year: number }[];
  unit: (id: string) => object;
};

const fullDom = parseHTML('<!doctype html><html><body></body></html>').document;

describe('the small DOM the charts are drawn in', () => {
  // Each index's first and last edition, each index's trend, and the series of provinces old, merged and new.
  const specs = (['vi', 'en'] as Lang[])
    .flatMap((lang) => [
      ...[...new Set(editions.map((e) => e.index))].flatMap((index) => {
        const own = editions.filter((e) => e.index === index);
        return [own[0], own.at(-1)!].flatMap((e) => Object.values(editionCharts(e.index, e.year, lang) as Charts));
      }),
      ...Object.values(indexCharts('pci', lang) as Charts),
      ...['ha-noi', 'ha-tay', 'phu-tho-2025'].flatMap((id) =>
        (unitCharts(unit(id), lang) as Charts[]).flatMap((c) => Object.values(c)),
      ),
    ])
    .filter((s): s is ChartSpec => typeof (s as ChartSpec | null)?.plot === 'function');

  it('is checked on maps, distributions, regions, trends, scores, ranks and components', () => {
    for (const kind of ['map', 'distribution', 'regions', 'trend', 'score', 'rank', 'components'])
      expect(
        specs.some((s) => s.id.endsWith(kind)),
        kind,
      ).toBe(true);
  });

  it('gives the same drawings as a full DOM, byte for byte', async () => {
    for (const spec of specs) {
      for (const layout of ['wide', 'narrow'] as const) {
        const options = () => spec.plot(layout, (byLang) => byLang(spec.lang));
        const label = `${spec.id}.${spec.lang}.${layout}`;
        expect(drawPlot(options(), spec.id), label).toEqual(drawPlot(options(), spec.id, fullDom));
      }
      await answerVitest();
    }
  });

  it('says which selector it does not know, rather than answering wrongly', () => {
    const svg = new SvgDocument().createElementNS('http://www.w3.org/2000/svg', 'svg');
    expect(() => svg.querySelectorAll('g > path')).toThrow('svg-document: the selector "g > path" is not supported');
  });
});
