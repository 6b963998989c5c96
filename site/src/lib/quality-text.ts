/** The pipeline's checks as sentences in the page's language (never a check id). */
import { t, type UiKey } from './i18n';
import { unit, unitName, type Lang, type QualityRow } from './data';

/** The checks the pages name, with their names' keys in the dictionaries. */
const CHECKS: Record<string, UiKey> = {
  'total-equals-sum-of-parts': 'checks.totalEqualsSumOfParts',
  'total-equals-weighted-parts': 'checks.totalEqualsWeightedParts',
  'published-rank-vs-computed': 'checks.publishedRankVsComputed',
};

export function checkSentence(q: QualityRow, lang: Lang): string {
  const name = q.check in CHECKS ? t(lang)(CHECKS[q.check]) : q.check;
  return t(lang)('checks.passed', {
    check: name,
    passed: q.units_checked! - q.units_failed!,
    checked: q.units_checked!,
  });
}

export function warningSentence(q: QualityRow, lang: Lang): string {
  const u = q.unit_id ? unit(q.unit_id) : null;
  const name = u ? unitName(u, lang) : '';
  if (q.check === 'published-rank-vs-computed') {
    return t(lang)('checks.rankTie', { name, published: String(q.published), computed: String(q.computed) });
  }
  if (q.check === 'same-published-rank') {
    return t(lang)('checks.samePublishedRank', { name, published: String(q.published), message: q.message });
  }
  const check = t(lang)(CHECKS[q.check] ?? 'checks.otherWarning');
  return t(lang)('checks.warning', { name, check, message: q.message });
}
