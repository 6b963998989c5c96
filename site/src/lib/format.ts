/**
 * The one formatting module: numbers, scores, changes, dates and the ready-to-quote sentences, in Vietnamese
 * (45,34; 1.234) and English (45.34; 1,234). Rounding happens here and only for display.
 */
import type { Lang, Observation } from './data';
import { t } from './i18n';

/** The locale of each language, for Intl. */
export const locales: Record<Lang, string> = { vi: 'vi-VN', en: 'en-GB' };
const formatters = new Map<string, Intl.NumberFormat>();

function formatter(lang: Lang, digits: number): Intl.NumberFormat {
  const key = `${lang}/${digits}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locales[lang], { minimumFractionDigits: digits, maximumFractionDigits: digits });
    formatters.set(key, f);
  }
  return f;
}

// A build formats the same numbers and dates over and over (on many pages, in tables and quotes), and Intl is the
// slow part: each text is made once (by language, decimals and value).
const numberTexts: Record<Lang, Map<number, string>[]> = { vi: [], en: [] };
const dateTexts: Record<Lang, Map<string, string>> = { vi: new Map(), en: new Map() };

/** 45,34 (vi) or 45.34 (en); integers as 1.234 / 1,234 with digits = 0. */
export function formatNumber(value: number, lang: Lang, digits = 2): string {
  // A Map does not tell -0 (printed "-0") from 0.
  if (Object.is(value, -0)) return formatter(lang, digits).format(value);
  const texts = (numberTexts[lang][digits] ??= new Map());
  let text = texts.get(value);
  if (text === undefined) texts.set(value, (text = formatter(lang, digits).format(value)));
  return text;
}

/** A number with as many decimals as it carries, up to 4: 91,81 / 95,5 / 7. */
export function formatAsWritten(value: number, lang: Lang): string {
  return formatNumber(value, lang, Math.min(4, (String(value).split('.')[1] ?? '').length));
}

/** An axis tick: as few decimals as the value needs (up to 2), in the page's language: 80,5 / 80.5. */
export function formatTick(value: number, lang: Lang): string {
  const digits = Number.isInteger(value) ? 0 : Number.isInteger(value * 10) ? 1 : 2;
  return formatNumber(value, lang, digits);
}

export type Unit = 'points' | 'percent';

/** A score as a table shows it: 45,34 or 91,17%. */
export function formatScore(value: number | null, unit: Unit, lang: Lang): string {
  if (value === null) return '–';
  return formatNumber(value, lang) + (unit === 'percent' ? '%' : '');
}

/** A score as a sentence says it: 45,34 điểm / 45.34 points, or 91,17%. */
export function formatScoreWithUnit(value: number, unit: Unit, lang: Lang): string {
  if (unit === 'percent') return formatNumber(value, lang) + '%';
  return t(lang)('figures.scoreInPoints', { score: formatNumber(value, lang) });
}

/** A signed change with a real minus sign: +3,00 / −1,25 / 0,00. Percent-point changes get no % sign. */
export function formatSignedNumber(value: number | null, lang: Lang, digits = 2): string {
  if (value === null) return '–';
  const rounded = Number(value.toFixed(digits));
  const text = formatNumber(Math.abs(rounded), lang, digits);
  return rounded > 0 ? `+${text}` : rounded < 0 ? `−${text}` : text;
}

export interface RankChangeDisplay {
  arrow: '▲' | '▼' | '';
  amount: string;
  words: string;
  direction: 'up' | 'down' | 'same' | 'none';
}

/** Rank change for tables: an arrow, the number of places and the same thing in words for screen readers. */
export function rankChangeDisplay(change: number | null, lang: Lang): RankChangeDisplay {
  const tr = t(lang);
  if (change === null) return { arrow: '', amount: '–', words: tr('rankChange.none'), direction: 'none' };
  if (change === 0)
    return { arrow: '', amount: tr('rankChange.sameShort'), words: tr('rankChange.same'), direction: 'same' };
  const n = Math.abs(change);
  const amount = formatNumber(n, lang, 0);
  if (change > 0)
    return {
      arrow: '▲',
      amount,
      words: tr(n === 1 ? 'rankChange.upOne' : 'rankChange.up', { n: amount }),
      direction: 'up',
    };
  return {
    arrow: '▼',
    amount,
    words: tr(n === 1 ? 'rankChange.downOne' : 'rankChange.down', { n: amount }),
    direction: 'down',
  };
}

export function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th'}`;
}

const monthName = new Intl.DateTimeFormat('en-GB', { month: 'long', timeZone: 'UTC' });

/** Dates as published: YYYY-MM-DD, YYYY-MM or YYYY. */
export function formatDate(date: string | null, lang: Lang): string {
  if (!date) return '–';
  let text = dateTexts[lang].get(date);
  if (text === undefined) dateTexts[lang].set(date, (text = dateText(date, lang)));
  return text;
}

