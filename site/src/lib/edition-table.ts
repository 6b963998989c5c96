/**
 * One edition's table as people take it away (CSV and Excel, in the page's language): headers in words, labels
 * instead of codes, and the words that say who made each figure (published, or computed by chiso).
 */
import { groupLabel, measureName, regions, unitName, type Lang, type Observation } from './data';
import { ranking } from './ranking';
import { rankChangeOf } from './marks';

export interface PeopleColumn {
  key: string;
  label: string;
  kind: 'text' | 'integer' | 'number';
}
export interface PeopleTable {
  columns: PeopleColumn[];
  rows: Record<string, string | number | null>[];
  decimals: Record<string, number>;
}

const words = {
  vi: {
    rank: 'Hạng',
    rankOf: 'Trên tổng số',
    rankSource: 'Nguồn thứ hạng',
    rankChange: 'Thay đổi hạng',
    rankChangeSource: 'Nguồn thay đổi hạng',
    province: 'Tỉnh, thành phố',
    region: 'Vùng',
    score: 'Điểm',
    scoreChange: 'Thay đổi điểm',
    previousYear: 'So với năm',
    changeNote: 'Vì sao không có thay đổi',
    group: 'Nhóm',
    groupSource: 'Nguồn nhóm',
    status: 'Tình trạng',
    published: 'cơ quan công bố',
    computed: 'chiso tính từ điểm công bố',
    computedChange: 'chiso tính',
    computedGroup: 'chiso tính từ điểm công bố',
    scored: 'có số liệu',
    notScored: 'không được chấm điểm (theo cơ quan công bố)',
    'first-edition': 'kỳ đầu tiên',
    'unit-set-change': 'đổi bộ đơn vị hành chính',
    'comparability-break': 'phương pháp thay đổi, không so sánh',
    'not-in-previous-edition': 'không có số liệu kỳ trước',
    'not-scored': 'không được chấm điểm',
    'not-scored-in-previous-edition': 'kỳ trước không được chấm điểm',
    'ranked-units-differ': 'hai kỳ không xếp hạng cùng các tỉnh',
  },
  en: {
    rank: 'Rank',
    rankOf: 'Out of',
    rankSource: 'Rank source',
    rankChange: 'Rank change',
    rankChangeSource: 'Rank change source',
    province: 'Province',
    region: 'Region',
    score: 'Score',
    scoreChange: 'Score change',
    previousYear: 'Compared with',
    changeNote: 'Why there is no change',
    group: 'Group',
    groupSource: 'Group source',
    status: 'Status',
    published: 'publisher',
    computed: 'computed by chiso from the published scores',
    computedChange: 'computed by chiso',
    computedGroup: 'computed by chiso from the published scores',
    scored: 'has figures',
    notScored: 'not scored (by the publisher)',
    'first-edition': 'first edition',
    'unit-set-change': 'change of provinces',
    'comparability-break': 'method changed, not comparable',
    'not-in-previous-edition': 'no previous figure',
    'not-scored': 'not scored',
    'not-scored-in-previous-edition': 'not scored in the previous edition',
    'ranked-units-differ': 'the two editions did not rank the same provinces',
  },
} as const;

/** Decimals to show for a column: as many as its values carry, up to 4 (values keep full precision). */
function decimalsOf(values: (number | null)[]): number {
  let max = 0;
  for (const v of values) {
    if (v === null) continue;
    const text = String(Number(v.toFixed(6)));
    max = Math.max(max, text.includes('.') ? text.split('.')[1].length : 0);
  }
  return Math.min(max, 4);
}

const clean = (v: number | null) => (v === null ? null : Number(v.toFixed(6)));

export function editionPeopleTable(index: string, year: number, lang: Lang): PeopleTable {
  const w = words[lang];
  const { rows, components } = ranking(index, year);
  const regionName = new Map(regions().map((r) => [r.id, r[lang]]));
  const hasGroups = rows.some((r) => r.headline.group);
  const columns: PeopleColumn[] = [
    { key: 'rank', label: w.rank, kind: 'integer' },
    { key: 'rank_of', label: w.rankOf, kind: 'integer' },
    { key: 'rank_source', label: w.rankSource, kind: 'text' },
    { key: 'rank_change', label: w.rankChange, kind: 'integer' },
    { key: 'rank_change_source', label: w.rankChangeSource, kind: 'text' },
    { key: 'province', label: w.province, kind: 'text' },
    { key: 'region', label: w.region, kind: 'text' },
    { key: 'value', label: w.score, kind: 'number' },
    { key: 'value_change', label: w.scoreChange, kind: 'number' },
    { key: 'previous_year', label: w.previousYear, kind: 'integer' },
    { key: 'change_note', label: w.changeNote, kind: 'text' },
    ...(hasGroups
      ? [
          { key: 'group', label: w.group, kind: 'text' as const },
          { key: 'group_source', label: w.groupSource, kind: 'text' as const },
        ]
      : []),
    { key: 'status', label: w.status, kind: 'text' },
    ...components.map((m) => ({ key: m.measure, label: measureName(index, m.measure, lang), kind: 'number' as const })),
  ];
  const out: PeopleTable['rows'] = rows.map((r) => {
    const o: Observation = r.headline;
    const change = rankChangeOf(o);
    return {
      rank: o.rank,
      rank_of: o.rank !== null ? o.rank_of : null,
      rank_source: o.rank_source === 'published' ? w.published : o.rank_source === 'computed' ? w.computed : null,
      rank_change: change.value,
      rank_change_source: change.value === null ? null : change.published ? w.published : w.computedChange,
      province: unitName(o, lang),
      region: r.regionId ? (regionName.get(r.regionId) ?? null) : null,
      value: clean(o.value),
      value_change: clean(o.value_change),
      previous_year: o.previous_year,
      change_note: o.change_note && o.rank !== null ? w[o.change_note] : null,
      group: groupLabel(index, o.year, o.group, lang),
      group_source:
        o.group_source === 'published' ? w.published : o.group_source === 'computed' ? w.computedGroup : null,
      status: o.status === 'not-scored' ? w.notScored : w.scored,
      ...Object.fromEntries(components.map((m) => [m.measure, clean(r.components.get(m.measure) ?? null)])),
    };
  });
  const decimals = Object.fromEntries(
    columns
      .filter((c) => c.kind === 'number')
      .map((c) => [c.key, decimalsOf(out.map((row) => row[c.key] as number | null))]),
  );
  return { columns, rows: out, decimals };
}
