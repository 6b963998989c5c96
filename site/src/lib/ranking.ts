/** The rows of an edition's ranking table: one per unit with a published figure (or marked not scored). */
import {
  editionMeasures,
  editionObservations,
  indexDefinition,
  unit,
  type Observation,
  type MeasureScale,
} from './data';

export interface RankingRow {
  headline: Observation;
  regionId: string | null;
  components: Map<string, number | null>;
}

export interface Ranking {
  rows: RankingRow[];
  components: MeasureScale[];
  rankSources: Set<string>;
}

export function ranking(index: string, year: number): Ranking {
  const measure = indexDefinition(index).headline;
  const obs = editionObservations(index, year);
  const components = editionMeasures(index, year).filter((m) => m.measure !== measure);
  const byUnit = new Map<string, Map<string, number | null>>();
  for (const o of obs) {
    if (o.measure === measure) continue;
    if (!byUnit.has(o.unit_id)) byUnit.set(o.unit_id, new Map());
    byUnit.get(o.unit_id)!.set(o.measure, o.value);
  }
  const rows = obs
    .filter((o) => o.measure === measure && (o.value !== null || o.rank !== null || o.status === 'not-scored'))
    .map((o) => ({
      headline: o,
      regionId: o.region ?? unit(o.unit_id).region_id,
      components: byUnit.get(o.unit_id) ?? new Map(),
    }))
    .sort(
      (a, b) =>
        (a.headline.rank ?? Infinity) - (b.headline.rank ?? Infinity) ||
        (b.headline.value ?? -Infinity) - (a.headline.value ?? -Infinity) ||
        a.headline.unit_name_vi.localeCompare(b.headline.unit_name_vi, 'vi'),
    );
  const rankSources = new Set(
    rows.map((r) => r.headline.rank_source).filter((s): s is 'published' | 'computed' => s !== null),
  );
  return { rows, components, rankSources };
}
