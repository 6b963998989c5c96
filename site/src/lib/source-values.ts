/**
 * Figures another source printed that differ from chiso's (dist/data/source_values.json), as the edition page's
 * table and the province page's notes show them: the figure in the page's language, where it is about, and the
 * source by name and link (never a bare source id).
 */
import { t } from './i18n';
import { sourceValues, unit, unitName, units, type Lang, type SourceValue, type Text } from './data';
import { formatAsWritten, formatNumber } from './format';
import { editionSources, sourceLabel } from './sources';

export const SOURCE_KIND: Record<string, Text> = {
  official: { vi: 'chính thức', en: 'official' },
  press: { vi: 'báo chí', en: 'press' },
  secondary: { vi: 'nguồn thứ cấp', en: 'secondary' },
  provincial: { vi: 'tỉnh tự báo cáo', en: 'provincial report' },
};

/** Every disagreement of one edition, or of one edition's units among `unitIds`. */
export function disagreements(index: string, year?: number, unitIds?: string[]): SourceValue[] {
  return sourceValues.filter(
    (v) =>
      v.index === index &&
      (year === undefined || v.year === year) &&
      v.agrees === false &&
      (!unitIds || (v.unit_id !== null && unitIds.includes(v.unit_id))),
  );
}

/** A printed figure as the page writes it: 91,81 / hạng 8 / +13 / the group's label. */
export function sourceFigure(v: SourceValue, value: number | null, lang: Lang, label: string | null = null): string {
  if (v.field === 'group') return label ?? '–';
  if (value === null) return '–';
  if (v.field === 'rank') return t(lang)('figures.rank', { rank: value });
  if (v.field === 'rank_change') return (value > 0 ? '+' : '') + formatNumber(value, lang, 0);
  return formatAsWritten(value, lang);
}

/** The province, region or whole country a figure is about. */
export function sourceArea(v: SourceValue, lang: Lang): string {
  if (v.unit_id) return unitName(unit(v.unit_id), lang);
  if (v.area_id === 'national') return t(lang)('figures.wholeCountry');
  const region = units.find((u) => u.region_id === v.area_id);
  return (region ? region[`region_${lang}`] : null) ?? v.area_id ?? '';
}

export interface NamedSource {
  name: string;
  url: string | null;
  date: string | null;
}

/** A source of an edition by its name, link and date (a date only where the edition records a calendar date). */
export function namedSource(
  index: string,
  year: number,
  id: string,
  lang: Lang,
  fallback?: { url: string | null; publisher: string | null },
): NamedSource | null {
  const s = editionSources(index, year, lang).find((e) => e.id === id);
  if (s) return { name: sourceLabel(s), url: s.url, date: s.date };
  return fallback?.publisher ? { name: fallback.publisher, url: fallback.url, date: null } : null;
}
