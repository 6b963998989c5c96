/** The pipeline's checks as sentences in the page's language (never a check id). */
import { t } from './i18n';
import { unit, unitName, type Lang, type QualityRow } from './data';

const CHECKS: Record<string, { vi: string; en: string }> = {
  'total-equals-sum-of-parts': {
    vi: 'Điểm tổng hợp khớp với tổng điểm các nội dung',
    en: 'The total equals the sum of its parts',
  },
  'total-equals-weighted-parts': {
    vi: 'Điểm khớp với tổng có trọng số của các chỉ số thành phần',
    en: 'The score equals the weighted sum of its sub-indices',
  },
  'published-rank-vs-computed': {
    vi: 'Thứ hạng công bố khớp với thứ hạng tính từ điểm',
    en: 'The published ranks agree with the ranks the scores give',
  },
};

export function checkSentence(q: QualityRow, lang: Lang): string {
  const name = CHECKS[q.check]?.[lang] ?? q.check;
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
    return lang === 'vi'
      ? `${name}: hai tỉnh cùng được in hạng ${q.published} dù điểm khác nhau hoặc chưa rõ; một trong hai nguồn có thể sai.`
      : q.message;
  }
  return lang === 'vi' ? `${name}: ${CHECKS[q.check]?.vi ?? 'cảnh báo kiểm tra số liệu'}.` : q.message;
}
