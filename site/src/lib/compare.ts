/** The data of the compare page: per index, every legacy province's headline score and rank by year, with each
 * province's fixed colour and marker and the index's breaks by kind. */
import { breaksFor, editionYears, headlineMeasure, indexDefinition, legacyUnits, observations } from './data';
import { indexSource } from './charts/credits';
import { provinceStyle, symbolPath } from './charts/province-style';

export interface CompareSeries {
  index: string;
  name: { vi: string; en: string };
  publisher: { vi: string; en: string };
  /** The source line of an exported chart (export-frame.ts), as the site's own charts over the years write it. */
  source: { vi: string; en: string };
  unit: 'points' | 'percent';
  years: number[];
  /** suppress: not comparable across the break (gap and band, no change computed); otherwise compare with caution. */
  breaks: { year: number; suppress: boolean }[];
  units: {
    id: string;
    vi: string;
    en: string;
    colour: string;
    symbol: string;
    score: (number | null)[];
    rank: (number | null)[];
    of: (number | null)[];
  }[];
}

/** At most 6 decimals, as the site's chart data (charts/spec.ts): the digits beyond are storage noise (92.45000000001). */
const withoutFloatNoise = (v: number | null) => (v === null ? null : Number(v.toFixed(6)));

export function compareSeries(index: string): CompareSeries {
  const def = indexDefinition(index);
  const edYears = editionYears(index);
  const first = Math.min(...edYears);
  const years = Array.from({ length: Math.max(...edYears) - first + 1 }, (_, i) => first + i);
  const rows = observations.filter((o) => o.index === index && o.measure === def.headline);
  return {
    index,
    name: def.name,
    publisher: def.publisher,
    source: { vi: indexSource(index, 'vi'), en: indexSource(index, 'en') },
    unit: headlineMeasure(index).unit,
    years,
    breaks: breaksFor(index, def.headline)
      .filter((b) => b.year > first)
      .map((b) => ({ year: b.year, suppress: b.suppress_changes })),
    units: legacyUnits.flatMap((u) => {
      const mine = new Map(rows.filter((o) => o.unit_id === u.unit_id).map((o) => [o.year, o]));
      if (![...mine.values()].some((o) => o.value !== null || o.rank !== null)) return [];
      const style = provinceStyle(u.unit_id);
      return [
        {
          id: u.unit_id,
          vi: u.name_vi,
          en: u.name_en,
          colour: style.colour,
          symbol: symbolPath(style.symbol),
          score: years.map((y) => withoutFloatNoise(mine.get(y)?.value ?? null)),
          rank: years.map((y) => mine.get(y)?.rank ?? null),
          of: years.map((y) => mine.get(y)?.rank_of ?? null),
        },
      ];
    }),
  };
}
