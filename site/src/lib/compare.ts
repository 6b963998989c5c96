/** The data of the compare page: per index, every legacy province's headline score and rank by year. */
import { breaksFor, editionYears, headlineMeasure, indexDefinition, legacyUnits, observations } from './data';

export interface CompareSeries {
  index: string; name: { vi: string; en: string }; unit: 'points' | 'percent';
  years: number[]; breaks: { year: number; suppress: boolean }[];
  units: { id: string; vi: string; en: string; score: (number | null)[]; rank: (number | null)[]; of: (number | null)[] }[];
}

export function compareSeries(index: string): CompareSeries {
  const def = indexDefinition(index);
  const edYears = editionYears(index);
  const first = Math.min(...edYears);
  const years = Array.from({ length: Math.max(...edYears) - first + 1 }, (_, i) => first + i);
  const rows = observations.filter((o) => o.index === index && o.measure === def.headline);
  return {
    index,
    name: def.name,
    unit: headlineMeasure(index).unit,
    years,
    breaks: breaksFor(index, def.headline).filter((b) => b.year > first).map((b) => ({ year: b.year, suppress: b.suppress_changes })),
    units: legacyUnits.flatMap((u) => {
      const mine = new Map(rows.filter((o) => o.unit_id === u.unit_id).map((o) => [o.year, o]));
      if (![...mine.values()].some((o) => o.value !== null || o.rank !== null)) return [];
      return [{
        id: u.unit_id, vi: u.name_vi, en: u.name_en,
        score: years.map((y) => (mine.get(y)?.value ?? null)),
        rank: years.map((y) => (mine.get(y)?.rank ?? null)),
        of: years.map((y) => (mine.get(y)?.rank_of ?? null)),
      }];
    }),
  };
}
