/**
 * What an edition covers, said honestly: what the publisher did not publish (a province not scored, ranks it
 * withholds) is a different statement from what chiso has not collected yet (a full table that exists in the
 * publisher's report but has not been transcribed).
 */
import { edition, editionsOf, indexDefinition, type Lang } from './data';
import { ranking } from './ranking';
import { pressPublisher } from './quotes';

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
  let sentence: string;
  if (complete) {
    sentence =
      lang === 'vi'
        ? `Đầy đủ: ${collected}/${e.universe_size} tỉnh, thành phố có số liệu công bố${notScored ? `; ${notScored} tỉnh không được ${publisher} chấm điểm` : ''}.`
        : `Complete: ${collected} of ${e.universe_size} provinces have published figures${notScored ? `; ${notScored} not scored by the publisher` : ''}.`;
  } else if (notPublished) {
    sentence =
      lang === 'vi'
        ? `chiso đã thu thập ${short} tỉnh. ${publisher} không công bố: ${notPublished.charAt(0).toLowerCase()}${notPublished.slice(1)}.`
        : `chiso has collected ${short} provinces. Not published by ${publisher}: ${notPublished.charAt(0).toLowerCase()}${notPublished.slice(1)}.`;
  } else {
    sentence =
      lang === 'vi'
        ? `chiso đã thu thập ${short} tỉnh từ báo chí và cổng thông tin; bảng đầy đủ ${e.universe_size} tỉnh nằm trong báo cáo của ${publisher} (${new URL(def.url).hostname.replace(/^www\./, '')}), chiso chưa thu thập.`
        : `chiso has collected ${short} provinces from the press and official portals; the full table of ${e.universe_size} is in ${publisher}'s report (${new URL(def.url).hostname.replace(/^www\./, '')}), not yet collected by chiso.`;
  }
  return { universe: e.universe_size, collected, notScored, missing, complete, short, sentence };
}

/** Why a unit's page has no figure of an index: the publisher's gap or chiso's, never confused. */
export function unitAbsence(index: string, unitSets: string[], name: string, lang: Lang): string {
  const list = editionsOf(index).filter((e) => unitSets.includes(e.unit_set));
  const def = indexDefinition(index);
  const publisher = def.publisher[lang].split(' (')[0];
  if (!list.length && !unitSets.includes('merged-34')) {
    return lang === 'vi' ? `Không kỳ ${def.name.vi} nào có ${name}.` : `No ${def.name.en} edition covers ${name}.`;
  }
  if (!list.length) {
    return lang === 'vi'
      ? `${publisher} chưa công bố kết quả ${def.name.vi} nào cho các đơn vị hành chính từ ngày 1/7/2025.`
      : `${publisher} has not yet published any ${def.name.en} results for the units of 1 July 2025.`;
  }
  const partial = list.filter((e) => !coverage(index, e.year, lang).complete);
  if (partial.length) {
    const host = new URL(def.url).hostname.replace(/^www\./, '');
    return lang === 'vi'
      ? `chiso chưa thu thập được số liệu ${def.name.vi} của ${name}. ${partial.length}/${list.length} kỳ mới có một phần các tỉnh (lấy từ báo chí và cổng thông tin); bảng đầy đủ nằm trong báo cáo của ${publisher} (${host}).`
      : `chiso has not yet collected ${def.name.en} figures for ${name}. ${partial.length} of ${list.length} editions have only some provinces (from the press and official portals); the full tables are in ${publisher}'s reports (${host}).`;
  }
  return lang === 'vi'
    ? `${publisher} không chấm điểm ${name} trong các kỳ đã công bố.`
    : `${publisher} did not score ${name} in its published editions.`;
}
