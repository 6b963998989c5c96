// Charts drawn once for both languages (spec.bilingual, spec.oneLayout) must be the drawings each language and
// layout would get on its own: checked on every edition's charts and on the charts of a sample of provinces.
import { describe, expect, it } from 'vitest';
import { answerVitest } from '../helpers/answer-vitest.js';

// The site's modules are loaded by path: they belong to the site's TypeScript project (site/tsconfig.json), whose
// import style the root project's typecheck does not follow.
type Lang = 'vi' | 'en';
type ChartLayout = 'wide' | 'narrow';
interface ChartSpec {
  id: string;
  lang: Lang;
  title: string;
  description: string;
  defs?: boolean;
  bilingual?: boolean;
  oneLayout?: boolean;
  plot: (layout: ChartLayout, text: (byLang: (lang: Lang) => string) => string) => object;
}
interface Rendered {
  inline: string;
  standalone: string;
}
const site = (path: string) => import(/* @vite-ignore */ `../../site/src/lib/${path}`);
const { editionCharts, unitCharts } = await site('charts/catalogue');
const { drawPlot, svgOf } = await site('charts/render');
const { renderChart } = (await site('charts/spec')) as {
  renderChart: (spec: ChartSpec, layout?: ChartLayout) => Rendered;
};
const { editions, unit } = (await site('data')) as {
  editions: { index: string; year: number }[];
  unit: (id: string) => object;
};

const langs: Lang[] = ['vi', 'en'];
const layouts: ChartLayout[] = ['wide', 'narrow'];

/** The drawing of one language and layout, drawn on its own. */
function drawnAlone(spec: ChartSpec, layout: ChartLayout): Rendered {
  const drawing = drawPlot(
    spec.plot(layout, (byLang) => byLang(spec.lang)),
    spec.id,
  );
  return svgOf(drawing, { id: spec.id, title: spec.title, description: spec.description, defs: spec.defs });
}

const sharedSpecs = (specs: (ChartSpec | null)[]) =>
  specs.filter((s): s is ChartSpec => s !== null && Boolean(s.bilingual || s.oneLayout));

describe('charts drawn once for both languages', () => {
  const specs = langs.flatMap((lang) => [
    ...editions.flatMap((e) => {
      const c = editionCharts(e.index, e.year, lang) as { map: ChartSpec; distribution: ChartSpec | null };
      return sharedSpecs([c.map, c.distribution]);
    }),
    ...['ha-noi', 'phu-tho', 'ha-tay', 'phu-tho-2025'].flatMap((id) =>
      (unitCharts(unit(id), lang) as { score: ChartSpec | null; rank: ChartSpec | null }[]).flatMap((c) =>
        sharedSpecs([c.score, c.rank]),
      ),
    ),
  ]);

  it('covers maps, distributions and province series in both languages', () => {
    for (const kind of ['map', 'distribution', 'score', 'rank'])
      for (const lang of langs) expect(specs.some((s) => s.id.endsWith(kind) && s.lang === lang)).toBe(true);
  });

  it('are byte for byte the drawings each language and layout gets on its own', async () => {
    for (const spec of specs) {
      for (const layout of layouts) {
        const alone = drawnAlone(spec, spec.oneLayout ? 'wide' : layout);
        expect(renderChart(spec, layout).standalone, `${spec.id}.${spec.lang}.${layout}`).toBe(alone.standalone);
        expect(renderChart(spec, layout).inline, `${spec.id}.${spec.lang}.${layout}`).toBe(alone.inline);
      }
      await answerVitest();
    }
  });

  it('differ between the languages where a text does (axis labels, ticks, tooltips)', () => {
    const map = specs.find((s) => s.id.endsWith('-map') && s.lang === 'vi')!;
    const english = specs.find((s) => s.id === map.id && s.lang === 'en')!;
    expect(renderChart(map).inline).toContain('QĐ. Hoàng Sa');
    expect(renderChart(english).inline).toContain('Hoang Sa archipelago');
    expect(renderChart(english).inline).not.toContain('QĐ. Hoàng Sa');
  });
});
