/** The pipeline's checks as sentences in the page's language (never a check id). */
import { t, type UiKey } from './i18n';
import { unit, unitName, type Lang, type QualityRow } from './data';

/** The checks counted by units, with their names' keys in the dictionaries. */
const CHECKS: Record<string, UiKey> = {
  'total-equals-sum-of-parts': 'checks.totalEqualsSumOfParts',
  'total-equals-weighted-parts': 'checks.totalEqualsWeightedParts',
  'published-rank-vs-computed': 'checks.publishedRankVsComputed',
};

/** Findings whose message names the units itself. */
const NAMES_ITS_UNITS = new Set(['published-ranks-contradict-scores', 'same-published-rank']);

/** The pipeline's message in the page's language (quality.csv writes each in English and in Vietnamese), ending
 * with a full stop. */
function message(q: QualityRow, lang: Lang): string {
  const text = lang === 'vi' ? q.message_vi : q.message;
  if (!text) throw new Error(`quality.csv: ${q.check} ${q.index} ${q.year} has no message in ${lang}`);
  return text.endsWith('.') ? text : `${text}.`;
}

const sentence = (text: string) => text[0].toUpperCase() + text.slice(1);

export function checkSentence(q: QualityRow, lang: Lang): string {
  if (!(q.check in CHECKS)) return sentence(message(q, lang));
  return t(lang)('checks.passed', {
    check: t(lang)(CHECKS[q.check]),
    passed: q.units_checked! - q.units_failed!,
    checked: q.units_checked!,
  });
}

/** A warning, after the name of the unit it is about (where its message does not name it). */
export function warningSentence(q: QualityRow, lang: Lang): string {
  const u = q.unit_id && !NAMES_ITS_UNITS.has(q.check) ? unit(q.unit_id) : null;
  return u ? `${unitName(u, lang)}: ${message(q, lang)}` : sentence(message(q, lang));
}
