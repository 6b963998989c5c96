/** What a site chart's export says about itself: its source (press-style), the page that shows it, a subtitle. */
import { edition, editionsOf, indexDefinition, INDEX_ORDER, type Lang } from '../data';
import { citation, permalink, type Citation, type CitedSource } from '../cite';
import { pressSource } from '../quotes';
import { pathFor } from '../routes';
import { t } from '../i18n';
import type { FrameText } from './export-frame';
import type { ChartSpec } from './spec';

const INDEX = `(${INDEX_ORDER.join('|')})`;

/** Who published an index's figures over all its years, press-style: "PAPI 2011–2024, CECODES, …". */
export function indexSource(index: string, lang: Lang): string {
  const def = indexDefinition(index);
  const years = editionsOf(index).map((e) => e.year);
  return `${def.name[lang]} ${years[0]}–${years.at(-1)}, ${def.publisher[lang].split(' (')[0]}`;
}

/** The first sentences of the description, as many as fit a subtitle. */
function subtitleOf(description: string): string {
  const sentences = description.match(/[^.!?]+[.!?]+(\s|$)/g) ?? [description];
  return sentences.slice(0, 2).join('').trim();
}

/** Whose figures a chart shows and the page that shows it, read from the chart's id. */
function chartOrigin(spec: ChartSpec): { source: CitedSource; page: string } {
  const { lang } = spec;
  let m: RegExpMatchArray | null;
  if ((m = spec.id.match(new RegExp(`^${INDEX}-(\\d{4})-(map|distribution|regions)$`)))) {
    return {
      source: { index: m[1], year: Number(m[2]) },
      page: pathFor({ page: 'edition', index: m[1], year: Number(m[2]) }, lang),
    };
  }
  if ((m = spec.id.match(new RegExp(`^${INDEX}-national-trend$`)))) {
    return { source: { index: m[1] }, page: pathFor({ page: 'index', index: m[1] }, lang) };
  }
  if ((m = spec.id.match(new RegExp(`^(.+)-${INDEX}-(score|rank|components)$`)))) {
    return { source: { index: m[2] }, page: pathFor({ page: 'province', unit: m[1] }, lang) };
  }
  throw new Error(`chart ${spec.id}: no source known for its export frame and citation`);
}

export function chartFrameText(spec: ChartSpec): FrameText {
  const { lang } = spec;
  const { source, page } = chartOrigin(spec);
  const sourceText =
    source.year !== undefined ? pressSource(edition(source.index, source.year), lang) : indexSource(source.index, lang);
  return {
    title: spec.title,
    subtitle: subtitleOf(spec.description),
    legend: spec.legend,
    source: sourceText,
    footer: t(lang)('chart.frameFooter', { source: sourceText, pageUrl: permalink(page) }),
  };
}

/** The citation of a chart in its page's language, and its permalink: the page's address and the chart's id. */
export function chartCitation(spec: ChartSpec): { citation: Citation; link: string } {
  const { source, page } = chartOrigin(spec);
  const link = `${permalink(page)}#${spec.id}`;
  return { citation: citation(spec.lang, link, spec.title, source), link };
}
