/**
 * The transcription template of an edition: one row per unit of its unit set in GSO code order, the measures that
 * exist that year (ids as in raw/<index>/index.json), rank, printed rank change and source columns, pre-filled with
 * every figure chiso already holds; prefilled_from names their sources.
 */
import Papa from 'papaparse';
import { scaleFor } from './read/index-definitions.js';
import { InvalidInputError } from './validate/problems.js';
import { readRaw } from './read/editions.js';

export async function editionTemplate(rawDir: string, index: string, year: number): Promise<string> {
  const raw = await readRaw(rawDir);
  const definition = [...raw.definitions.values()].find((d) => d.id === index);
  const edition = raw.editions.find((e) => e.publication.index === index && e.publication.year === year);
  if (!definition || !edition) {
    throw new InvalidInputError([
      {
        file: `raw/${index}/${year}/publication.json`,
        message: "no such edition: add the folder and its publication.json first (copy last year's)",
      },
    ]);
  }
  const measures = definition.measures.filter((m) => scaleFor(m, year)).map((m) => m.id);
  const units = raw.registry.units
    .filter((u) => u.unit_sets.includes(edition.publication.unit_set))
    .sort((a, b) => (a.gso_code ?? '').localeCompare(b.gso_code ?? ''));
  const held = new Map(edition.observations.map((o) => [`${o.unit_id}|${o.measure}`, o]));
  const signed = (n: number) => (n > 0 ? `+${n}` : String(n));
  const rows = units.map((u) => {
    const row: Record<string, string> = { gso_code: u.gso_code ?? '', province: u.name_vi };
    const sources = new Set<string>();
    for (const m of measures) {
      const o = held.get(`${u.id}|${m}`);
      row[m] = o?.value == null ? '' : String(o.value);
      if (o?.value != null && o.source_id) sources.add(o.source_id);
    }
    const headline = held.get(`${u.id}|${definition.headline}`);
    row.rank = headline?.published_rank == null ? '' : String(headline.published_rank);
    row.rank_change = headline?.published_rank_change == null ? '' : signed(headline.published_rank_change);
    if (headline?.source_id && (row.rank || row.rank_change)) sources.add(headline.source_id);
    row.source_id = '';
    row.prefilled_from = [...sources].join(';');
    return row;
  });
  return (
    Papa.unparse(rows, {
      columns: ['gso_code', 'province', ...measures, 'rank', 'rank_change', 'source_id', 'prefilled_from'],
      newline: '\n',
    }) + '\n'
  );
}
