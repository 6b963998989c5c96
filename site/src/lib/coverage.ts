/**
 * What an edition covers, said honestly: what the publisher did not publish (a province not scored, ranks it
 * withholds) is a different statement from what chiso has not collected yet (a full table that exists in the
 * publisher's report but has not been transcribed).
 */
import { edition, editionsOf, indexDefinition, type Lang } from './data';
import { ranking } from './ranking';
import { pressPublisher } from './quotes';
import { t } from './i18n';

export interface Coverage {
  universe: number;
  /** Units with a published score or rank in chiso's data. */
  collected: number;
  /** Units the publisher did not score. */
  notScored: number;
  /** Units neither collected nor declared not scored. */
  missing: number;
  complete: boolean;
  /** "12/63" */
  short: string;
  /** The sentence for the edition's header and the index's card. */
  sentence: string;
}

export function coverage(index: string, year: number, lang: Lang): Coverage {
  const e = edition(index, year);
  const def = indexDefinition(index);
  const rows = ranking(index, year).rows;
  const collected = rows.filter((r) => r.headline.value !== null || r.headline.rank !== null).length;
  const notScored = rows.filter((r) => r.headline.status === 'not-scored').length;
  const missing = e.universe_size - collected - notScored;
  const complete = missing === 0;
  const short = `${collected}/${e.universe_size}`;
  const publisher = pressPublisher(e, lang);
  const notPublished = e[`not_published_${lang}`];
  const tr = t(lang);
  const host = new URL(def.url).hostname.replace(/^www\./, '');
  const universe = e.universe_size;
  const sentence = complete
    ? tr(notScored ? 'coverage.completeNotScored' : 'coverage.complete', { collected, universe, notScored, publisher })
    : notPublished
      ? tr('coverage.notPublished', {
          short,
          publisher,
          notPublished: notPublished.charAt(0).toLowerCase() + notPublished.slice(1),
        })
      : tr('coverage.notYetCollected', { short, universe, publisher, host });
  return { universe: e.universe_size, collected, notScored, missing, complete, short, sentence };
}

/** Why a unit's page has no figure of an index: the publisher's gap or chiso's, never confused. */
export function unitAbsence(index: string, unitSets: string[], name: string, lang: Lang): string {
  const list = editionsOf(index).filter((e) => unitSets.includes(e.unit_set));
  const def = indexDefinition(index);
  const publisher = def.publisher[lang].split(' (')[0];
  const tr = t(lang);
  const values = { index: def.name[lang], name, publisher };
  if (!list.length && !unitSets.includes('merged-34')) return tr('coverage.noEditionCovers', values);
  if (!list.length) return tr('coverage.noMergedResults', values);
  const partial = list.filter((e) => !coverage(index, e.year, lang).complete);
  if (partial.length) {
    const host = new URL(def.url).hostname.replace(/^www\./, '');
    return tr('coverage.unitNotCollected', { ...values, partial: partial.length, editions: list.length, host });
  }
  return tr('coverage.unitNotScored', values);
}
