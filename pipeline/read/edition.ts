/**
 * Reads one edition folder (raw/<index>/<year>/): checks publication.json against its schema and its folder, checks
 * the files' checksums, applies the table mappings, matches province names, reads numbers strictly and checks them
 * against the index's scales. Returns the edition's metadata and one input row per (unit, measure), or every problem.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileSha256 } from '../sha256.js';
import { checkDatesAndSources, checkUnitSetDate, nameProblem, shownName } from '../validate/metadata.js';
import { describeYears, scaleFor, type IndexDefinition, type Text } from './index-definitions.js';
import type { NameMatcher } from './name-matcher.js';
import { isBlank, readNumber, readRank, readRankChange } from './cells.js';
import type { Problem } from '../validate/problems.js';
import { GridError, TableFiles } from './grid.js';
import { readTableRows, type LocatedCell, type Location, type OutsideCell, type TableSpec } from './table-mapping.js';
import { unitSetsValidIn, type Registry, type UnitSet } from './registry.js';
import type { Cell } from './cells.js';
import { readJson, validateAgainst } from '../validate/schemas.js';
import { foldSpace } from './text.js';

export type SourceKind = 'official' | 'press' | 'secondary' | 'provincial';
/** A source as publication.json lists it (schemas/publication.schema.json says what each field holds). */
export interface Source {
  id: string;
  url: string;
  title?: string;
  title_lang?: string;
  /** The language of the passages the note quotes «…» from the source. */
  quote_lang?: string;
  description?: Text;
  publisher: string | Text;
  date?: string;
  date_approximate?: true;
  kind?: SourceKind;
  note?: Text;
}
export interface PublishedAverage {
  area: string;
  measure: string;
  value: number;
  decimals?: number;
  source: string;
  preferred?: boolean;
}
export interface GroupCount {
  group: string;
  count: number;
  source: string;
}

export interface Publication {
  index: string;
  year: number;
  title: { vi: string; en: string };
  published: string;
  publisher: string;
  unit_set: UnitSet;
  units_as_of?: string;
  transcribed_decimals?: number;
  universe?: 'unit-set' | 'listed';
  complete_measures?: string[];
  methodology: Text;
  scale: Text;
  sources: Source[];
  license: Text;
  notes?: Text[];
  files: { path: string; sha256: string; converted_from?: string; note?: string }[];
  not_scored?: { unit: string; measures?: string[]; reason: Text }[];
  not_published?: Text;
  published_averages?: PublishedAverage[];
  group_counts?: GroupCount[];
  tables: TableSpec[];
}

export type Status = 'published' | 'not-scored' | 'not-given';

/** One (unit, measure) as read from the raw files, before any computation. */
export interface RawObservation {
  index: string;
  year: number;
  unit_id: string;
  measure: string;
  value: number | null;
  published_rank: number | null;
  published_group: string | null;
  /** A printed rank change ("tăng 32 bậc" → 32). */
  published_rank_change: number | null;
  status: Status;
  status_note_vi: string | null;
  status_note_en: string | null;
  source_id: string | null;
  raw_file: string;
  raw_sheet: string | null;
  /** The cell of the value (empty for a unit declared not scored that the table leaves out). */
  raw_cell: string | null;
  raw_rank_cell: string | null;
  raw_change_cell: string | null;
}

/** A figure printed by another source for the same edition (an independent table): checked against the edition's. */
export interface SourceValue {
  index: string;
  year: number;
  unit_id: string;
  measure: string;
  field: 'value' | 'rank' | 'rank_change' | 'group';
  value: number | null;
  label: string | null;
  /** Half a unit of the last printed decimal: two values closer than this agree. */
  tolerance: number;
  source_id: string;
  /** The reason of a declared disagreement, in English and in Vietnamese. */
  declared: string | null;
  declared_vi: string | null;
  raw_file: string;
  raw_cell: string;
}

export interface Edition {
  publication: Publication;
  folder: string;
  universe: string[];
  observations: RawObservation[];
  sourceValues: SourceValue[];
}

