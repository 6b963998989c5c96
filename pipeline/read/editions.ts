/** Reads everything under raw/: the unit registry, the index definitions and every edition folder. */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { setImmediate } from 'node:timers/promises';
import { INDEX_IDS, loadIndexDefinitions, type IndexDefinition, type IndexId } from './index-definitions.js';
import { matchersFor } from './name-matcher.js';
import { InvalidInputError, type Problem } from '../validate/problems.js';
import { readEdition, type Edition } from './edition.js';
import { loadRegistry, UNIT_SETS, type Registry } from './registry.js';
import { nameProblem, shownName } from '../validate/metadata.js';

export interface RawData {
  registry: Registry;
  definitions: Map<IndexId, IndexDefinition>;
  editions: Edition[];
}

const isDir = (p: string) => statSync(p).isDirectory();
/** Folders of raw/ that hold reference material rather than index editions. */
const REFERENCE_FOLDERS = ['units', 'geo', 'releases'];

/**
 * Reads and validates raw/, or throws every problem found. With `take`, each edition is handed to it as soon as it
 * is read (the pipeline streams its rows into DuckDB), even if a later edition turns out to have problems.
 */
export async function readRaw(rawDir: string, take?: (edition: Edition) => void): Promise<RawData> {
  const registry = loadRegistry(join(rawDir, 'units'));
  const definitions = loadIndexDefinitions(rawDir);
  const matcherFor = matchersFor(registry);
  // Every unit set's spellings are checked up front, so a bad alias is reported even if no edition uses its set.
  const problems: Problem[] = UNIT_SETS.flatMap((set) => {
    try {
      matcherFor(set);
      return [];
    } catch (error) {
      if (error instanceof InvalidInputError) return error.problems;
      throw error;
    }
  });
  if (problems.length) throw new InvalidInputError(problems);
  const editions: Edition[] = [];
  const refused = (path: string, name: string, shown: string) => {
    const problem = nameProblem(path, name, rawDir);
    if (problem) problems.push({ file: shown, message: problem });
    return problem !== undefined;
  };
  for (const folder of readdirSync(rawDir).sort()) {
    if (refused(join(rawDir, folder), folder, `raw/${shownName(folder)}`)) continue;
    if (REFERENCE_FOLDERS.includes(folder) && isDir(join(rawDir, folder))) {
      for (const name of readdirSync(join(rawDir, folder)).sort())
        refused(join(rawDir, folder, name), name, `raw/${folder}/${shownName(name)}`);
    }
    if (REFERENCE_FOLDERS.includes(folder) || !isDir(join(rawDir, folder))) continue;
    const definition = definitions.get(folder as IndexId);
    if (!definition) {
      problems.push({ file: `raw/${folder}`, message: `unknown index folder (known: ${INDEX_IDS.join(', ')})` });
      continue;
    }
    for (const year of readdirSync(join(rawDir, folder)).sort()) {
      const path = join(rawDir, folder, year);
      if (refused(path, year, `raw/${folder}/${shownName(year)}`) || !isDir(path)) continue;
      if (!/^\d{4}$/.test(year)) {
        problems.push({
          file: `raw/${folder}/${year}`,
          message: 'an edition folder must be named after its results year (four digits)',
        });
        continue;
      }
      if (!existsSync(join(path, 'publication.json'))) {
        problems.push({
          file: `raw/${folder}/${year}/publication.json`,
          message: 'file not found: every edition folder needs a publication.json',
        });
        continue;
      }
      // Reading waits for nothing: between editions, what else the process has to do goes first (the rows staged so
      // far being written, a test runner's messages).
      await setImmediate();
      const result = await readEdition(rawDir, folder, year, definition, registry, matcherFor);
      problems.push(...result.problems);
      if (result.edition) {
        take?.(result.edition);
        editions.push(result.edition);
      }
    }
  }
  if (problems.length) throw new InvalidInputError(problems);
  return { registry, definitions, editions };
}
