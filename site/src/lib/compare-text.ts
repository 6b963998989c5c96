/** The words the compare script needs, as data-text-* attributes (the script has no dictionary of its own). */
import type { Lang } from './data';
import { t } from './i18n';

export function compareTextAttributes(lang: Lang): Record<string, string> {
  const tr = t(lang);
  const text: Record<string, string> = {
    needTwo: tr('compare.needTwo'),
    year: tr('term.year'),
    score: tr('term.score'),
    rank: tr('term.rank'),
    outOf: tr('compare.outOf'),
    table: tr('chart.table'),
    title: tr('compare.chartTitle'),
    desc: tr('compare.chartDescription'),
    notComparable: tr('chart.breakNotComparable'),
    caution: tr('chart.breakCaution'),
    missing: tr('chart.noFigure'),
    cannotPlot: tr('compare.cannotPlot'),
    source: tr('compare.chartSource'),
    frameFooter: tr('chart.frameFooter'),
    remove: tr('compare.remove'),
    unknown: tr('compare.unknownProvince'),
    tooMany: tr('compare.tooMany'),
    copied: tr('action.copied'),
  };
  return Object.fromEntries(
    Object.entries(text).map(([key, value]) => [
      `data-text-${key.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase())}`,
      value,
    ]),
  );
}
