/** The bytes of the export fonts (export-fonts.ts), read from the @fontsource packages at build time. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import subsetFont from 'subset-font';
import { SYMBOLS, type ExportFont } from './export-fonts';

const require = createRequire(import.meta.url);
const fontsOf = (pkg: string) => join(dirname(require.resolve(`${pkg}/package.json`)), 'files');

/** A font file of a @fontsource package: its name there, e.g. noto-sans-latin-400-normal.woff2. */
export function fontsourceFile(pkg: '@fontsource/noto-sans' | '@fontsource/noto-sans-math', name: string): Buffer {
  return readFileSync(join(fontsOf(pkg), name));
}

export async function exportFontBytes(font: ExportFont): Promise<Buffer> {
  if (font.family === 'Noto Sans')
    return fontsourceFile('@fontsource/noto-sans', font.file.replace(/\.woff2$/, '-normal.woff2'));
  const math = fontsourceFile('@fontsource/noto-sans-math', 'noto-sans-math-latin-400-normal.woff2');
  return subsetFont(math, SYMBOLS, { targetFormat: 'woff2' });
}
