/**
 * The one formatting module: numbers, scores, changes, dates and the ready-to-quote sentences, in Vietnamese
 * (45,34; 1.234) and English (45.34; 1,234). Rounding happens here and only for display.
 */
import type { Lang, Observation } from './data';

const locales: Record<Lang, string> = { vi: 'vi-VN', en: 'en-GB' };
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

/** 45,34 (vi) or 45.34 (en); integers as 1.234 / 1,234 with digits = 0. */
export function formatNumber(value: number, lang: Lang, digits = 2): string {
  return formatter(lang, digits).format(value);
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
  return formatNumber(value, lang) + (lang === 'vi' ? ' điểm' : ' points');
}

/** A signed change with a real minus sign: +3,00 / −1,25 / 0,00. Percent-point changes get no % sign. */
export function formatSignedNumber(value: number | null, lang: Lang, digits = 2): string {
  if (value === null) return '–';
  const rounded = Number(value.toFixed(digits));
  const text = formatNumber(Math.abs(rounded), lang, digits);
  return rounded > 0 ? `+${text}` : rounded < 0 ? `−${text}` : text;
}

export interface RankChangeDisplay { arrow: '▲' | '▼' | '=' | ''; amount: string; words: string; direction: 'up' | 'down' | 'same' | 'none' }

/** Rank change for tables: an arrow, the number of places and the same thing in words for screen readers. */
export function rankChangeDisplay(change: number | null, lang: Lang): RankChangeDisplay {
  if (change === null) return { arrow: '', amount: '–', words: lang === 'vi' ? 'không có so sánh' : 'no comparison', direction: 'none' };
  if (change === 0) return { arrow: '=', amount: '0', words: lang === 'vi' ? 'giữ nguyên thứ hạng' : 'no change', direction: 'same' };
  const n = Math.abs(change);
  const amount = formatNumber(n, lang, 0);
  if (change > 0) return { arrow: '▲', amount, words: lang === 'vi' ? `tăng ${amount} bậc` : `up ${amount} ${n === 1 ? 'place' : 'places'}`, direction: 'up' };
  return { arrow: '▼', amount, words: lang === 'vi' ? `giảm ${amount} bậc` : `down ${amount} ${n === 1 ? 'place' : 'places'}`, direction: 'down' };
}

export function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th'}`;
}

/** Dates as published: YYYY-MM-DD, YYYY-MM or YYYY. */
export function formatDate(date: string | null, lang: Lang): string {
  if (!date) return '–';
  const [y, m, d] = date.split('-').map(Number);
  if (lang === 'vi') {
    if (d) return `${d}/${m}/${y}`;
    if (m) return `tháng ${m}/${y}`;
    return String(y);
  }
  const month = m ? new Intl.DateTimeFormat('en-GB', { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, 1))) : '';
  if (d) return `${d} ${month} ${y}`;
  if (m) return `${month} ${y}`;
  return String(y);
}

export function formatBytes(bytes: number, lang: Lang): string {
  if (bytes < 1024) return `${formatNumber(bytes, lang, 0)} B`;
  if (bytes < 1024 * 1024) return `${formatNumber(bytes / 1024, lang, 1)} KB`;
  return `${formatNumber(bytes / 1024 / 1024, lang, 1)} MB`;
}

/**
 * The rank change to show and quote: chiso's (from the two ranks), or, where chiso does not hold the previous rank,
 * the one the source printed; never across a comparability break or a change of unit set.
 */
export function shownRankChange(o: Observation): number | null {
  if (o.rank_change !== null) return o.rank_change;
  if (o.change_note === 'comparability-break' || o.change_note === 'unit-set-change') return null;
  return o.published_rank_change ?? null;
}

export interface QuoteSentence { text: string; footnote: string | null }

/**
 * The sentence the press writes:
 *   Năm 2021, chỉ số PAPI của Phú Thọ đạt 45,34 điểm, xếp thứ 6/63 tỉnh, thành phố, tăng 32 bậc so với năm 2020.
 *   In 2021, Phu Tho scored 45.34 points on PAPI, ranking 6th out of 63 provinces and cities, up 32 places from 2020.
 * The change clause is left out when rank_change is empty; a comparability break (breakNote) or editions that
 * ranked different provinces are then explained in a footnote. Returns null for a unit with neither a score nor a rank.
 */
export function quoteSentence(o: Observation, indexName: string, unit: Unit, lang: Lang, breakNote: string | null): QuoteSentence | null {
  if (o.value === null && o.rank === null) return null;
  const name = lang === 'vi' ? o.unit_name_vi : o.unit_name_en;
  const parts: string[] = [];
  const change = o.rank !== null ? rankChangeDisplay(shownRankChange(o), lang) : null;
  const hasChange = change !== null && change.direction !== 'none' && o.previous_year !== null;
  if (lang === 'vi') {
    parts.push(`Năm ${o.year}, chỉ số ${indexName} của ${name}`);
    if (o.value !== null) parts.push(` đạt ${formatScoreWithUnit(o.value, unit, lang)}`);
    if (o.rank !== null) parts.push(`${o.value !== null ? ',' : ''} xếp thứ ${o.rank}/${o.rank_of} tỉnh, thành phố`);
    if (hasChange) parts.push(change.direction === 'same' ? `, giữ nguyên thứ hạng so với năm ${o.previous_year}` : `, ${change.words} so với năm ${o.previous_year}`);
  } else {
    parts.push(`In ${o.year}, ${name}`);
    if (o.value !== null) parts.push(` scored ${formatScoreWithUnit(o.value, unit, lang)} on ${indexName}`);
    if (o.rank !== null) parts.push(`${o.value !== null ? ', ranking' : ' ranked'} ${ordinal(o.rank)} out of ${o.rank_of} provinces and cities${o.value === null ? ` on ${indexName}` : ''}`);
    if (hasChange) parts.push(change.direction === 'same' ? `, the same rank as in ${o.previous_year}` : `, ${change.words} from ${o.previous_year}`);
  }
  const footnote = o.rank === null || o.previous_year === null ? null
    : o.change_note === 'comparability-break'
    ? (lang === 'vi'
      ? `Không so sánh thứ hạng với năm ${o.previous_year} vì phương pháp đã thay đổi${breakNote ? `: ${breakNote}` : '.'}`
      : `The rank is not compared with ${o.previous_year} because the method changed${breakNote ? `: ${breakNote}` : '.'}`)
    : o.change_note === 'ranked-units-differ'
    ? (lang === 'vi'
      ? `Không so sánh thứ hạng với năm ${o.previous_year} vì hai năm không xếp hạng cùng các tỉnh, thành phố (số tỉnh khác nhau, hoặc có tỉnh không được chấm điểm ở một năm).`
      : `The rank is not compared with ${o.previous_year} because the two years did not rank the same provinces (a different number, or a province not scored in one of them).`)
    : null;
  return { text: parts.join('') + '.', footnote };
}
