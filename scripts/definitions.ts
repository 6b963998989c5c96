#!/usr/bin/env tsx
// npm run definitions: writes what is generated from the table definitions (pipeline/sql/3_marts/*.yml): the
// dataset JSON Schemas (schemas/datasets/) and the site's row types (site/src/lib/dataset-types.ts).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../pipeline/paths.js';
import { generatedFiles } from '../pipeline/write/dataset-schemas.js';

for (const [path, content] of Object.entries(await generatedFiles())) {
  const full = join(ROOT, path);
  let current: string | undefined;
  try {
    current = readFileSync(full, 'utf8');
  } catch {
    current = undefined;
  }
  if (current === content) continue;
  writeFileSync(full, content);
  console.log(`wrote ${path}`);
}
