/**
 * A legend's swatch as SVG markup in a 14 × 14 box, the one drawing of each legend shape: the page legends
 * (Legend.astro) and the exported images' legends (export-frame.ts) both use it, so a downloaded image shows the
 * same marks as the page.
 */
import type { LegendItem } from './spec';

export function swatchMarkup(item: Pick<LegendItem, 'shape' | 'symbol'>, fill: string): string {
  if (item.symbol) return `<path d="${item.symbol}" transform="translate(7,7) scale(1.2)" fill="${fill}"/>`;
  switch (item.shape) {
    case 'circle':
      return `<circle cx="7" cy="7" r="5" fill="${fill}"/>`;
    case 'triangle':
      return `<path d="M7,1.5L12.5,12H1.5Z" fill="${fill}"/>`;
    case 'diamond':
      return `<path d="M7,1L13,7L7,13L1,7Z" fill="${fill}"/>`;
    case 'star':
      return `<path d="M7,1L8.8,5.2L13,7L8.8,8.8L7,13L5.2,8.8L1,7L5.2,5.2Z" fill="${fill}"/>`;
    case 'cross':
      return `<path d="M5,1H9V5H13V9H9V13H5V9H1V5H5Z" fill="${fill}"/>`;
    case 'wye':
      return `<path d="M5.5,1H8.5V6L12.8,8.5L11.3,11.1L7,8.6L2.7,11.1L1.2,8.5L5.5,6Z" fill="${fill}"/>`;
    case 'ring':
      return `<circle cx="7" cy="7" r="5" fill="none" stroke="${fill}" stroke-width="2"/>`;
    case 'tick':
      return `<rect x="5.5" y="0" width="3" height="14" fill="${fill}"/>`;
    case 'thin':
      return `<line x1="7" y1="0" x2="7" y2="14" stroke="${fill}" stroke-width="1"/>`;
    case 'band':
      return `<rect x="3" y="0" width="8" height="14" fill="${fill}"/>`;
    case 'dash':
      return `<line x1="7" y1="0" x2="7" y2="14" stroke="${fill}" stroke-width="1.5" stroke-dasharray="3,2"/>`;
    default:
      return `<rect x="0.5" y="0.5" width="13" height="13" fill="${fill}" stroke="#666" stroke-width="1"/>`;
  }
}
