/** Text helpers shared by the name matcher, the header matcher and slugs. */

/** Folds white space (including tabs and non-breaking spaces) and normalises to NFC. */
export function foldSpace(text: string): string {
  return text.normalize('NFC').replace(/[\s\u00a0\u200b\ufeff]+/gu, ' ').trim();
}

/** Removes diacritics and maps every form of Đ/đ (including U+00D0 Ð and ð) to d. Keeps case. */
export function stripDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[ĐÐ]/g, 'D')
    .replace(/[đð]/g, 'd');
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
