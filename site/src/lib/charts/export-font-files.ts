/** The export fonts (export-fonts.ts) as files, from the @fontsource packages: site/scripts/download-files.ts writes
 * them beside the Astro build. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import subsetFont from 'subset-font';
import { EXPORT_FONTS, fontPath, SYMBOLS, type ExportFont } from './export-fonts';

const require = createRequire(import.meta.url);
const fontsOf = (pkg: string) => join(dirname(require.resolve(`${pkg}/package.json`)), 'files');

/** A font file of a @fontsource package: its name there, e.g. noto-sans-latin-400-normal.woff2. */
export function fontsourceFile(pkg: '@fontsource/noto-sans' | '@fontsource/noto-sans-math', name: string): Buffer {
  return readFileSync(join(fontsOf(pkg), name));
}

async function exportFontBytes(font: ExportFont): Promise<Buffer> {
  if (font.family === 'Noto Sans')
    return fontsourceFile('@fontsource/noto-sans', font.file.replace(/\.woff2$/, '-normal.woff2'));
  const math = fontsourceFile('@fontsource/noto-sans-math', 'noto-sans-math-latin-400-normal.woff2');
  return subsetFont(math, SYMBOLS, { targetFormat: 'woff2' });
}

/** Writes the fonts into `siteDir` (the site's output folder); returns how many. */
export async function writeExportFonts(siteDir: string): Promise<number> {
  for (const font of EXPORT_FONTS) {
    const target = join(siteDir, fontPath(font.file));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, await exportFontBytes(font));
  }
  return EXPORT_FONTS.length;
}
