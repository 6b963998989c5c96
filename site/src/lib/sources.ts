/**
 * An edition's sources as a reader needs them: the publisher's own pages first, then press and third-party
 * copies; each with its title and link, so that a source id (S04) is never shown alone. Read from the pipeline's
 * sources.json (every edition's publication.json sources).
 */
import { indexDefinition, readData, type Lang } from './data';
import { formatDate } from './format';
import { t } from './i18n';
import type { Source } from '../../../pipeline/read/edition';

/** A source in the page's language. Its title stays as published, in its own language (titleLang). */
export interface EditionSource {
  id: string;
  url: string;
  title: string | null;
  titleLang: string | null;
  /** The language of what the note quotes «…» from the source. */
  quoteLang: string | null;
  /** chiso's own words on what the source is; the link text where the title was not recorded. */
  description: string | null;
  publisher: string;
  /** The publication date as a reader reads it ("tháng 5/2020", "about May 2020"). */
  date: string | null;
  note: string | null;
  official: boolean;
}

/** A source as sources.json has it: publication.json's fields, with its edition. */
type PublishedSource = Source & { index: string; year: number };
const byEdition = new Map<string, PublishedSource[]>();
for (const s of readData<PublishedSource[]>('sources.json')) {
  const key = `${s.index}/${s.year}`;
  byEdition.set(key, [...(byEdition.get(key) ?? []), s]);
}
const cache = new Map<string, EditionSource[]>();

function isOfficial(url: string, sites: string[]): boolean {
  const host = new URL(url).hostname.replace(/^www\./, '');
  return sites.some((s) => host === s || host.endsWith(`.${s}`));
}

function sourceDate(s: PublishedSource, lang: Lang): string | null {
  if (!s.date) return null;
  const date = formatDate(s.date, lang);
  return s.date_approximate ? t(lang)('sources.approximateDate', { date }) : date;
}

/** The sources, official first (each group in the order of publication.json), in the page's language. */
export function editionSources(index: string, year: number, lang: Lang): EditionSource[] {
  const key = `${index}/${year}/${lang}`;
  let list = cache.get(key);
  if (!list) {
    const def = indexDefinition(index) as ReturnType<typeof indexDefinition> & { official_sites?: string[] };
    const sites = def.official_sites ?? [new URL(def.url).hostname.replace(/^www\./, '')];
    const all = (byEdition.get(`${index}/${year}`) ?? []).map((s) => ({
      id: s.id,
      url: s.url,
      title: s.title ?? null,
      titleLang: s.title_lang ?? null,
      quoteLang: s.quote_lang ?? null,
      description: s.description?.[lang] ?? null,
      publisher: typeof s.publisher === 'string' ? s.publisher : s.publisher[lang],
      date: sourceDate(s, lang),
      note: s.note?.[lang] ?? null,
      official: isOfficial(s.url, sites),
    }));
    list = [...all.filter((s) => s.official), ...all.filter((s) => !s.official)];
    cache.set(key, list);
  }
  return list;
}

/** What a link to the source says: its title as published, or chiso's description where no title was recorded. */
export function sourceName(s: EditionSource): string {
  return s.title ?? s.description!;
}

/** A source id in a text: S04, A0001, or R01 (the round-2 references); "R01…" names the series, not a source. */
export const SOURCE_ID = /\b(S\d{2,3}|R\d{2}|A\d{4})\b(?!…)/g;

/** A note's text split into plain parts and source ids that the page turns into links to the source list. */
export function splitSourceIds(text: string, known: Set<string>): ({ text: string } | { id: string })[] {
  const parts: ({ text: string } | { id: string })[] = [];
  let last = 0;
  for (const m of text.matchAll(SOURCE_ID)) {
    if (!known.has(m[1])) continue;
    if (m.index! > last) parts.push({ text: text.slice(last, m.index) });
    parts.push({ id: m[1] });
    last = m.index! + m[1].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return parts;
}

/** A source's note split into chiso's words and the passages it quotes from the source «…». */
export function splitQuotes(note: string): ({ text: string } | { quote: string })[] {
  return note
    .split(/(«[^»]*»)/)
    .filter(Boolean)
    .map((part) => (part.startsWith('«') ? { quote: part } : { text: part }));
}

/** A short name for a source in running text: its publisher, shortened. */
export function sourceLabel(s: EditionSource): string {
  return s.publisher.split(' (')[0];
}

export const sourceAnchor = (id: string) => `nguon-${id}`;
export type { Lang };
