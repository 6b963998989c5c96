#!/usr/bin/env tsx
// npm run verify [DIR]: checks a copy of the data package (default dist/data/): Frictionless profiles, sizes and
// checksums, and each CSV against its Table Schema. Exits 1 listing every problem.
import { join, resolve } from 'node:path';
import { DIST } from '../pipeline/paths.js';
import { verifyDataPackage } from '../pipeline/release/verify-package.js';

const dir = resolve(process.argv[2] ?? join(DIST, 'data'));
const problems = await verifyDataPackage(dir);
if (problems.length) {
  console.error(`✗ ${dir}: ${problems.length} problem(s)\n` + problems.map((p) => '  • ' + p).join('\n'));
  process.exitCode = 1;
} else {
  console.log(
    `✓ ${dir}: datapackage.json is a valid Data Package; every file matches its size and sha256; every CSV meets its Table Schema`,
  );
}
