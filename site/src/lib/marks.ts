/**
 * What an empty cell means. "–" used to stand for five different things; each now has its own mark, explained in
 * a legend under the table and in the screen-reader text of the cell.
 */
import type { Observation } from './data';

export type MarkKind =
  | 'rank-only'
  | 'not-ranked'
  | 'first-edition'
  | 'comparability-break'
  | 'unit-set-change'
  | 'no-previous'
  | 'not-collected';

export const MARKS: Record<MarkKind, { symbol: string; vi: string; en: string }> = {
  'rank-only': {
    symbol: '◦',
    vi: 'chỉ có thứ hạng công bố, không có điểm',
    en: 'only the rank is published, no score',
  },
  'not-ranked': {
    symbol: '…',
    vi: 'chưa có thứ hạng: nguồn không in thứ hạng, và chiso không tự xếp hạng khi chưa có đủ các tỉnh',
    en: 'no rank: the source prints none, and chiso does not rank an incomplete table',
  },
  'first-edition': {
    symbol: '○',
    vi: 'kỳ đầu tiên, chưa có kỳ trước để so sánh',
    en: 'first edition, nothing to compare with',
  },
  'comparability-break': {
    symbol: '≠',
    vi: 'phương pháp thay đổi, không so sánh với kỳ trước',
    en: 'method changed, not comparable with the previous edition',
  },
  'unit-set-change': {
    symbol: '↔',
    vi: 'bộ đơn vị hành chính thay đổi, không so sánh với kỳ trước',
    en: 'the set of provinces changed, not comparable',
  },
  'no-previous': { symbol: '∅', vi: 'không có số liệu kỳ trước để so sánh', en: 'no previous figure to compare with' },
  'not-collected': { symbol: '·', vi: 'chiso chưa thu thập được số liệu này', en: 'not yet collected by chiso' },
};

/** The rank change to show: the publisher's own where the data has it (published_rank_change), else chiso's. */
export function rankChangeOf(o: Observation): { value: number | null; published: boolean } {
  const published = (o as Observation & { published_rank_change?: number | null }).published_rank_change;
  if (published !== undefined && published !== null) return { value: published, published: true };
  return { value: o.rank_change, published: false };
}

/** The mark for a change the pipeline left empty, from its change_note. */
function markOfChangeNote(note: Observation['change_note']): MarkKind {
  switch (note) {
    case 'first-edition':
      return 'first-edition';
    case 'comparability-break':
      return 'comparability-break';
    case 'unit-set-change':
      return 'unit-set-change';
    default:
      return 'no-previous';
  }
}

/** Why a rank change cell is empty. */
export function changeMark(o: Observation): MarkKind | null {
  if (rankChangeOf(o).value !== null) return null;
  if (o.rank === null) return o.value !== null ? 'not-ranked' : null;
  return markOfChangeNote(o.change_note);
}

/** Why a score change cell is empty. */
export function valueChangeMark(o: Observation): MarkKind | null {
  if (o.value_change !== null || o.value === null) return null;
  return markOfChangeNote(o.change_note);
}
