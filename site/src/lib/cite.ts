/**
 * Citations for a page or a chart, in Vietnamese and English: the publisher first, chiso second, the data
 * release and the full permalink.
 */
import { edition, release, type Lang } from './data';
import { formatDate } from './format';
import { pressPublisher } from './quotes';

const SITE = process.env.CHISO_SITE_URL ?? 'https://chiso.vn';
export const permalink = (path: string) => new URL(path, SITE).href;

export interface Citation { lang: Lang; text: string }

/** Citations of a page about one edition (or an index, or a province when index/year are absent). */
export function citations(path: { vi: string; en: string }, subject: { vi: string; en: string }, ed?: { index: string; year: number }): Citation[] {
  return (['vi', 'en'] as Lang[]).map((lang) => {
    const parts: string[] = [];
    if (ed) {
      const e = edition(ed.index, ed.year);
      const title = lang === 'vi' ? e.title_vi : e.title_en;
      parts.push(`${pressPublisher(e, lang)} (${e.published ? e.published.slice(0, 4) : e.year + 1}). ${title}.`);
    } else {
      parts.push(lang === 'vi' ? 'Số liệu gốc: Bộ Nội vụ; CECODES, VFF-CRT, RTA và UNDP; VCCI.' : 'Original figures: Ministry of Home Affairs; CECODES, VFF-CRT, RTA and UNDP; VCCI.');
    }
    parts.push(lang === 'vi'
      ? `Tổng hợp: chiso, bản phát hành dữ liệu ${release.version} (${formatDate(release.date, lang)}), “${subject.vi}”, ${permalink(path.vi)}`
      : `Compiled by chiso, data release ${release.version} (${formatDate(release.date, lang)}), “${subject.en}”, ${permalink(path.en)}`);
    return { lang, text: parts.join(' ') };
  });
}
