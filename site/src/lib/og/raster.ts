/**
 * SVG → PNG at build time with sharp (librsvg). Text is drawn with Noto Sans from the @fontsource/noto-sans npm
 * package, converted once from WOFF to TrueType for fontconfig, and fontconfig sees no other font: the images
 * have their Vietnamese diacritics on any machine and are the same bytes everywhere. Results are cached on disk
 * by the SVG's hash, so a rebuild rasterises only what changed.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { fontsourceFile } from '../charts/export-font-files';

const REPO = process.env.CHISO_REPO_ROOT ?? process.cwd();
const CACHE = join(REPO, 'node_modules', '.cache', 'chiso-images');
const SUBSETS = ['latin', 'latin-ext', 'vietnamese'];
const MATH_WOFF = 'noto-sans-math-latin-400-normal.woff';
const WEIGHTS = [400, 700];

/** A WOFF 1.0 font as the TrueType (sfnt) file it wraps: each table inflated, the table directory rebuilt. */
export function woffToSfnt(woff: Buffer): Buffer {
  const count = woff.readUInt16BE(12);
  const tables = Array.from({ length: count }, (_, i) => {
    const o = 44 + i * 20;
    const [offset, compressed, original] = [
      woff.readUInt32BE(o + 4),
      woff.readUInt32BE(o + 8),
      woff.readUInt32BE(o + 12),
    ];
    const raw = woff.subarray(offset, offset + compressed);
    return {
      tag: woff.readUInt32BE(o),
      checksum: woff.readUInt32BE(o + 16),
      data: compressed < original ? inflateSync(raw) : raw,
    };
  });
  const selector = Math.floor(Math.log2(count));
  const range = 2 ** selector * 16;
  const head = Buffer.alloc(12 + 16 * count);
  head.writeUInt32BE(woff.readUInt32BE(4), 0);
  head.writeUInt16BE(count, 4);
  head.writeUInt16BE(range, 6);
  head.writeUInt16BE(selector, 8);
  head.writeUInt16BE(count * 16 - range, 10);
  let offset = head.length;
  const bodies = tables.map((t, i) => {
    head.writeUInt32BE(t.tag, 12 + i * 16);
    head.writeUInt32BE(t.checksum, 16 + i * 16);
    head.writeUInt32BE(offset, 20 + i * 16);
    head.writeUInt32BE(t.data.length, 24 + i * 16);
    const padded = Buffer.alloc(Math.ceil(t.data.length / 4) * 4);
    t.data.copy(padded);
    offset += padded.length;
    return padded;
  });
  return Buffer.concat([head, ...bodies]);
}

/** The versions that make the pixels (a new sharp or font draws the cache anew). */
const TOOLS = ['sharp', '@fontsource/noto-sans', '@fontsource/noto-sans-math']
  .map(
    (name) =>
      `${name}@${JSON.parse(readFileSync(createRequire(import.meta.url).resolve(`${name}/package.json`), 'utf8')).version}`,
  )
  .join(' ');

/** zlib level 3: a 1200 × 630 image encodes in 5.7 ms of CPU, against 9.1 ms at zlib's default level 6 (a third of an
 * image's whole cost), for files 5 % larger (83 KiB against 79); level 9 costs 7 times level 6 for 1 % less. Part of
 * the cache key, as the bytes depend on it. */
const PNG = { compressionLevel: 3, adaptiveFiltering: false, palette: false } as const;

let ready: Promise<(svg: string) => Promise<Buffer>> | undefined;

async function setUp(): Promise<(svg: string) => Promise<Buffer>> {
  const fontDir = join(CACHE, 'fonts');
  mkdirSync(fontDir, { recursive: true });
  const files = join(dirname(createRequire(import.meta.url).resolve('@fontsource/noto-sans/package.json')), 'files');
  for (const subset of SUBSETS)
    for (const weight of WEIGHTS) {
      const target = join(fontDir, `noto-sans-${subset}-${weight}.ttf`);
      if (!existsSync(target))
        writeFileSync(target, woffToSfnt(readFileSync(join(files, `noto-sans-${subset}-${weight}-normal.woff`))));
    }
  // The symbols Noto Sans lacks (↑ → ≥), as the browser's PNG export draws them (charts/export-fonts.ts).
  const symbols = join(fontDir, 'noto-sans-math-400.ttf');
  if (!existsSync(symbols)) writeFileSync(symbols, woffToSfnt(fontsourceFile('@fontsource/noto-sans-math', MATH_WOFF)));
  const conf = join(CACHE, 'fonts.conf');
  writeFileSync(
    conf,
    `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig><dir>${fontDir}</dir><cachedir>${join(CACHE, 'fontconfig')}</cachedir></fontconfig>\n`,
  );
  // Before sharp loads: fontconfig reads the variable when it first looks for a font.
  process.env.FONTCONFIG_FILE = conf;
  const sharp = (await import('sharp')).default;
  return (svg) => sharp(Buffer.from(svg)).png(PNG).toBuffer();
}

/** The PNG of an SVG, from the cache when the same SVG was drawn before. */
export async function rasterise(svg: string): Promise<Buffer> {
  const hash = createHash('sha256').update(TOOLS).update(JSON.stringify(PNG)).update(svg).digest('hex');
  const cached = join(CACHE, 'png', `${hash}.png`);
  if (existsSync(cached)) return readFileSync(cached);
  ready ??= setUp();
  const png = await (await ready)(svg);
  mkdirSync(dirname(cached), { recursive: true });
  writeFileSync(cached, png);
  return png;
}
