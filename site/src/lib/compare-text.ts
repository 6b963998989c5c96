/** The words the compare script needs, as data-text-* attributes (the script has no dictionary of its own). */
import type { Lang } from './data';
import { t } from './i18n';

export function compareTextAttributes(lang: Lang): Record<string, string> {
  const tr = t(lang);
  const vi = lang === 'vi';
  const text: Record<string, string> = {
    needTwo: tr('compareNeedTwo'),
    year: tr('year'),
    score: tr('score'),
    rank: tr('rank'),
    outOf: vi ? 'trên' : 'of',
    table: tr('chartTable'),
    title: vi ? '{measure} {index}: {names}' : '{index} {measure}: {names}',
    desc: vi
      ? 'Biểu đồ đường, mỗi tỉnh một màu và một ký hiệu (cố định trên toàn trang chiso); năm không có số liệu để trống.'
      : 'Line chart, one colour and marker per province (the same everywhere on chiso); years without data are left as gaps.',
    notComparable: vi ? 'đổi phương pháp, không so sánh được' : 'method change, not comparable',
    caution: vi ? 'đổi phương pháp, so sánh thận trọng' : 'method change, compare with caution',
    missing: vi ? 'chưa có số liệu' : 'no data yet',
    cannotPlot: vi ? '{names}: chiso chưa có số liệu {index}' : '{names}: chiso has no {index} figures yet',
    source: vi
      ? 'Nguồn: {publisher}. Biểu đồ: chiso.vn (CC BY 4.0).'
      : 'Source: {publisher}. Chart: chiso.vn (CC BY 4.0).',
    remove: vi ? 'Bỏ {name}' : 'Remove {name}',
    unknown: vi ? 'Không có tỉnh, thành phố tên “{name}”.' : 'No province called “{name}”.',
    tooMany: vi ? 'Tối đa 5 tỉnh, thành phố.' : 'At most 5 provinces.',
    copied: tr('copied'),
  };
  return Object.fromEntries(
    Object.entries(text).map(([key, value]) => [
      `data-text-${key.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase())}`,
      value,
    ]),
  );
}
