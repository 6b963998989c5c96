/** Text helpers shared by the name matcher, the header matcher, slugs and the site's search and filter boxes. */

/** Folds white space (including tabs and non-breaking spaces) and normalises to NFC. */
export function foldSpace(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\s\u00a0\u200b\ufeff]+/gu, ' ')
    .trim();
}

/** Removes diacritics and maps every form of Đ/đ (including U+00D0 Ð and ð) to d. Keeps case. */
export function stripDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[ĐÐ]/g, 'D')
    .replace(/[đð]/g, 'd');
}

/**
 * A name as it is compared when typed, in the name matcher and in the site's search and filter boxes: no diacritics,
 * lower case, single spaces ("  Phú   Thọ" → "phu tho").
 */
export function foldText(text: string): string {
  return stripDiacritics(foldSpace(text)).toLowerCase();
}

/** URL slug: "Bà Rịa - Vũng Tàu" → "ba-ria-vung-tau". */
export function slugify(text: string): string {
  return stripDiacritics(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** Edit distance, for suggesting the closest known names in error messages. */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length];
}

/** The `count` candidates closest to `text` by edit distance on their keys. */
export function closest<T>(text: string, candidates: T[], key: (c: T) => string, count = 3): T[] {
  return candidates
    .map((c) => ({ c, d: editDistance(text, key(c)) }))
    .sort((x, y) => x.d - y.d || key(x.c).localeCompare(key(y.c), 'vi'))
    .slice(0, count)
    .map((x) => x.c);
}

/** Names of the invisible and look-alike characters most likely to be pasted into a name or a number. */
const CHARACTER_NAMES: Record<number, string> = {
  0x00a0: 'NO-BREAK SPACE',
  0x00ad: 'SOFT HYPHEN',
  0x2009: 'THIN SPACE',
  0x200b: 'ZERO WIDTH SPACE',
  0x200c: 'ZERO WIDTH NON-JOINER',
  0x200d: 'ZERO WIDTH JOINER',
  0x200e: 'LEFT-TO-RIGHT MARK',
  0x200f: 'RIGHT-TO-LEFT MARK',
  0x202f: 'NARROW NO-BREAK SPACE',
  0x2060: 'WORD JOINER',
  0xfeff: 'ZERO WIDTH NO-BREAK SPACE',
  0x2212: 'MINUS SIGN',
  0x2013: 'EN DASH',
  0x2014: 'EM DASH',
  0x0406: 'CYRILLIC CAPITAL LETTER BYELORUSSIAN-UKRAINIAN I',
  0x0410: 'CYRILLIC CAPITAL LETTER A',
  0x0412: 'CYRILLIC CAPITAL LETTER VE',
  0x0415: 'CYRILLIC CAPITAL LETTER IE',
  0x041a: 'CYRILLIC CAPITAL LETTER KA',
  0x041c: 'CYRILLIC CAPITAL LETTER EM',
  0x041d: 'CYRILLIC CAPITAL LETTER EN',
  0x041e: 'CYRILLIC CAPITAL LETTER O',
  0x0420: 'CYRILLIC CAPITAL LETTER ER',
  0x0421: 'CYRILLIC CAPITAL LETTER ES',
  0x0422: 'CYRILLIC CAPITAL LETTER TE',
  0x0425: 'CYRILLIC CAPITAL LETTER HA',
  0x0430: 'CYRILLIC SMALL LETTER A',
  0x0435: 'CYRILLIC SMALL LETTER IE',
  0x043e: 'CYRILLIC SMALL LETTER O',
  0x0440: 'CYRILLIC SMALL LETTER ER',
  0x0441: 'CYRILLIC SMALL LETTER ES',
  0x0443: 'CYRILLIC SMALL LETTER U',
  0x0445: 'CYRILLIC SMALL LETTER HA',
  0x0455: 'CYRILLIC SMALL LETTER DZE',
  0x0456: 'CYRILLIC SMALL LETTER BYELORUSSIAN-UKRAINIAN I',
  0x0458: 'CYRILLIC SMALL LETTER JE',
  0x0391: 'GREEK CAPITAL LETTER ALPHA',
  0x0392: 'GREEK CAPITAL LETTER BETA',
  0x0395: 'GREEK CAPITAL LETTER EPSILON',
  0x0397: 'GREEK CAPITAL LETTER ETA',
  0x0399: 'GREEK CAPITAL LETTER IOTA',
  0x039a: 'GREEK CAPITAL LETTER KAPPA',
  0x039c: 'GREEK CAPITAL LETTER MU',
  0x039d: 'GREEK CAPITAL LETTER NU',
  0x039f: 'GREEK CAPITAL LETTER OMICRON',
  0x03a1: 'GREEK CAPITAL LETTER RHO',
  0x03a4: 'GREEK CAPITAL LETTER TAU',
  0x03a7: 'GREEK CAPITAL LETTER CHI',
  0x03b1: 'GREEK SMALL LETTER ALPHA',
  0x03b9: 'GREEK SMALL LETTER IOTA',
  0x03bd: 'GREEK SMALL LETTER NU',
  0x03bf: 'GREEK SMALL LETTER OMICRON',
  0x03c1: 'GREEK SMALL LETTER RHO',
};

/** Latin letters with the Vietnamese diacritics (precomposed or combining), digits, ASCII punctuation and space. */
// The class holds ranges of single code points; combining marks (\u0300–\u0323) are allowed on their own.
// eslint-disable-next-line no-misleading-character-class
const LATIN_VIETNAMESE = /[\u0020-\u007e\u00c0-\u00ff\u0100-\u01b0\u0300-\u0323\u1ea0-\u1ef9]/u;

function describeCharacter(c: string): string {
  const code = `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
  const name = CHARACTER_NAMES[c.codePointAt(0)!];
  if (name) return `${code} ${name}`;
  const script = ['Cyrillic', 'Greek', 'Armenian', 'Han', 'Arabic', 'Hebrew', 'Thai'].find((s) =>
    new RegExp(`\\p{Script=${s}}`, 'u').test(c),
  );
  if (script) return `${code} (a ${script} character)`;
  if (/\p{Cc}/u.test(c)) return `${code} (a control character)`;
  if (/\p{Cf}/u.test(c)) return `${code} (an invisible format character)`;
  return `${code} (not a Latin or Vietnamese letter)`;
}

/**
 * For a message: the code points of the characters in `text` that are neither Latin-Vietnamese letters nor ASCII,
 * so that an invisible or look-alike character is not shown as if the text were right. Empty when there is none.
 */
export function describeUnusual(text: string): string {
  const odd = [...new Set([...text].filter((c) => !LATIN_VIETNAMESE.test(c)))];
  return odd.length ? ` (contains ${odd.map(describeCharacter).join(', ')})` : '';
}
