// The fonts the browser embeds in an exported PNG (see lib/charts/export-fonts.ts): Noto Sans as published on npm,
// and the subset of Noto Sans Math that holds the symbols Noto Sans lacks.
import type { APIRoute, GetStaticPaths } from 'astro';
import { exportFontBytes } from '../../../lib/charts/export-font-files';
import { EXPORT_FONTS, type ExportFont } from '../../../lib/charts/export-fonts';

export const getStaticPaths: GetStaticPaths = () =>
  EXPORT_FONTS.map((font) => ({ params: { file: font.file }, props: { font } }));

export const GET: APIRoute = async ({ props }) => {
  const bytes = await exportFontBytes((props as { font: ExportFont }).font);
  const body = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  return new Response(body, { headers: { 'Content-Type': 'font/woff2' } });
};
