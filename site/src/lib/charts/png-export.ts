/**
 * PNG downloads drawn in the browser from a framed SVG (export-frame.ts) at twice its size. The export fonts
 * (export-fonts.ts) are embedded in the SVG before it is drawn: an SVG drawn as an image loads nothing from outside,
 * so without them the PNG would take whatever fonts the reader's machine has, and might miss ↑ or →.
 */
import { EXPORT_FONTS, fontPath } from './export-fonts';

let fontStyle: Promise<string> | undefined;

function base64(bytes: ArrayBuffer): string {
  const b = new Uint8Array(bytes);
  let s = '';
  for (let i = 0; i < b.length; i += 0x8000) s += String.fromCharCode(...b.subarray(i, i + 0x8000));
  return btoa(s);
}

/** One <style> with every export font as a data: URL, fetched once per page. */
function embeddedFonts(): Promise<string> {
  fontStyle ??= Promise.all(
    EXPORT_FONTS.map(async (f) => {
      const response = await fetch(fontPath(f.file));
      if (!response.ok) throw new Error(`${fontPath(f.file)}: ${response.status} ${response.statusText}`);
      const range = f.unicodeRange ? `;unicode-range:${f.unicodeRange}` : '';
      const src = `url(data:font/woff2;base64,${base64(await response.arrayBuffer())}) format('woff2')`;
      return `@font-face{font-family:'${f.family}';font-weight:${f.weight};src:${src}${range}}`;
    }),
  ).then((faces) => `<style>${faces.join('')}</style>`);
  return fontStyle;
}

/** The PNG of a standalone SVG, drawn on a white background at `scale` times its size. */
export async function svgToPng(svg: string, scale = 2): Promise<Blob> {
  const style = await embeddedFonts();
  const url = URL.createObjectURL(
    new Blob([svg.replace(/<svg\b[^>]*>/, (open) => open + style)], { type: 'image/svg+xml' }),
  );
  try {
    const image = new Image();
    await new Promise((resolve, reject) => {
      image.onload = resolve;
      image.onerror = () => reject(new Error('PNG: the chart could not be drawn from its SVG'));
      image.src = url;
    });
    const canvas = Object.assign(document.createElement('canvas'), {
      width: image.naturalWidth * scale,
      height: image.naturalHeight * scale,
    });
    const context = canvas.getContext('2d')!;
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((png) => (png ? resolve(png) : reject(new Error('PNG: the canvas gave no image'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Offers a file to the reader as a download. */
export function saveFile(name: string, blob: Blob): void {
  const link = Object.assign(document.createElement('a'), { href: URL.createObjectURL(blob), download: name });
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10000);
}

/** The PNG buttons beside the site's charts (Chart.astro): each draws the chart's framed SVG file. */
export function enablePngDownloads(): void {
  for (const button of document.querySelectorAll<HTMLButtonElement>('.png-download[data-svg]')) {
    button.hidden = false;
    button.addEventListener('click', async () => {
      const response = await fetch(button.dataset.svg!);
      saveFile(button.dataset.name!, await svgToPng(await response.text()));
    });
  }
}
