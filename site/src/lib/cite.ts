/**
 * Citations for a page or a chart, in Vietnamese and English: the publisher first, chiso second, the data
 * release and the full permalink.
 */
import { edition, editionsOf, indexDefinition, release, type Lang } from './data';
import { formatDate } from './format';
import { t } from './i18n';
import { pressPublisher } from './quotes';

const SITE = process.env.CHISO_SITE_URL ?? 'https://chiso.vn';
export const permalink = (path: string) => new URL(path, SITE).href;

export interface Citation {
  lang: Lang;
  text: string;
}

/** Whose figures are cited: one edition (index and year), one index across its editions, or (absent) all four. */
export interface CitedSource {
  index: string;
  year?: number;
}

function publisherPart(lang: Lang, source?: CitedSource): string {
  if (source?.year !== undefined) {
    const e = edition(source.index, source.year);
    const title = e[`title_${lang}`];
    return `${pressPublisher(e, lang)} (${e.published ? e.published.slice(0, 4) : e.year + 1}). ${title}.`;
  }
  if (source) {
    const def = indexDefinition(source.index);
    const years = editionsOf(source.index).map((e) => e.year);
    return `${def.publisher[lang].split(' (')[0]} (${years[0]}–${years.at(-1)}). ${def.full_name[lang]} (${def.name[lang]}).`;
  }
  return t(lang)('cite.originalFigures');
}

/** One citation; `link` is the full permalink of what is cited (a page, or a chart on its page). */
export function citation(lang: Lang, link: string, subject: string, source?: CitedSource): Citation {
  const compiled = t(lang)('cite.compiled', {
    version: release.version,
    date: formatDate(release.date, lang),
    subject,
    link,
  });
  return { lang, text: `${publisherPart(lang, source)} ${compiled}` };
}

/** Citations of a page about one edition, one index (no year) or a province (no source), in both languages. */
export function citations(
  path: { vi: string; en: string },
  subject: { vi: string; en: string },
  source?: CitedSource,
): Citation[] {
  return (['vi', 'en'] as Lang[]).map((lang) => citation(lang, permalink(path[lang]), subject[lang], source));
}
