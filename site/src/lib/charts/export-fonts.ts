/**
 * The fonts of exported chart images, served as /files/fonts/<file>: Noto Sans (@fontsource/noto-sans: latin,
 * latin-ext and vietnamese subsets, regular and bold) and, for the symbols those subsets lack (↑ ↓ → ← ≥ ≤ …),
 * a subset of Noto Sans Math (@fontsource/noto-sans-math) made at build time. The browser's PNG export embeds them
 * in the SVG it draws, so a PNG looks the same on every machine; the build's rasteriser (og/raster.ts) gives
 * fontconfig the same two families. No Node imports: the browser bundle takes this list as it is.
 */
import unicodeRanges from '@fontsource/noto-sans/unicode.json';

export interface ExportFont {
  file: string;
  family: 'Noto Sans' | 'Noto Sans Math';
  weight: 400 | 700;
  unicodeRange?: string;
}

/** Every symbol of the charts' and frames' text outside Noto Sans's subsets. */
export const SYMBOLS = '↑↓→←↗↘≥≤‡▲▼●■◆★';

const SUBSETS = ['latin', 'latin-ext', 'vietnamese'] as const;

export const EXPORT_FONTS: ExportFont[] = [
  ...SUBSETS.flatMap((subset) =>
    ([400, 700] as const).map((weight) => ({
      file: `noto-sans-${subset}-${weight}.woff2`,
      family: 'Noto Sans' as const,
      weight,
      unicodeRange: unicodeRanges[subset],
    })),
  ),
  { file: 'noto-sans-math-symbols-400.woff2', family: 'Noto Sans Math', weight: 400 },
];

export const fontPath = (file: string) => `/files/fonts/${file}`;
