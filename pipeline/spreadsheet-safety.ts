/**
 * CSV/formula injection (OWASP): a text cell that begins with = + - @ tab or carriage return is run as a formula by
 * spreadsheet programs. Such text gets a leading apostrophe in the CSV and Excel downloads; numbers stay numbers.
 */
const RISKY_START = /^[=+\-@\t\r]/;

export function neutraliseText(text: string): string {
  return RISKY_START.test(text) ? `'${text}` : text;
}

/** The same rule as a DuckDB expression over a VARCHAR column. */
export function neutraliseSql(column: string): string {
  return `CASE WHEN regexp_matches("${column}", '^[=+\\-@\\t\\r]') THEN '''' || "${column}" ELSE "${column}" END AS "${column}"`;
}