function dateText(date: string, lang: Lang): string {
  const [y, m, d] = date.split('-').map(Number);
  if (lang === 'vi') {
    if (d) return `${d}/${m}/${y}`;
    if (m) return `tháng ${m}/${y}`;
    return String(y);
  }
  const month = m ? monthName.format(new Date(Date.UTC(y, m - 1, 1))) : '';
  if (d) return `${d} ${month} ${y}`;
  if (m) return `${month} ${y}`;
  return String(y);
}

export function formatBytes(bytes: number, lang: Lang): string {
  if (bytes < 1024) return `${formatNumber(bytes, lang, 0)} B`;
  if (bytes < 1024 * 1024) return `${formatNumber(bytes / 1024, lang, 1)} KB`;
  return `${formatNumber(bytes / 1024 / 1024, lang, 1)} MB`;
}

export interface QuoteSentence {
  text: string;
  source: string;
  footnote: string | null;
}

/** Who made a figure that chiso computed, said in words: which of rank and change chiso computed. */
export interface QuoteFacts {
  indexName: string;
  unit: Unit;
  breakNote: string | null;
  /** The rank change to quote (the publisher's where published) and whether the publisher printed it. */
  change: number | null;
  changePublished: boolean;
  /** Press-style source: "PAPI 2024, CECODES–RTA–UNDP, công bố 15/4/2025". */
  source: string;
  /** The edition scores every unit the publisher scored (so "61 scored" is the publisher's count, not chiso's). */
  complete: boolean;
}

/**
 * The sentence the press writes, ending with its source:
 *   Năm 2021, chỉ số PAPI của Phú Thọ đạt 45,34 điểm, xếp thứ 6/63 tỉnh, thành phố (60 tỉnh được chấm điểm), tăng
 *   32 bậc so với năm 2020 (thứ hạng và mức thay đổi do chiso tính từ điểm công bố). (Nguồn: PAPI 2021, …)
 * Computed figures say so in words; "(60 tỉnh được chấm điểm)" appears when fewer units were scored than the
 * denominator. The change clause is left out when there is no change to quote; a comparability break is then
 * explained in a footnote. Returns null for a unit with neither a score nor a rank.
 */
export function quoteSentence(o: Observation, facts: QuoteFacts, lang: Lang): QuoteSentence | null {
  if (o.value === null && o.rank === null) return null;
  const { indexName, unit } = facts;
  const name = o[`unit_name_${lang}`];
  const parts: string[] = [];
  const change = o.rank !== null ? rankChangeDisplay(facts.change, lang) : null;
  const hasChange = change !== null && change.direction !== 'none' && o.previous_year !== null;
  const rankComputed = o.rank !== null && o.rank_source === 'computed';
  const changeComputed = hasChange && !facts.changePublished;
  const fewerScored = facts.complete && o.rank !== null && o.units_scored < o.rank_of;
  const tr = t(lang);
  parts.push(tr('quote.opening', { year: o.year, index: indexName, name }));
  if (o.value !== null)
    parts.push(tr('quote.score', { index: indexName, score: formatScoreWithUnit(o.value, unit, lang) }));
  const who =
    rankComputed && changeComputed
      ? tr('quote.whoRankAndChange')
      : rankComputed
        ? tr('quote.whoRank')
        : changeComputed
          ? tr('quote.whoChange')
          : null;
  const scored = fewerScored ? tr('quote.scored', { n: o.units_scored }) : null;
  if (o.rank !== null)
    parts.push(
      tr(o.value !== null ? 'quote.rankAfterScore' : 'quote.rankOnly', {
        rank: o.rank,
        ordinal: ordinal(o.rank),
        rankOf: o.rank_of,
        index: indexName,
      }) + (scored ? ` (${hasChange || !who ? scored : `${scored}; ${who}`})` : ''),
    );
  const previous = o.previous_year ?? '';
  if (hasChange)
    parts.push(
      change.direction === 'same'
        ? tr('quote.sameRank', { previous })
        : tr('quote.change', { change: change.words, previous }),
    );
  if (who && (hasChange || !scored)) parts.push(` (${who})`);
  const footnote =
    o.rank === null || o.previous_year === null
      ? null
      : o.change_note === 'comparability-break'
        ? facts.breakNote
          ? tr('quote.breakFootnoteWithNote', { previous, note: facts.breakNote })
          : tr('quote.breakFootnote', { previous })
        : o.change_note === 'ranked-units-differ'
          ? tr('quote.rankedUnitsDifferFootnote', { previous })
          : null;
  return { text: parts.join('') + '.', source: tr('quote.source', { source: facts.source }), footnote };
}