function checkFiles(rawDir: string, dir: string, shownDir: string, publication: Publication): Problem[] {
  const problems: Problem[] = [];
  const listed = new Map(publication.files.map((f) => [f.path, f]));
  const present = readdirSync(dir);
  for (const name of present.sort()) {
    const refused = nameProblem(join(dir, name), name, rawDir);
    if (refused) {
      problems.push({ file: `${shownDir}/${shownName(name)}`, message: refused });
      continue;
    }
    if (name === 'publication.json') continue;
    const entry = listed.get(name);
    const twin = publication.files.find((f) => f.path !== name && f.path.normalize('NFC') === name.normalize('NFC'));
    if (twin)
      problems.push({
        file: `${shownDir}/${name}`,
        message: `and "files" entry "${twin.path}" differ only in Unicode normalisation (one is NFC, the other NFD): write the name in publication.json exactly as the file's (NFC)`,
      });
    else if (!entry)
      problems.push({
        file: `${shownDir}/${name}`,
        message: 'is not listed in publication.json "files" (add it with its sha256, or remove it)',
      });
    else if (fileSha256(join(dir, name)) !== entry.sha256) {
      problems.push({
        file: `${shownDir}/${name}`,
        message: `its sha256 differs from the one in publication.json "files" (the file changed; if the change is intended, record the new checksum and say why in "notes")`,
      });
    }
  }
  for (const f of publication.files) {
    if (
      !present.some((name) => name !== f.path && name.normalize('NFC') === f.path.normalize('NFC')) &&
      !existsSync(join(dir, f.path))
    )
      problems.push({
        file: `${shownDir}/publication.json`,
        message: `"files" lists "${f.path}", which is not in the folder`,
      });
    if (f.converted_from && !listed.has(f.converted_from)) {
      problems.push({
        file: `${shownDir}/publication.json`,
        message: `"${f.path}" is converted from "${f.converted_from}", which "files" does not list`,
      });
    }
  }
  for (const t of publication.tables) {
    if (!listed.has(t.file))
      problems.push({
        file: `${shownDir}/publication.json`,
        message: `table file "${t.file}" is not listed in "files"`,
      });
  }
  return problems;
}

/** A mapped header, or a pinned column (by letter alone: the reader checks its header). */
const headerKey = (location: Location) =>
  typeof location === 'string' ? `header:${foldSpace(location)}` : `column:${location.column}`;

function checkMeasures(publication: Publication, definition: IndexDefinition, shown: string): Problem[] {
  const problems: Problem[] = [];
  const check = (measure: string, where: string) => {
    const m = definition.measures.find((x) => x.id === measure);
    if (!m)
      problems.push({
        file: shown,
        message: `${where}: "${measure}" is not a measure of ${definition.id} (measures: ${definition.measures.map((x) => x.id).join(', ')})`,
      });
    else if (!scaleFor(m, publication.year)) {
      problems.push({
        file: shown,
        message: `${where}: the measure "${measure}" does not exist in ${publication.year} (it exists in ${describeYears(m)})`,
      });
    }
  };
  publication.tables.forEach((t, i) => {
    const columns = new Map<string, string>([
      [headerKey(t.unit_column ? { column: t.unit_column, header: t.unit_header } : t.unit_header), 'unit_header'],
    ]);
    for (const kind of ['values', 'ranks', 'groups', 'rank_changes'] as const) {
      for (const [measure, location] of Object.entries(t[kind] ?? {})) {
        check(measure, `tables[${i}].${kind}`);
        const key = headerKey(location);
        const taken = columns.get(key);
        if (taken)
          problems.push({
            file: shown,
            message: `tables[${i}].${kind}.${measure}: the header ${JSON.stringify(location)} is already mapped by ${taken}; one column holds one figure`,
          });
        columns.set(key, `${kind}.${measure}`);
      }
    }
  });
  for (const measure of publication.complete_measures ?? []) check(measure, 'complete_measures');
  for (const a of publication.published_averages ?? []) check(a.measure, `published_averages "${a.area}"`);
  for (const entry of publication.not_scored ?? [])
    for (const measure of entry.measures ?? []) check(measure, `not_scored "${entry.unit}"`);
  return problems;
}

/**
 * An edition's observations in the order first read, found by unit and measure (a map per unit: a large edition
 * would otherwise build and hash a joined key for every cell).
 */
class Observations {
  readonly inOrder: RawObservation[] = [];
  private readonly byUnit = new Map<string, Map<string, RawObservation>>();

