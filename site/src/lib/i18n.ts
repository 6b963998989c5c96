/** t(lang)('key', { n: 3 }): the interface text of site/src/i18n/<lang>.ts with {n} replaced. */
import type { Lang } from './data';
import { en } from '../i18n/en';
import { vi, type UiKey } from '../i18n/vi';
import { formatDate } from './format';

export type { UiKey };

const dictionaries: Record<Lang, Record<UiKey, string>> = { vi, en };

/** Facts the texts share, each written once: {mergerDate} is the day the 34 units began (Resolution 202/2025/QH15). */
const MERGER_DATE = '2025-07-01';
const SHARED = new Map<string, (lang: Lang) => string>([['mergerDate', (lang) => formatDate(MERGER_DATE, lang)]]);

/** The text with its {placeholders} replaced by the values, or by the shared facts; unknown ones are kept. */
export function fill(text: string, lang: Lang, values: Record<string, string | number> = {}): string {
  if (!text.includes('{')) return text;
  return text.replace(/\{(\w+)\}/g, (_, name: string) =>
    String(values[name] ?? SHARED.get(name)?.(lang) ?? `{${name}}`),
  );
}

export function t(lang: Lang) {
  const dict = dictionaries[lang];
  return (key: UiKey, values: Record<string, string | number> = {}): string => fill(dict[key], lang, values);
}

/**
 * A text whose {placeholders} are page parts (links, emphasis): the pieces in order, for a template to render.
 * Placeholders t() already filled are plain text; the others are replaced by the given parts.
 */
export function withParts<T>(text: string, parts: Record<string, T>): (string | T)[] {
  return text
    .split(/(\{\w+\})/)
    .filter((piece) => piece !== '')
    .map((piece) => {
      const name = /^\{(\w+)\}$/.exec(piece)?.[1];
      return name !== undefined && name in parts ? parts[name] : piece;
    });
}
