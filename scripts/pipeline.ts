#!/usr/bin/env tsx
// npm run pipeline: validates raw/ and publishes the datasets alone to dist-data/ (never into dist/, whose pages
// print the checksums of their own data; `npm run build` makes both), or changes nothing and exits 1.
//   --raw DIR and --out DIR read and write elsewhere (used by the tests and the benchmark; DIR is then a link to the
//   output kept beside it in .DIR.versions/, as dist-data/ is: deleting DIR alone leaves the files); --timings FILE
//   writes the seconds of each phase and of each SQL model as JSON (for npm run bench); --db FILE keeps the working
//   DuckDB database, with every table (read_*, stg_*, intermediate, marts), in FILE (see pipeline/README.md).
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { publishData } from '../pipeline/write/publish.js';
import { DATA_ONLY, RAW } from '../pipeline/paths.js';
import { describeFailure, describeSuccess } from '../pipeline/validate/report.js';

const { values: args } = parseArgs({
  options: { raw: { type: 'string' }, out: { type: 'string' }, timings: { type: 'string' }, db: { type: 'string' } },
});
const target = resolve(args.out ?? DATA_ONLY);
try {
  const result = await publishData(resolve(args.raw ?? RAW), target, (note) => console.log(`• ${note}`), {
    database: args.db && resolve(args.db),
  });
  console.log(describeSuccess(result, target));
  if (args.db) console.log(`  every table is kept in ${args.db} (open it with DuckDB)`);
  if (args.timings)
    writeFileSync(
      args.timings,
      JSON.stringify({ ...result.seconds, observations: result.observations, models: result.modelSeconds }),
    );
} catch (error) {
  console.error(describeFailure(error));
  process.exitCode = 1;
}