  get(unitId: string, measure: string): RawObservation | undefined {
    return this.byUnit.get(unitId)?.get(measure);
  }

  add(obs: RawObservation): void {
    this.inOrder.push(obs);
    const ofUnit = this.byUnit.get(obs.unit_id) ?? this.byUnit.set(obs.unit_id, new Map()).get(obs.unit_id)!;
    ofUnit.set(obs.measure, obs);
  }
}

export async function readEdition(
  rawDir: string,
  index: string,
  yearFolder: string,
  definition: IndexDefinition | undefined,
  registry: Registry,
  matcherFor: (set: UnitSet) => NameMatcher,
): Promise<{ edition?: Edition; problems: Problem[] }> {
  const dir = join(rawDir, index, yearFolder);
  const shownDir = `raw/${index}/${yearFolder}`;
  const shown = `${shownDir}/publication.json`;
  const { data, problems } = readJson(join(dir, 'publication.json'), shown);
  if (!data) return { problems };
  const invalid = validateAgainst('publication.schema.json', data, shown);
  if (invalid.length) return { problems: invalid };
  const publication = data as Publication;
  if (!definition)
    return { problems: [{ file: shown, message: `unknown index "${index}" (known: par-index, sipas, papi, pci)` }] };
  if (publication.index !== index)
    problems.push({ file: shown, message: `"index" is "${publication.index}" but the folder is raw/${index}/` });
  if (String(publication.year) !== yearFolder)
    problems.push({ file: shown, message: `"year" is ${publication.year} but the folder is ${yearFolder}/` });
  if (Number(publication.published.slice(0, 4)) < publication.year) {
    problems.push({
      file: shown,
      message: `"published" (${publication.published}) is before the results year ${publication.year}; results are announced after the year they measure`,
    });
  }
  problems.push(...checkDatesAndSources(publication, shown), ...checkUnitSetDate(publication, registry, shown));
  problems.push(...checkFiles(rawDir, dir, shownDir, publication), ...checkMeasures(publication, definition, shown));
  const sourceIds = new Set(publication.sources.map((s) => s.id));
  if (sourceIds.size !== publication.sources.length)
    problems.push({ file: shown, message: 'two "sources" share an id' });
  for (const [field, entries] of [
    ['published_averages', publication.published_averages ?? []],
    ['group_counts', publication.group_counts ?? []],
  ] as const) {
    for (const entry of entries) {
      if (!sourceIds.has(entry.source))
        problems.push({ file: shown, message: `${field}: source id "${entry.source}" is not among the "sources"` });
    }
  }
  const regions = new Set(registry.units.map((u) => u.region_id).filter(Boolean));
  for (const a of publication.published_averages ?? []) {
    if (a.area !== 'national' && !regions.has(a.area))
      problems.push({
        file: shown,
        message: `published_averages: unknown area "${a.area}" (national or one of ${[...regions].join(', ')})`,
      });
  }
  const groupLabels = definition.groups.labels?.map((l) => l.id) ?? [];
  for (const g of publication.group_counts ?? []) {
    if (!groupLabels.includes(g.group))
      problems.push({
        file: shown,
        message: `group_counts: unknown group "${g.group}" (known: ${groupLabels.join(', ')})`,
      });
  }
  if (problems.length) return { problems };

  const matcher = matcherFor(publication.unit_set);
  const observations = new Observations();
  const sourceValues: SourceValue[] = [];
  const seenUnits = new Map<string, string>();
  // The not_scored entries, matched to their units once.
  const notScoredEntries = (publication.not_scored ?? []).map((entry) => ({ entry, match: matcher.match(entry.unit) }));
  notScoredEntries.forEach(({ entry, match: m }, i) => {
    const earlier = notScoredEntries
      .slice(0, i)
      .find(
        ({ entry: e, match: n }) =>
          m.ok &&
          n.ok &&
          n.unit.id === m.unit.id &&
          (!e.measures || !entry.measures || e.measures.some((x) => entry.measures!.includes(x))),
      );
    if (earlier && m.ok) {
      problems.push({
        file: shown,
        message: `not_scored lists ${m.unit.name_vi} twice ("${earlier.entry.unit}" and "${entry.unit}"${entry.measures ? ` for ${entry.measures.join(', ')}` : ''}): keep one entry with one reason`,
      });
    }
  });

  const matchedNames: string[] = [];
  // Every file listed has been found to have its listed sha256 (or the edition stopped at checkFiles).
  const tableFiles = new TableFiles(dir, new Map(publication.files.map((f) => [f.path, f.sha256])));
  const sheetsRead = new Map<
    string,
    { tables: number; cells: Map<string, { cell: OutsideCell; table: TableSpec; count: number }> }
  >();
  for (const [tableIndex, table] of publication.tables.entries()) {
    const file = `${shownDir}/${table.file}${table.sheet ? ` [sheet "${table.sheet}"]` : ''}`;
    const rawFile = `${shownDir}/${table.file}`;
    let grid;
    try {
      grid = tableFiles.grid(table.file, table.sheet);
    } catch (error) {
      if (!(error instanceof GridError)) throw error;
      problems.push({
        file: error.row === undefined ? `${shownDir}/${table.file}` : file,
        row: error.row,
        column: error.column,
        message: error.message,
      });
      continue;
    }
    if (table.declared_header && table.role !== 'independent')
      problems.push({
        file: shown,
        message: `tables[${tableIndex}]: "declared_header" is for tables with "role": "independent"`,
      });
    const read = readTableRows(grid, table, file);
    problems.push(...read.problems);
    if (!read.problems.length && read.rows.length === 0) {
      problems.push({
        file,
        message: `the table has no province rows${table.first_row ? ` from row ${table.first_row}` : ''}${table.last_row ? ` to row ${table.last_row}` : ''}`,
      });
    }
    // Several tables may read one sheet (side by side): a cell is left out only if it is outside all of them.
    const sheet = sheetsRead.get(file) ?? sheetsRead.set(file, { tables: 0, cells: new Map() }).get(file)!;
    sheet.tables++;
    for (const cell of read.outside) {
      const key = `${cell.column}${cell.row}`;
      const seen = sheet.cells.get(key);
      sheet.cells.set(key, { cell, table, count: (seen?.count ?? 0) + 1 });
    }
    for (const row of read.rows) {
      const match = matcher.match(row.unitName);
      if (!match.ok) {
        problems.push({ file, row: row.row, column: row.column, message: match.problem });
        continue;
      }
      const unit = match.unit;
      matchedNames.push(row.unitName);
      // An independent table may list a unit once per source.
      const rowKey =
        table.role === 'independent'
          ? `${unit.id}@${tableIndex}@${row.sourceIds.join(';')}`
          : `${unit.id}@${tableIndex}`;
      const firstSeen = seenUnits.get(rowKey);
      if (firstSeen) {
        problems.push({
          file,
          row: row.row,
          column: row.column,
          message: `${unit.name_vi} appears twice in this table ("${row.unitName}" here, first at ${firstSeen})`,
        });
        continue;
      }
      seenUnits.set(rowKey, `row ${row.row} column ${row.column}`);
      if (row.sourceIds.length === 0)
        problems.push({
          file,
          row: row.row,
          column: row.sourceColumn,
          message: 'the row has no source (set the table\'s "source" or fill its source column)',
        });
      for (const id of row.sourceIds) {
        if (!sourceIds.has(id))
          problems.push({
            file,
            row: row.row,
            column: row.sourceColumn,
            message: `source id "${id}" is not among the "sources" of publication.json`,
          });
      }
      if (table.role === 'independent') {
        for (const cell of row.cells) {
          const read = readIndependentCell(cell, table, definition, publication.year);
          if ('problem' in read) problems.push({ file, row: cell.row, column: cell.column, message: read.problem });
          else if (read.field) {
            sourceValues.push({
              index,
              year: publication.year,
              unit_id: unit.id,
              measure: cell.measure,
              ...read.figure,
              field: read.field,
              source_id: row.sourceIds[0] ?? '',
              declared: row.declared?.en ?? null,
              declared_vi: row.declared?.vi ?? null,
              raw_file: `${shownDir}/${table.file}`,
              raw_cell: `${cell.column}${cell.row}`,
            });
          }
        }
        continue;
      }
      const notScored = notScoredEntries
        .filter(({ match: m }) => m.ok && m.unit.id === unit.id)
        .map(({ entry }) => entry);
      for (const cell of row.cells) {
        const existing = observations.get(unit.id, cell.measure);
        const obs = existing ?? {
          index,
          year: publication.year,
          unit_id: unit.id,
          measure: cell.measure,
          value: null,
          published_rank: null,
          published_group: null,
          published_rank_change: null,
          status: 'not-given' as Status,
          status_note_vi: null,
          status_note_en: null,
          source_id: row.sourceIds[0] ?? null,
          raw_file: rawFile,
          raw_sheet: table.sheet ?? null,
          raw_cell: null,
          raw_rank_cell: null,
          raw_change_cell: null,
        };
        const declared = notScored.find((n) => !n.measures || n.measures.includes(cell.measure));
        // A rank or group read from another file or sheet than the value names its table, so the cell is never misread.
        const qualified = (file: string, sheet: string | null) => `${file}${sheet ? ` [${sheet}]` : ''}!`;
        let elsewhere = obs.raw_file !== rawFile || obs.raw_sheet !== (table.sheet ?? null);
        if (elsewhere && cell.kind === 'value' && !obs.raw_cell) {
          // The value's table becomes the observation's; a rank read before it keeps its own table's name.
          if (obs.raw_rank_cell && !obs.raw_rank_cell.includes('!'))
            obs.raw_rank_cell = qualified(obs.raw_file.slice(shownDir.length + 1), obs.raw_sheet) + obs.raw_rank_cell;
          Object.assign(obs, { raw_file: rawFile, raw_sheet: table.sheet ?? null });
          elsewhere = false;
        }
        const where = elsewhere ? qualified(table.file, table.sheet ?? null) : '';
        const problem = readCell(
          obs,
          cell,
          table,
          declared?.reason,
          definition,
          publication.year,
          existing !== undefined,
          where,
        );
        if (problem) problems.push({ file, row: cell.row, column: cell.column, message: problem });
        if (!existing) observations.add(obs);
      }
    }
  }

  for (const [file, sheet] of sheetsRead) {
    for (const { cell, table, count } of sheet.cells.values()) {
      const unit = count === sheet.tables ? matcher.unitNamed(cell.text) : undefined;
      if (unit)
        problems.push({ file, row: cell.row, column: cell.column, message: outsideMessage(unit.name_vi, cell, table) });
    }
  }

  // A unit declared not scored may be left out of the table: record it as not scored all the same.
  const mappedMeasures = [
    ...new Set(publication.tables.filter((t) => t.role !== 'independent').flatMap((t) => Object.keys(t.values))),
  ];
  for (const { entry: n, match: m } of notScoredEntries) {
    if (!m.ok) {
      problems.push({ file: shown, message: `not_scored: ${m.problem}` });
      continue;
    }
    for (const measure of n.measures ?? mappedMeasures) {
      if (observations.get(m.unit.id, measure)) continue;
      observations.add({
        index,
        year: publication.year,
        unit_id: m.unit.id,
        measure,
        value: null,
        published_rank: null,
        published_group: null,
        published_rank_change: null,
        status: 'not-scored',
        status_note_vi: n.reason.vi,
        status_note_en: n.reason.en,
        source_id: publication.sources[0].id,
        raw_file: shown,
        raw_sheet: null,
        raw_cell: null,
        raw_rank_cell: null,
        raw_change_cell: null,
      });
    }
  }
  if (!problems.length) problems.push(...checkNamesTellUnitSet(publication, matchedNames, registry, matcherFor, shown));
  const listedUnits = [...new Set(observations.inOrder.map((o) => o.unit_id))];
  const universe =
    (publication.universe ?? 'unit-set') === 'listed'
      ? listedUnits
      : registry.units.filter((u) => u.unit_sets.includes(publication.unit_set)).map((u) => u.id);
  // The units that have a value, or are declared not scored, for each measure.
  const covered = new Map<string, Set<string>>();
  for (const o of observations.inOrder) {
    if (o.value === null && o.status !== 'not-scored') continue;
    if (!covered.has(o.measure)) covered.set(o.measure, new Set());
    covered.get(o.measure)!.add(o.unit_id);
  }
  // Checked only when the tables were read cleanly; otherwise every unit of a broken table would be listed again.
  for (const measure of problems.length ? [] : (publication.complete_measures ?? [])) {
    const lacking = universe.filter((id) => !covered.get(measure)?.has(id));
    if (lacking.length) {
      const names = lacking.map((id) => registry.byId.get(id)!.name_vi);
      problems.push({
        file: shown,
        message: `"complete_measures" claims "${measure}" for every unit, but ${lacking.length} unit(s) have no value and no "not_scored" entry: ${names.slice(0, 10).join(', ')}${names.length > 10 ? ', …' : ''}`,
      });
    }
  }
  if (problems.length) return { problems };
  // A cell left blank without a declaration publishes nothing: the unit is simply absent for that measure.
  const rows = observations.inOrder.filter((o) => o.status !== 'not-given');
  return { edition: { publication, folder: shownDir, universe, observations: rows, sourceValues }, problems };
}

