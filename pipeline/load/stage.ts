/** Loads what readRaw() found into DuckDB staging tables, one per kind of thing, named stg_*. */
import type { DuckDBConnection } from '@duckdb/node-api';
import { loadTable } from './duckdb.js';
import type { RawData } from '../read/editions.js';

export async function stageRawData(db: DuckDBConnection, raw: RawData): Promise<void> {
  const { registry, definitions, editions } = raw;
  await loadTable(
    db,
    'stg_units',
    {
      unit_id: 'VARCHAR',
      era: 'VARCHAR',
      name_vi: 'VARCHAR',
      name_en: 'VARCHAR',
      official_name_vi: 'VARCHAR',
      type: 'VARCHAR',
      gso_code: 'VARCHAR',
      gso_code_vintage: 'VARCHAR',
      iso_3166_2: 'VARCHAR',
      region_id: 'VARCHAR',
      region_vi: 'VARCHAR',
      region_en: 'VARCHAR',
      valid_from: 'VARCHAR',
      valid_to: 'VARCHAR',
      successor_id: 'VARCHAR',
      unit_sets: 'VARCHAR',
      aliases: 'VARCHAR',
    },
    registry.units.map((u) => ({
      ...u,
      unit_id: u.id,
      unit_sets: u.unit_sets.join('|'),
      aliases: [...new Set(u.aliases)].join('|'),
    })),
  );
  const defs = [...definitions.values()];
  await loadTable(
    db,
    'stg_indices',
    {
      index: 'VARCHAR',
      name_vi: 'VARCHAR',
      name_en: 'VARCHAR',
      full_name_vi: 'VARCHAR',
      full_name_en: 'VARCHAR',
      publisher_vi: 'VARCHAR',
      publisher_en: 'VARCHAR',
      url: 'VARCHAR',
      headline: 'VARCHAR',
      group_method: 'VARCHAR',
      quartile_rule: 'VARCHAR',
    },
    defs.map((d) => ({
      index: d.id,
      name_vi: d.name.vi,
      name_en: d.name.en,
      full_name_vi: d.full_name.vi,
      full_name_en: d.full_name.en,
      publisher_vi: d.publisher.vi,
      publisher_en: d.publisher.en,
      url: d.url,
      headline: d.headline,
      group_method: d.groups.method,
      quartile_rule: d.groups.quartile_rule ?? 'inclusive',
    })),
  );
  await loadTable(
    db,
    'stg_measures',
    {
      index: 'VARCHAR',
      measure: 'VARCHAR',
      position: 'INTEGER',
      name_vi: 'VARCHAR',
      name_en: 'VARCHAR',
      unit: 'VARCHAR',
      direction: 'VARCHAR',
      from_year: 'INTEGER',
      to_year: 'INTEGER',
      scale_min: 'DOUBLE',
      scale_max: 'DOUBLE',
      note_vi: 'VARCHAR',
      note_en: 'VARCHAR',
    },
    defs.flatMap((d) =>
      d.measures.flatMap((m, position) =>
        m.scales.map((s) => ({
          index: d.id,
          measure: m.id,
          position,
          name_vi: m.name.vi,
          name_en: m.name.en,
          unit: m.unit,
          direction: m.direction,
          from_year: s.from,
          to_year: s.to,
          scale_min: s.min,
          scale_max: s.max,
          note_vi: m.note?.vi,
          note_en: m.note?.en,
        })),
      ),
    ),
  );
  await loadTable(
    db,
    'stg_breaks',
    {
      index: 'VARCHAR',
      year: 'INTEGER',
      measure: 'VARCHAR',
      suppress_changes: 'BOOLEAN',
      note_vi: 'VARCHAR',
      note_en: 'VARCHAR',
    },
    defs.flatMap((d) =>
      d.breaks.flatMap((b) =>
        (b.measures ?? [null]).map((measure) => ({
          index: d.id,
          year: b.year,
          measure,
          suppress_changes: b.suppress_changes,
          note_vi: b.note.vi,
          note_en: b.note.en,
        })),
      ),
    ),
  );
  await loadTable(
    db,
    'stg_group_bands',
    { index: 'VARCHAR', label: 'VARCHAR', min: 'DOUBLE', from_year: 'INTEGER', to_year: 'INTEGER' },
    defs.flatMap((d) =>
      (d.groups.bands ?? []).map((b) => ({
        index: d.id,
        label: b.label,
        min: b.min,
        from_year: b.from ?? null,
        to_year: b.to ?? null,
      })),
    ),
  );
  await loadTable(
    db,
    'stg_sum_checks',
    {
      index: 'VARCHAR',
      total: 'VARCHAR',
      part: 'VARCHAR',
      tolerance: 'DOUBLE',
      from_year: 'INTEGER',
      to_year: 'INTEGER',
    },
    defs.flatMap((d) =>
      [...(d.checks?.sum ? [{ ...d.checks.sum, from: null, to: null }] : []), ...(d.checks?.sums ?? [])].flatMap((s) =>
        s.parts.map((part) => ({
          index: d.id,
          total: s.total,
          part,
          tolerance: s.tolerance,
          from_year: s.from,
          to_year: s.to,
        })),
      ),
    ),
  );
  await loadTable(
    db,
    'stg_weighted_checks',
    {
      index: 'VARCHAR',
      total: 'VARCHAR',
      from_year: 'INTEGER',
      to_year: 'INTEGER',
      part: 'VARCHAR',
      weight: 'DOUBLE',
      tolerance: 'DOUBLE',
    },
    defs.flatMap((d) =>
      (d.checks?.weighted ?? []).flatMap((w) =>
        Object.entries(w.weights).map(([part, weight]) => ({
          index: d.id,
          total: w.total,
          from_year: w.from,
          to_year: w.to,
          part,
          weight,
          tolerance: w.tolerance,
        })),
      ),
    ),
  );
  await loadTable(
    db,
    'stg_editions',
    {
      index: 'VARCHAR',
      year: 'INTEGER',
      unit_set: 'VARCHAR',
      universe_size: 'INTEGER',
      published: 'VARCHAR',
      publisher: 'VARCHAR',
      title_vi: 'VARCHAR',
      title_en: 'VARCHAR',
      methodology_vi: 'VARCHAR',
      methodology_en: 'VARCHAR',
      scale_vi: 'VARCHAR',
      scale_en: 'VARCHAR',
      license_vi: 'VARCHAR',
      license_en: 'VARCHAR',
      not_published_vi: 'VARCHAR',
      not_published_en: 'VARCHAR',
      notes_vi: 'VARCHAR',
      notes_en: 'VARCHAR',
      folder: 'VARCHAR',
      source_urls: 'VARCHAR',
      transcribed_decimals: 'INTEGER',
    },
    editions.map(({ publication: p, folder, universe }) => ({
      index: p.index,
      year: p.year,
      unit_set: p.unit_set,
      universe_size: universe.length,
      published: p.published,
      publisher: p.publisher,
      title_vi: p.title.vi,
      title_en: p.title.en,
      methodology_vi: p.methodology.vi,
      methodology_en: p.methodology.en,
      scale_vi: p.scale.vi,
      scale_en: p.scale.en,
      license_vi: p.license.vi,
      license_en: p.license.en,
      not_published_vi: p.not_published?.vi,
      not_published_en: p.not_published?.en,
      notes_vi: (p.notes ?? []).map((n) => n.vi).join('\n'),
      notes_en: (p.notes ?? []).map((n) => n.en).join('\n'),
      folder,
      source_urls: p.sources.map((s) => s.url).join(' '),
      transcribed_decimals: p.transcribed_decimals ?? null,
    })),
  );
  await loadTable(
    db,
    'stg_edition_universe',
    { index: 'VARCHAR', year: 'INTEGER', unit_id: 'VARCHAR' },
    editions.flatMap((e) =>
      e.universe.map((unit_id) => ({ index: e.publication.index, year: e.publication.year, unit_id })),
    ),
  );
  await loadTable(
    db,
    'stg_complete_measures',
    { index: 'VARCHAR', year: 'INTEGER', measure: 'VARCHAR' },
    editions.flatMap((e) =>
      (e.publication.complete_measures ?? []).map((measure) => ({
        index: e.publication.index,
        year: e.publication.year,
        measure,
      })),
    ),
  );
  await loadTable(
    db,
    'stg_sources',
    {
      index: 'VARCHAR',
      year: 'INTEGER',
      source_id: 'VARCHAR',
      url: 'VARCHAR',
      title: 'VARCHAR',
      publisher: 'VARCHAR',
      date: 'VARCHAR',
      kind: 'VARCHAR',
      note_vi: 'VARCHAR',
      note_en: 'VARCHAR',
    },
    editions.flatMap((e) =>
      e.publication.sources.map(({ note, ...s }) => ({
        index: e.publication.index,
        year: e.publication.year,
        source_id: s.id,
        ...s,
        note_vi: note?.vi,
        note_en: note?.en,
      })),
    ),
  );
  await loadTable(
    db,
    'stg_observations',
    {
      index: 'VARCHAR',
      year: 'INTEGER',
      unit_id: 'VARCHAR',
      measure: 'VARCHAR',
      value: 'DOUBLE',
      published_rank: 'INTEGER',
      published_group: 'VARCHAR',
      status: 'VARCHAR',
      status_note_vi: 'VARCHAR',
      status_note_en: 'VARCHAR',
      source_id: 'VARCHAR',
      raw_file: 'VARCHAR',
      raw_sheet: 'VARCHAR',
      raw_cell: 'VARCHAR',
      raw_rank_cell: 'VARCHAR',
      published_rank_change: 'INTEGER',
      raw_change_cell: 'VARCHAR',
    },
    // Each edition's rows are let go once staged: from here on they live in DuckDB only.
    (function* () {
      for (const e of editions) {
        yield* e.observations as unknown as Record<string, string | number | null>[];
        e.observations = [];
      }
    })(),
  );
  await loadTable(
    db,
    'stg_source_values',
    {
      index: 'VARCHAR',
      year: 'INTEGER',
      unit_id: 'VARCHAR',
      measure: 'VARCHAR',
      field: 'VARCHAR',
      value: 'DOUBLE',
      label: 'VARCHAR',
      tolerance: 'DOUBLE',
      source_id: 'VARCHAR',
      declared: 'VARCHAR',
      raw_file: 'VARCHAR',
      raw_cell: 'VARCHAR',
    },
    editions.flatMap((e) => e.sourceValues as unknown as Record<string, string | number | null>[]),
  );
  await loadTable(
    db,
    'stg_published_averages',
    {
      index: 'VARCHAR',
      year: 'INTEGER',
      area_id: 'VARCHAR',
      measure: 'VARCHAR',
      value: 'DOUBLE',
      tolerance: 'DOUBLE',
      source_id: 'VARCHAR',
      preferred: 'BOOLEAN',
      raw_file: 'VARCHAR',
    },
    editions.flatMap((e) =>
      (e.publication.published_averages ?? []).map((a) => ({
        index: e.publication.index,
        year: e.publication.year,
        area_id: a.area,
        measure: a.measure,
        value: a.value,
        tolerance: 0.5 * 10 ** -(a.decimals ?? String(a.value).split('.')[1]?.length ?? 0) + 1e-9,
        source_id: a.source,
        preferred: a.preferred ?? false,
        raw_file: `${e.folder}/publication.json`,
      })),
    ),
  );
  await loadTable(
    db,
    'stg_group_counts',
    {
      index: 'VARCHAR',
      year: 'INTEGER',
      group_label: 'VARCHAR',
      printed_count: 'INTEGER',
      source_id: 'VARCHAR',
      raw_file: 'VARCHAR',
    },
    editions.flatMap((e) =>
      (e.publication.group_counts ?? []).map((g) => ({
        index: e.publication.index,
        year: e.publication.year,
        group_label: g.group,
        printed_count: g.count,
        source_id: g.source,
        raw_file: `${e.folder}/publication.json`,
      })),
    ),
  );
}
