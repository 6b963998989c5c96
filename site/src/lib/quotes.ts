/** The ready-to-quote sentence for one headline observation, with the break note when a change is withheld. */
import { breaksFor, headlineMeasure, indexDefinition, type Lang, type Observation } from './data';
import { quoteSentence, type QuoteSentence } from './format';

export function quoteFor(o: Observation, lang: Lang): QuoteSentence | null {
  const brk = o.change_note === 'comparability-break' && o.previous_year !== null
    ? breaksFor(o.index, o.measure).filter((b) => b.suppress_changes && b.year > o.previous_year! && b.year <= o.year).at(-1)
    : undefined;
  return quoteSentence(o, indexDefinition(o.index).name[lang], headlineMeasure(o.index, o.year).unit, lang, brk?.note[lang] ?? null);
}
