/**
 * Every map of Viet Nam names its two archipelagos, on the page and in every export: a Vietnamese newsroom
 * cannot publish a map without them. They belong to Đà Nẵng (Hoàng Sa) and Khánh Hòa (Trường Sa).
 */
import * as Plot from '@observablehq/plot';
import type { Lang } from '../data';
import type { ChartText } from './spec';

const ARCHIPELAGOS = [
  { lon: 112.0, lat: 16.4, vi: 'QĐ. Hoàng Sa\n(Đà Nẵng)', en: 'Hoang Sa archipelago\n(Da Nang)' },
  { lon: 114.0, lat: 10.0, vi: 'QĐ. Trường Sa\n(Khánh Hòa)', en: 'Truong Sa archipelago\n(Khanh Hoa)' },
];

/** The labels in the chart's language (through `text`, see spec.ts); each line a text of its own. */
export function archipelagoLabels(text: ChartText): Plot.Markish[] {
  return [
    Plot.text(ARCHIPELAGOS, {
      x: 'lon',
      y: 'lat',
      text: (d) => [0, 1].map((line) => text((l) => d[l].split('\n')[line])).join('\n'),
      fontSize: 8,
      fill: '#444',
      lineAnchor: 'bottom',
      dy: -6,
      textAnchor: 'middle',
    }),
  ];
}

export const archipelagoNames = (lang: Lang) => ARCHIPELAGOS.map((a) => a[lang].replace('\n', ' ')).join(', ');
