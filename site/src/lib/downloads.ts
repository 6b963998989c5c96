/** The datasets of the downloads page, grouped by dataset with every format, and the data releases. */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { dataPackage, type DataPackageResource, type Lang } from './data';

const DATA = process.env.CHISO_DATA_DIR!;

export interface DatasetFile {
  path: string;
  format: string;
  bytes: number;
  sha256: string;
}
export interface Dataset {
  key: string;
  title: string;
  files: DatasetFile[];
  fields: { name: string; description: string }[];
}

function datasetKey(name: string): string {
  return name.replace(/-(json|parquet)$/, '').replace(/-(wide|xlsx)$/, '');
}

export function datasets(lang: Lang): Dataset[] {
  const groups = new Map<string, DataPackageResource[]>();
  for (const r of dataPackage.resources) {
    const key = datasetKey(r.name);
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  return [...groups.entries()].map(([key, list]) => {
    const main = list.find((r) => r['x-title-vi']) ?? list[0];
    const schema = dataPackage.resources.find((r) => datasetKey(r.name) === key && r.schema)?.schema;
    return {
      key,
      title: lang === 'vi' ? (main['x-title-vi'] ?? main.title) : main.title,
      files: list.map((r) => ({
        path: r.path,
        format: r.format,
        bytes: r.bytes,
        sha256: r.hash.replace(/^sha256:/, ''),
      })),
      fields: (schema?.fields ?? []).map((f) => ({
        name: f.name,
        description: lang === 'vi' ? (f['x-description-vi'] ?? f.description) : f.description,
      })),
    };
  });
}

/** Files beside the datasets (datapackage.json, SHA256SUMS): size and checksum read from the folder. */
export function packageFiles(): DatasetFile[] {
  return ['datapackage.json', 'SHA256SUMS'].map((path) => {
    const full = join(DATA, path);
    return {
      path,
      format: path.endsWith('.json') ? 'json' : 'text',
      bytes: statSync(full).size,
      sha256: createHash('sha256').update(readFileSync(full)).digest('hex'),
    };
  });
}
