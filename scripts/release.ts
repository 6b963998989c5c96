#!/usr/bin/env tsx
// npm run release: builds the data, then records the release named in raw/release.json: a snapshot of every
// published figure (raw/releases/<version>.csv) and its metadata (raw/releases/<version>.json). Later builds are
// compared with it: changes need a new version and, for changed or removed figures, an entry in raw/corrections.json.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { publishData } from '../pipeline/write/publish.js';
import { DATA_ONLY, RAW } from '../pipeline/paths.js';
import { describeFailure } from '../pipeline/validate/report.js';
import { readRelease, recordRelease } from '../pipeline/release/releases.js';

const data = DATA_ONLY;
try {
  const { release } = readRelease(RAW);
  if (existsSync(join(RAW, 'releases', `${release.version}.csv`))) {
    throw new Error(
      `release ${release.version} is already recorded in raw/releases/; set a new version in raw/release.json`,
    );
  }
  await publishData(RAW, data);
  await recordRelease(RAW, data, release);
  console.log(`✓ release ${release.version} recorded in raw/releases/; commit it with the data`);
} catch (error) {
  console.error(describeFailure(error));
  process.exitCode = 1;
}
