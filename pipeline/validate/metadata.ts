/**
 * Checks of an edition's metadata that a JSON Schema cannot express: dates that exist and are not in the future,
 * source URLs on the public internet, a unit set that existed in the year the edition measures, and file and
 * folder names that are what they look like.
 */
import { lstatSync, realpathSync } from 'node:fs';
import { relative, isAbsolute } from 'node:path';
import type { Problem } from './problems.js';
import { unitSetsValidIn, type Registry, type UnitSet } from '../read/registry.js';

/** Whether a YYYY, YYYY-MM or YYYY-MM-DD text names a date that exists (no month 13, no 30 February). */
export function isRealDate(text: string): boolean {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), m[2] ? Number(m[2]) : 1, m[3] ? Number(m[3]) : 1];
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * A date in the future of the build is refused, never used: the clock may stop a build but never changes its
 * output (the same input gives the same bytes on any day).
 */
export function isInFuture(date: string, today = new Date().toISOString().slice(0, 10)): boolean {
  return date > today.slice(0, date.length);
}

const PRIVATE_HOST = [
  /^localhost$/,
  /\.localhost$/,
  /\.local$/,
  /\.internal$/,
  /\.lan$/,
  /\.home\.arpa$/,
  /^0\./,
  /^10\./,
  /^127\./,
  /^169\.254\./,
  /^172\.(1[6-9]|2\d|3[01])\./,
  /^192\.168\./,
  /^100\.(6[4-9]|[7-9]\d|1[01]\d|12[0-7])\./,
  /^255\.255\.255\.255$/,
  /^\[(::1?|f[cd][0-9a-f:]*|fe[89ab][0-9a-f:]*|::ffff:[0-9a-f.:]+)\]$/,
];

/** Why a source URL cannot be a public source (a private, loopback or local address, credentials), or nothing. */
export function privateUrlProblem(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `"${url}" is not a URL`;
  }
  const host = parsed.hostname.toLowerCase();
  if (parsed.username || parsed.password)
    return `"${url}" carries a user name or password; a source is a public address`;
  if (PRIVATE_HOST.some((p) => p.test(host)))
    return `"${url}" is on a private, loopback or local address (${host}); a source must be public`;
  if (!host.includes('.') && !host.startsWith('['))
    return `"${url}" has the host "${host}" without a domain; a source must be a public address`;
  return undefined;
}

/** Problems with an edition's dates and sources. */
export function checkDatesAndSources(
  p: {
    year: number;
    published: string;
    units_as_of?: string;
    sources: {
      id: string;
      url: string;
      title?: string;
      description?: unknown;
      date?: string;
      quote_lang?: string;
      note?: { vi: string; en: string };
    }[];
  },
  shown: string,
): Problem[] {
  const problems: Problem[] = [];
  if (!isRealDate(p.published))
    problems.push({
      file: shown,
      message: `"published" is "${p.published}", which is not a date that exists (YYYY, YYYY-MM or YYYY-MM-DD)`,
    });
  else if (isInFuture(p.published))
    problems.push({
      file: shown,
      message: `"published" (${p.published}) is in the future of this build; an edition is added once it is announced`,
    });
  if (p.units_as_of !== undefined && !isRealDate(p.units_as_of))
    problems.push({ file: shown, message: `"units_as_of" is "${p.units_as_of}", which is not a date that exists` });
  p.sources.forEach((s, i) => {
    if (s.date !== undefined && !isRealDate(s.date)) {
      problems.push({
        file: shown,
        message: `sources[${i}] ("${s.id}"): "date" is "${s.date}", which is not a date that exists`,
      });
    } else if (s.date !== undefined && isInFuture(s.date)) {
      problems.push({
        file: shown,
        message: `sources[${i}] ("${s.id}"): "date" (${s.date}) is in the future of this build`,
      });
    }
    if (s.title === undefined && s.description === undefined)
      problems.push({
        file: shown,
        message: `sources[${i}] ("${s.id}") has neither "title" nor "description": give the title as published (with "title_lang"), or say what the source is in "description": {"vi": "…", "en": "…"}`,
      });
    // A quote is marked with its language on the pages: without it, a reader's screen reader reads it in the page's.
    if (s.quote_lang === undefined && /«[^»]*»/.test(`${s.note?.vi ?? ''}${s.note?.en ?? ''}`))
      problems.push({
        file: shown,
        message: `sources[${i}] ("${s.id}"): its note quotes the source («…») but "quote_lang" does not say in which language (vi, en, ja, …)`,
      });
    const problem = privateUrlProblem(s.url);
    if (problem) problems.push({ file: shown, message: `sources[${i}] ("${s.id}"): "url" ${problem}` });
  });
  return problems;
}

/**
 * The unit set must have existed in the year the edition measures (its results year, not its announcement date),
 * or on "units_as_of" when the edition gives it.
 */
export function checkUnitSetDate(
  p: { year: number; unit_set: UnitSet; units_as_of?: string },
  registry: Registry,
  shown: string,
): Problem[] {
  const valid = unitSetsValidIn(registry, p.year, p.units_as_of);
  if (valid.includes(p.unit_set)) return [];
  const when = p.units_as_of
    ? `on ${p.units_as_of} ("units_as_of")`
    : `in ${p.year}, the results year this edition measures`;
  return [
    {
      file: shown,
      message: `"unit_set" is ${p.unit_set} (${registry.periods[p.unit_set].description}), which did not exist ${when}; use ${valid.map((s) => `${s} (${registry.periods[s].description})`).join(' or ')}. The unit set follows the year measured, not the announcement date.`,
    },
  ];
}

/** A name shown safely in a message: control characters escaped, so that a newline cannot forge an output line. */
export const shownName = (name: string) => JSON.stringify(name).slice(1, -1);

/** Why a file or folder name of raw/ is refused (control characters; a symbolic link that leaves raw/), or nothing. */
export function nameProblem(path: string, name: string, rawDir: string): string | undefined {
  if (/[\p{Cc}\u2028\u2029]/u.test(name))
    return `the name "${shownName(name)}" contains a control character: rename it`;
  if (lstatSync(path).isSymbolicLink()) {
    let target: string;
    try {
      target = realpathSync(path);
    } catch {
      return 'is a symbolic link to nothing: replace it with the file itself';
    }
    const inside = relative(realpathSync(rawDir), target);
    if (inside.startsWith('..') || isAbsolute(inside))
      return `is a symbolic link to ${target}, outside raw/: copy the file into raw/ instead`;
  }
  return undefined;
}
