/**
 * An edition's sources as a reader needs them: the publisher's own pages first, then press and third-party
 * copies; each with its title and link, so that a source id (S04) is never shown alone. Read from the pipeline's
 * sources.json (every edition's publication.json sources).
 */
import { indexDefinition, readData, type Lang, type Text } from './data';

export interface EditionSource {
  id: string;
  url: string;
  title: string;
  publisher: string;
  date: string | null;
  note: Text | null;
  official: boolean;
}

type PublishedSource = Omit<EditionSource, 'official' | 'date' | 'note'> & {
  index: string;
  year: number;
  date?: string;
  note?: Text;
};
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

/** The sources, official first (each group in the order of publication.json). */
export function editionSources(index: string, year: number): EditionSource[] {
  const key = `${index}/${year}`;
  let list = cache.get(key);
  if (!list) {
    const def = indexDefinition(index) as ReturnType<typeof indexDefinition> & { official_sites?: string[] };
    const sites = def.official_sites ?? [new URL(def.url).hostname.replace(/^www\./, '')];
    const all = (byEdition.get(key) ?? []).map(({ index: _index, year: _year, ...s }) => ({
      ...s,
      date: s.date ?? null,
      note: s.note ?? null,
      official: isOfficial(s.url, sites),
    }));
    list = [...all.filter((s) => s.official), ...all.filter((s) => !s.official)];
    cache.set(key, list);
  }
  return list;
}

export const SOURCE_ID = /\b(S\d{2,3}|A\d{4})\b/g;

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

/** A short name for a source in running text: its publisher, shortened. */
export function sourceLabel(s: EditionSource): string {
  return s.publisher.split(' (')[0];
}

export const sourceAnchor = (id: string) => `nguon-${id}`;
export type { Lang };
