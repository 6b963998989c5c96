/** The ready-to-quote sentence for one headline observation, with its press-style source and the break note. */
import { t } from './i18n';
import {
  breaksFor,
  edition,
  headlineMeasure,
  indexDefinition,
  type Edition,
  type Lang,
  type Observation,
} from './data';
import { formatDate, quoteSentence, type QuoteSentence } from './format';
import { rankChangeOf } from './marks';

/** The publisher as the press names it: "CECODES–RTA–UNDP", "Bộ Nội vụ" / "Ministry of Home Affairs", "VCCI". */
export function pressPublisher(e: Edition, lang: Lang): string {
  if (e.index === 'papi') return e.publisher.split(/, | and | và /).join('–');
  if (e.index === 'pci') return 'VCCI';
  return indexDefinition(e.index).publisher[lang].split(' (')[0];
}

/** "PAPI 2024, CECODES–RTA–UNDP, công bố 15/4/2025" / "…, published 15 April 2025". */
export function pressSource(e: Edition, lang: Lang): string {
  const when = e.published ? `, ${t(lang)('figures.published')} ${formatDate(e.published, lang)}` : '';
  return `${indexDefinition(e.index).name[lang]} ${e.year}, ${pressPublisher(e, lang)}${when}`;
}

export function quoteFor(o: Observation, lang: Lang): QuoteSentence | null {
  const brk =
    o.change_note === 'comparability-break' && o.previous_year !== null
      ? breaksFor(o.index, o.measure)
          .filter((b) => b.suppress_changes && b.year > o.previous_year! && b.year <= o.year)
          .at(-1)
      : undefined;
  const change = rankChangeOf(o);
  const e = edition(o.index, o.year);
  return quoteSentence(
    o,
    {
      indexName: indexDefinition(o.index).name[lang],
      unit: headlineMeasure(o.index, o.year).unit,
      breakNote: brk?.note[lang] ?? null,
      change: change.value,
      changePublished: change.published,
      source: pressSource(e, lang),
      complete: e.headline_complete,
    },
    lang,
  );
}
