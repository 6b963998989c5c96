/** What the build prints: problems that stopped it, or the warnings of the quality report. */
import { formatProblem, InvalidInputError } from './problems.js';
import { PublishLockedError } from '../write/publish.js';
import type { Finding, PipelineResult } from '../run-pipeline.js';

const SHOWN_PER_CHECK = 5;

export function describeFailure(error: unknown): string {
  if (error instanceof PublishLockedError) return `✗ ${error.message}`;
  if (error instanceof InvalidInputError) {
    return [
      `✗ The raw input has ${error.problems.length} problem(s); nothing was published (the previous output is unchanged):`,
      ...error.problems.map((p) => '  • ' + formatProblem(p)),
    ].join('\n');
  }
  return `✗ The pipeline failed; nothing was published (the previous output is unchanged):\n  ${(error as Error).stack ?? error}`;
}

export function describeSuccess(result: PipelineResult, where: string): string {
  const byCheck = new Map<string, Finding[]>();
  for (const w of result.warnings) byCheck.set(w.check, [...(byCheck.get(w.check) ?? []), w]);
  const { read, duckdb, write } = result.seconds;
  const lines = [
    `✓ ${result.editions} editions, ${result.observations} observations → ${where} (${result.files.length} files)`,
    `  in ${(read + duckdb + write).toFixed(2)} s: reading raw/ ${read.toFixed(2)} s, DuckDB steps ${duckdb.toFixed(2)} s, writing ${write.toFixed(2)} s`,
  ];
  const total = (k: 'checked' | 'agree' | 'declared') => result.verification.reduce((n, v) => n + v[k], 0);
  if (result.verification.length) {
    lines.push(
      `✓ checked against ${total('checked')} independent figures in ${result.verification.length} editions: ${total('agree')} agree, ${total('declared')} declared disagreement(s) (per edition: quality.csv, check independent-figures)`,
    );
  }
  for (const v of result.verification.filter((x) => x.complete && x.checked > 0)) {
    lines.push(
      `  ${v.index} ${v.year} (full table): checked against ${v.checked} independent figures: ${v.agree} agree${v.declared ? `, ${v.declared} declared disagreement(s)` : ''}`,
    );
  }
  if (result.warnings.length) lines.push(`⚠ ${result.warnings.length} data-quality warning(s) (all in quality.csv):`);
  for (const [check, findings] of byCheck) {
    lines.push(`  ${check}: ${findings.length}`);
    for (const f of findings.slice(0, SHOWN_PER_CHECK))
      lines.push(`    - ${f.index} ${f.year} ${f.unit_id ?? ''}: ${f.message}`);
    if (findings.length > SHOWN_PER_CHECK) lines.push(`    … and ${findings.length - SHOWN_PER_CHECK} more`);
  }
  return lines.join('\n');
}
