/**
 * One colour and one marker per province, the same on every chart of the site (and in compare, which gets them in
 * its series files). The 64 legacy units (63 provinces and Hà Tây) take distinct pairs of 10 colours × 7 markers;
 * a 2025 unit takes the style of the legacy province whose id it continues (phu-tho-2025 →
 * phu-tho), so a name keeps its look across the merger (Huế, whose id is new, takes Thừa Thiên Huế's).
 */
import * as d3 from 'd3';
import { units } from '../data';

/** Okabe & Ito (colour-blind safe), then three of Paul Tol's muted colours. */
const COLOURS = [
  '#0072B2',
  '#D55E00',
  '#009E73',
  '#CC79A7',
  '#E69F00',
  '#56B4E9',
  '#000000',
  '#882255',
  '#117733',
  '#999933',
];
export const SYMBOLS = ['circle', 'square', 'triangle', 'diamond', 'star', 'cross', 'wye'] as const;
export type SymbolName = (typeof SYMBOLS)[number];

const D3_SYMBOLS: Record<SymbolName, d3.SymbolType> = {
  circle: d3.symbolCircle,
  square: d3.symbolSquare,
  triangle: d3.symbolTriangle,
  diamond: d3.symbolDiamond,
  star: d3.symbolStar,
  cross: d3.symbolCross,
  wye: d3.symbolWye,
};

export interface ProvinceStyle {
  colour: string;
  symbol: SymbolName;
}

/** Pairs handed out group by group (the provinces that merged into one 2025 unit are a group, drawn together on its
 * page): within a group no two share a colour or a marker; across the site no two provinces share both. */
function assignStyles(): Map<string, ProvinceStyle> {
  const legacy = units.filter((u) => u.era === 'legacy').sort((a, b) => a.unit_id.localeCompare(b.unit_id));
  const groups = new Map<string, string[]>();
  for (const u of legacy) {
    const key = u.successor_id ?? u.unit_id;
    groups.set(key, [...(groups.get(key) ?? []), u.unit_id]);
  }
  const free = COLOURS.flatMap((colour, c) =>
    SYMBOLS.map((_, s) => ({ colour, symbol: SYMBOLS[(s + c) % SYMBOLS.length] })),
  );
  const styles = new Map<string, ProvinceStyle>();
  // Largest groups first, while every pair is still free.
  for (const key of [...groups.keys()].sort(
    (a, b) => groups.get(b)!.length - groups.get(a)!.length || a.localeCompare(b),
  )) {
    const taken: ProvinceStyle[] = [];
    for (const id of groups.get(key)!) {
      const i = free.findIndex((p) => taken.every((t) => t.colour !== p.colour && t.symbol !== p.symbol));
      if (i < 0) throw new Error(`province-style: no colour and marker left for ${id} that differ from its group's`);
      const [style] = free.splice(i, 1);
      taken.push(style);
      styles.set(id, style);
    }
  }
  return styles;
}

const styles = assignStyles();

export function provinceStyle(unitId: string): ProvinceStyle {
  const style =
    styles.get(unitId) ??
    styles.get(unitId.replace(/-2025$/, '')) ??
    styles.get(units.find((u) => u.successor_id === unitId)?.unit_id ?? '');
  if (!style) throw new Error(`no chart style for unit ${unitId}`);
  return style;
}

/** The marker as an SVG path centred on 0,0 (for the compare page, which draws without a library). */
export function symbolPath(symbol: SymbolName, size = 64): string {
  return d3.symbol(D3_SYMBOLS[symbol], size)()!;
}