/**
 * In a year that changed the provinces (2025: the 63 until 30 June, the 34 from 1 July) a name such as "Tuyên Quang"
 * or "Huế" names a unit of each set. The declared unit set resolves it, but an earlier set may have been kept by
 * accident (publication.json is copied from last year's), so it needs a confirmation: a name that only it knows, or
 * "units_as_of". A later set is never kept by accident, and a name it does not know is refused anyway.
 */
function checkNamesTellUnitSet(
  publication: Publication,
  names: string[],
  registry: Registry,
  matcherFor: (set: UnitSet) => NameMatcher,
  shown: string,
): Problem[] {
  if (publication.units_as_of || names.length === 0) return [];
  const own = matcherFor(publication.unit_set);
  const later = unitSetsValidIn(registry, publication.year).filter(
    (s) => registry.periods[s].from > registry.periods[publication.unit_set].from,
  );
  for (const other of later) {
    const theirs = matcherFor(other);
    const decisive = names.some((name) => {
      const there = theirs.match(name);
      const here = own.match(name);
      return !there.ok || (here.ok && here.unit.id === there.unit.id);
    });
    if (!decisive) {
      return [
        {
          file: shown,
          message: `every province name in the tables (${names.length}, e.g. "${names[0]}") also names a different unit of ${other} (${registry.periods[other].description}), which also existed in ${publication.year}, so the names cannot tell whether "unit_set" ${publication.unit_set} is right (a publication.json copied from an earlier year keeps its unit set). Check which units the table means and give their date in "units_as_of" (YYYY-MM-DD)`,
        },
      ];
    }
  }
  return [];
}

