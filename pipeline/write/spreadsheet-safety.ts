/**
 * CSV/formula injection (OWASP): a text cell that begins with = + - @ tab or carriage return is run as a formula by
 * spreadsheet programs. Such text gets a leading apostrophe in the CSV and Excel downloads; numbers stay numbers.
 */
const RISKY_START = /^[=+\-@\t\r]/;

export function neutraliseText(text: string): string {
  return RISKY_START.test(text) ? `'${text}` : text;
}

/** The same rule in SQL, for a text expression in place of {}. */
export const RISKY_START_SQL = `CASE WHEN regexp_matches({}, '^[=+\\-@\\t\\r]') THEN '''' || {} ELSE {} END`;
