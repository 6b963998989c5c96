/** npm run template -- <index> <year>: prints the edition's transcription template (pipeline/template.ts) as CSV. */
import { InvalidInputError } from '../pipeline/validate/problems.js';
import { describeFailure } from '../pipeline/validate/report.js';
import { editionTemplate } from '../pipeline/template.js';
import { RAW } from '../pipeline/paths.js';

const [index, year] = process.argv.slice(2);
if (!index || !/^\d{4}$/.test(year ?? '')) {
  console.error(
    'usage: npm run template -- <index> <year>   (e.g. npm run template -- par-index 2023 > par-index-2023-report.csv)',
  );
  process.exit(2);
}
try {
  process.stdout.write(await editionTemplate(RAW, index, Number(year)));
} catch (error) {
  console.error(describeFailure(error));
  process.exit(error instanceof InvalidInputError ? 1 : 2);
}