/** Why a province named outside the mapped rows (or columns) would be lost, and which bound to move. */
function outsideMessage(name: string, cell: OutsideCell, table: TableSpec): string {
  const side = cell.side;
  if (side === 'beside') {
    return `${name} is printed in column ${cell.column}, but the table's province names are in column ${cell.unitColumn} (under "${table.unit_header}"), so the row would be left out: put the name in its column`;
  }
  const byColumn = table.layout === 'unit-per-column';
  const bound = byColumn
    ? side === 'before'
      ? 'first_column'
      : 'last_column'
    : side === 'before'
      ? 'first_row'
      : 'last_row';
  const where = byColumn
    ? side === 'before'
      ? "before the table's first column"
      : "after the table's last column"
    : side === 'before'
      ? "above the table's first row"
      : "below the table's last row";
  const declare = byColumn
    ? ''
    : ', or, if the row is not part of the table (a highlight box), list it in "rows_outside" with why';
  return `${name} is printed ${where} ("${bound}"), so it would be left out: fix "${bound}"${declare}`;
}

/** Reads one cell into the observation; returns a problem message or nothing. */
function readCell(
  obs: RawObservation,
  located: LocatedCell,
  table: TableSpec,
  notScoredReason: Text | undefined,
  definition: IndexDefinition,
  year: number,
  seenBefore: boolean,
  elsewhere: string,
): string | undefined {
  const { cell, kind } = located;
  const ref = `${located.column}${located.row}`;
  if (kind === 'value') {
    if (seenBefore && obs.raw_cell)
      return `the value of "${obs.measure}" for this province is already read from ${obs.raw_file} ${obs.raw_cell}`;
    obs.raw_cell = ref;
    // Only a table with missing-value tokens folds its cells' text to look them up.
    const token = typeof cell === 'string' && table.missing_values ? table.missing_values[foldSpace(cell)] : undefined;
    if (notScoredReason !== undefined) {
      const isGap = isBlank(cell) || cell === 0 || token !== undefined;
      obs.status = 'not-scored';
      obs.status_note_vi = notScoredReason.vi;
      obs.status_note_en = notScoredReason.en;
      return isGap
        ? undefined
        : `declared "not_scored" in publication.json, but the cell holds ${JSON.stringify(cell)}`;
    }
    if (token !== undefined) {
      obs.status = 'not-scored';
      obs.status_note_vi = token.vi;
      obs.status_note_en = token.en;
      return undefined;
    }
    if (isBlank(cell)) return undefined;
    const n = readNumber(cell, table.decimal ?? '.');
    if (!n.ok) return n.problem;
    const measure = definition.measures.find((m) => m.id === obs.measure)!;
    const scale = scaleFor(measure, year)!;
    if (n.value < scale.min || n.value > scale.max) {
      return `${n.value} is outside the scale of "${obs.measure}" in ${year} (${scale.min} to ${scale.max})${n.value === 0 ? '; if 0 means "not scored", declare the province in "not_scored"' : ''}`;
    }
    obs.value = n.value;
    obs.status = 'published';
    return undefined;
  }
  if (isBlank(cell)) return undefined;
  if (notScoredReason !== undefined)
    return `declared "not_scored" in publication.json, but its ${kind} cell holds ${JSON.stringify(cell)}`;
  if (kind === 'rank_change') {
    const r = readRankChange(cell);
    if (!r.ok) return r.problem;
    obs.published_rank_change = r.value;
    obs.raw_change_cell = elsewhere + ref;
    if (obs.status === 'not-given') obs.status = 'published';
    return undefined;
  }
  if (kind === 'rank') {
    if (obs.raw_rank_cell)
      return `the rank of "${obs.measure}" for this province is already read from ${obs.raw_file} ${obs.raw_rank_cell}`;
    const r = readRank(cell);
    if (!r.ok) return r.problem;
    obs.published_rank = r.value;
    obs.raw_rank_cell = elsewhere + ref;
    if (obs.status === 'not-given') obs.status = 'published';
    return undefined;
  }
  const label = foldSpace(String(cell));
  const labels = definition.groups.labels?.map((l) => l.id) ?? [];
  if (!labels.includes(label)) return `unknown group label "${label}" (known: ${labels.join(', ')})`;
  if (obs.published_group !== null)
    return `the group of "${obs.measure}" for this province is already read from another table ("${obs.published_group}")`;
  obs.published_group = label;
  return undefined;
}

