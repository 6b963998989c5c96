/** What the home page shows for each index: its latest edition, top and bottom of what was published. */
import {
  editionsOf,
  indexDefinitions,
  latestEdition,
  type Edition,
  type IndexDefinition,
  type Observation,
} from './data';
import { ranking } from './ranking';

export interface IndexGlance {
  def: IndexDefinition;
  edition: Edition;
  top: Observation[];
  bottom: Observation[];
  editions: number;
}

export function glances(count = 5): IndexGlance[] {
  return indexDefinitions.flatMap((def) => {
    const edition = latestEdition(def.id);
    if (!edition) return [];
    const ranked = ranking(def.id, edition.year)
      .rows.map((r) => r.headline)
      .filter((o) => o.rank !== null || o.value !== null);
    // Top: the first of the upper half; bottom: the last of the lower half (a partial edition may have neither).
    const half = edition.universe_size / 2;
    const top = ranked.filter((o) => o.rank === null || o.rank <= half).slice(0, count);
    const bottom = ranked.filter((o) => o.rank !== null && o.rank > half && !top.includes(o)).slice(-count);
    return [{ def, edition, top, bottom, editions: editionsOf(def.id).length }];
  });
}
