/** A problem found in the raw input, located as precisely as we can: file, row, column. */
export interface Problem {
  file: string;
  row?: number;
  column?: string;
  message: string;
}

/** Control characters escaped (\n, \u0007), so that no text from the input can forge a line of the output. */
const escapeControls = (text: string) =>
  text.replace(/[\p{Cc}\u2028\u2029]/gu, (c) =>
    JSON.stringify(c)
      .slice(1, -1)
      .replace(/^\u2028$/, '\\u2028'),
  );

export function formatProblem(p: Problem): string {
  const where = [p.file, p.row !== undefined ? `row ${p.row}` : '', p.column ? `column ${p.column}` : '']
    .filter(Boolean)
    .join(', ');
  return escapeControls(`${where}: ${p.message}`);
}

/** Thrown when the input is invalid; carries every problem found, not just the first. */
export class InvalidInputError extends Error {
  constructor(readonly problems: Problem[]) {
    super(
      `${problems.length} problem(s) in the raw input:\n` + problems.map((p) => '  - ' + formatProblem(p)).join('\n'),
    );
  }
}
