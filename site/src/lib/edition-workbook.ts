/**
 * One edition as an Excel workbook for a newsroom: the ranking table (headers and labels in the page's language,
 * numbers as numbers shown with the decimals they were published with, frozen header), and a second sheet
 * "Nguồn & ghi chú" / "Sources & notes" with the publisher, date, sources, coverage, caveats, licence and citation.
 */
import { workbookBytes, type Sheet } from '../../../pipeline/write/workbook';
import { edition, indexDefinition, release, type Lang } from './data';
import { citations, permalink } from './cite';
import { coverage } from './coverage';
import { editionPeopleTable } from './edition-table';
import { formatDate } from './format';
import { pathFor } from './routes';
import { editionSources, sourceName } from './sources';

const numberFormat = (decimals: number) => (decimals === 0 ? '0' : `0.${'0'.repeat(decimals)}`);

const words = {
  vi: {
    table: 'Bảng xếp hạng',
    notes: 'Nguồn & ghi chú',
    item: 'Mục',
    value: 'Nội dung',
    index: 'Chỉ số',
    edition: 'Kỳ công bố',
    publisher: 'Cơ quan công bố',
    published: 'Ngày công bố',
    methodology: 'Phương pháp',
    scale: 'Thang điểm',
    coverage: 'Phạm vi số liệu',
    notPublished: 'Cơ quan công bố không công bố',
    ranks: 'Thứ hạng',
    ranksText:
      'Cột "Nguồn thứ hạng" cho biết thứ hạng do cơ quan công bố in hay do chiso tính từ điểm công bố (xếp đồng hạng 1, 2, 2, 4).',
    precision: 'Số liệu',
    precisionText: 'Giá trị giữ nguyên như công bố; ô hiển thị đúng số chữ số thập phân của số liệu (tối đa 4).',
    source: 'Nguồn',
    official: 'chính thức',
    note: 'Ghi chú',
    licence: 'Giấy phép số liệu gốc',
    compilation: 'Bộ dữ liệu tổng hợp',
    compilationText: 'chiso, CC BY 4.0',
    citation: 'Trích dẫn',
    release: 'Bản phát hành dữ liệu',
    page: 'Trang nguồn',
  },
  en: {
    table: 'Ranking',
    notes: 'Sources & notes',
    item: 'Item',
    value: 'Details',
    index: 'Index',
    edition: 'Edition',
    publisher: 'Publisher',
    published: 'Published',
    methodology: 'Methodology',
    scale: 'Scale',
    coverage: 'Coverage',
    notPublished: 'Not published by the publisher',
    ranks: 'Ranks',
    ranksText:
      'The "Rank source" column says whether the publisher printed the rank or chiso computed it from the published scores (ties share a rank: 1, 2, 2, 4).',
    precision: 'Figures',
    precisionText: 'Values are as published; cells show the decimals the figures carry (up to 4).',
    source: 'Source',
    official: 'official',
    note: 'Note',
    licence: 'Licence of the original figures',
    compilation: 'Compilation',
    compilationText: 'chiso, CC BY 4.0',
    citation: 'Citation',
    release: 'Data release',
    page: 'Page',
  },
} as const;

export function editionWorkbookBytes(index: string, year: number, lang: Lang): Promise<Uint8Array> {
  const w = words[lang];
  const e = edition(index, year);
  const def = indexDefinition(index);
  const table = editionPeopleTable(index, year, lang);
  const main: Sheet = {
    name: w.table,
    headers: table.columns.map((c) => [c.key, c.label]),
    rows: table.rows,
    numberFormats: Object.fromEntries(Object.entries(table.decimals).map(([k, d]) => [k, numberFormat(d)])),
    widths: { province: 22, rank_source: 28, rank_change_source: 28, change_note: 30, status: 24 },
  };
  const page = pathFor({ page: 'edition', index, year }, lang);
  const cite = citations(
    { vi: pathFor({ page: 'edition', index, year }, 'vi'), en: pathFor({ page: 'edition', index, year }, 'en') },
    { vi: `${def.name.vi} ${year}`, en: `${def.name.en} ${year}` },
    { index, year },
  ).find((c) => c.lang === lang)!;
  const items: [string, string][] = [
    [w.index, `${def.name[lang]}: ${def.full_name[lang]}`],
    [w.edition, e[`title_${lang}`]],
    [w.publisher, def.publisher[lang]],
    [w.published, formatDate(e.published, lang)],
    [w.methodology, e[`methodology_${lang}`]],
    [w.scale, e[`scale_${lang}`]],
    [w.coverage, coverage(index, year, lang).sentence],
    ...(e[`not_published_${lang}`] ? [[w.notPublished, e[`not_published_${lang}`]!] as [string, string]] : []),
    [w.ranks, w.ranksText],
    [w.precision, w.precisionText],
    ...editionSources(index, year, lang).map(
      (s) =>
        [
          `${w.source} ${s.id}${s.official ? ` (${w.official})` : ''}`,
          [sourceName(s), s.title && s.description, s.publisher, s.date, s.url].filter(Boolean).join(' — '),
        ] as [string, string],
    ),
    [w.licence, e[`license_${lang}`]],
    [w.compilation, w.compilationText],
    ...(e[`notes_${lang}`] ?? '')
      .split('\n')
      .filter(Boolean)
      .map((n, i) => [`${w.note} ${i + 1}`, n] as [string, string]),
    [w.citation, cite.text],
    [w.release, `${release.version} (${formatDate(release.date, lang)})`],
    [w.page, permalink(page)],
  ];
  const notes: Sheet = {
    name: w.notes,
    headers: [
      ['item', w.item],
      ['value', w.value],
    ],
    rows: items.map(([item, value]) => ({ item, value })),
    widths: { item: 28, value: 110 },
    wrap: ['value'],
  };
  return workbookBytes([main, notes]);
}
