/** What a site chart's export says about itself: its source (press-style), the page that shows it, a subtitle. */
import { edition, editionsOf, indexDefinition, INDEX_ORDER, type Lang } from '../data';
import { permalink } from '../cite';
import { pressSource } from '../quotes';
import { pathFor } from '../routes';
import type { FrameText } from './export-frame';
import type { ChartSpec } from './spec';

const INDEX = `(${INDEX_ORDER.join('|')})`;

function indexSource(index: string, lang: Lang): string {
  const def = indexDefinition(index);
  const years = editionsOf(index).map((e) => e.year);
  return `${def.name[lang]} ${years[0]}–${years.at(-1)}, ${def.publisher[lang].split(' (')[0]}`;
}

/** The first sentences of the description, as many as fit a subtitle. */
function subtitleOf(description: string): string {
  const sentences = description.match(/[^.!?]+[.!?]+(\s|$)/g) ?? [description];
  return sentences.slice(0, 2).join('').trim();
}

export function chartFrameText(spec: ChartSpec): FrameText {
  const { lang } = spec;
  let m: RegExpMatchArray | null;
  let source: string;
  let page: string;
  if ((m = spec.id.match(new RegExp(`^${INDEX}-(\\d{4})-(map|distribution|regions)$`)))) {
    source = pressSource(edition(m[1], Number(m[2])), lang);
    page = pathFor({ page: 'edition', index: m[1], year: Number(m[2]) }, lang);
  } else if ((m = spec.id.match(new RegExp(`^${INDEX}-national-trend$`)))) {
    source = indexSource(m[1], lang);
    page = pathFor({ page: 'index', index: m[1] }, lang);
  } else if ((m = spec.id.match(new RegExp(`^(.+)-${INDEX}-(score|rank|components)$`)))) {
    source = indexSource(m[2], lang);
    page = pathFor({ page: 'province', unit: m[1] }, lang);
  } else {
    throw new Error(`chart ${spec.id}: no source known for its export frame`);
  }
  return { lang, title: spec.title, subtitle: subtitleOf(spec.description), legend: spec.legend, source, pageUrl: permalink(page) };
}
