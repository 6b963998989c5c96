/** The pipeline's checks as sentences in the page's language (never a check id). */
import { unit, type Lang, type QualityRow } from './data';

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
  return `${name}: ${q.units_checked! - q.units_failed!}/${q.units_checked} ${lang === 'vi' ? 'tỉnh' : 'provinces'}`;
}

export function warningSentence(q: QualityRow, lang: Lang): string {
  const u = q.unit_id ? unit(q.unit_id) : null;
  const name = u ? (lang === 'vi' ? u.name_vi : u.name_en) : '';
  if (q.check === 'published-rank-vs-computed') {
    return lang === 'vi'
      ? `${name}: nguồn in hạng ${q.published}, điểm cho hạng ${q.computed} (bằng điểm với tỉnh khác; cơ quan công bố có thể phân định bằng nhiều chữ số thập phân hơn).`
      : `${name}: the publication prints rank ${q.published}, the scores give ${q.computed} (a tie that the publisher may break with more decimals).`;
  }
  if (q.check === 'same-published-rank') {
    return lang === 'vi'
      ? `${name}: hai tỉnh cùng được in hạng ${q.published} dù điểm khác nhau hoặc chưa rõ; một trong hai nguồn có thể sai.`
      : q.message;
  }
  return lang === 'vi' ? `${name}: ${CHECKS[q.check]?.vi ?? 'cảnh báo kiểm tra số liệu'}.` : q.message;
}