const decimalsOf = (cell: Cell) =>
  typeof cell === 'string' ? (/[.,](\d+)\s*$/.exec(cell.trim())?.[1].length ?? 0) : 0;

/** Reads one cell of an independent table: the same strict rules as for the edition's own figures. */
function readIndependentCell(
  located: LocatedCell,
  table: TableSpec,
  definition: IndexDefinition,
  year: number,
): { problem: string } | { field?: SourceValue['field']; figure: Pick<SourceValue, 'value' | 'label' | 'tolerance'> } {
  const { cell, kind } = located;
  const none = { figure: { value: null, label: null, tolerance: 0 } };
  if (isBlank(cell)) return none;
  if (kind === 'value') {
    const n = readNumber(cell, table.decimal ?? '.');
    if (!n.ok) return { problem: n.problem };
    const scale = scaleFor(
      definition.measures.find((m) => m.id === located.measure)!,
      year,
    )!;
    if (n.value < scale.min || n.value > scale.max)
      return {
        problem: `${n.value} is outside the scale of "${located.measure}" in ${year} (${scale.min} to ${scale.max})`,
      };
    return { field: 'value', figure: { value: n.value, label: null, tolerance: 0.5 * 10 ** -decimalsOf(cell) + 1e-9 } };
  }
  if (kind === 'rank' || kind === 'rank_change') {
    const r = kind === 'rank' ? readRank(cell) : readRankChange(cell);
    if (!r.ok) return { problem: r.problem };
    return { field: kind, figure: { value: r.value, label: null, tolerance: 0 } };
  }
  const label = foldSpace(String(cell));
  const labels = definition.groups.labels?.map((l) => l.id) ?? [];
  if (!labels.includes(label)) return { problem: `unknown group label "${label}" (known: ${labels.join(', ')})` };
  return { field: 'group', figure: { value: null, label, tolerance: 0 } };
}
