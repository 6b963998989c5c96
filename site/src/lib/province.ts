/** What a province page needs beyond its charts: latest headline figures per index and its lineage. */
import { indexDefinitions, legacyUnits, unit, unitObservations, type Observation, type Unit } from './data';

/** The newest headline observation with a score or rank, for each index (none if the unit was never published). */
export function latestHeadlines(unitId: string): Observation[] {
  const obs = unitObservations(unitId);
  return indexDefinitions.flatMap((def) => {
    const rows = obs.filter(
      (o) => o.index === def.id && o.measure === def.headline && (o.value !== null || o.rank !== null),
    );
    const latest = rows.sort((a, b) => b.year - a.year)[0];
    return latest ? [latest] : [];
  });
}

export interface Lineage {
  successor: Unit | null;
  predecessors: Unit[];
  siblings: Unit[];
}

export function lineage(u: Unit): Lineage {
  const successor = u.successor_id ? unit(u.successor_id) : null;
  const predecessors = legacyUnits.filter((x) => x.successor_id === u.unit_id);
  const siblings = successor
    ? legacyUnits.filter((x) => x.successor_id === successor.unit_id && x.unit_id !== u.unit_id)
    : [];
  return { successor, predecessors, siblings };
}
