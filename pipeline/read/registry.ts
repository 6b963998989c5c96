/**
 * The registry of provincial units (raw/units/): the 63 provinces of 2008–2025, Hà Tây (to 2008), and the 34 units
 * of 1 July 2025, with the crosswalk from old to new.
 */
import { join } from 'node:path';
import { readCsvObjects } from './reference-csv.js';
import { InvalidInputError } from '../validate/problems.js';
import { slugify } from './text.js';

export type UnitSet = 'legacy-64' | 'legacy-63' | 'merged-34';
export const UNIT_SETS: UnitSet[] = ['legacy-64', 'legacy-63', 'merged-34'];

/** When each unit set existed (ISO dates, inclusive; null = still in force). */
export interface Period {
  from: string;
  to: string | null;
  description: string;
}

const LEGACY_64_FROM = '2004-01-01'; // Đắk Nông, Hậu Giang and Điện Biên created: 64 provinces (Resolution 22/2003/QH11)
const LEGACY_63_TO = '2025-06-30';
const MERGED_34_FROM = '2025-07-01'; // Resolution 202/2025/QH15

export const CODE_VINTAGE = { legacy: 'QĐ 124/2004/QĐ-TTg', merged: 'QĐ 19/2025/QĐ-TTg' } as const;

export interface Unit {
  id: string;
  era: 'legacy' | 'merged';
  unit_sets: UnitSet[];
  name_vi: string;
  name_en: string;
  official_name_vi: string;
  type: string;
  gso_code: string | null;
  gso_code_vintage: string | null;
  iso_3166_2: string | null;
  region_id: string | null;
  region_vi: string | null;
  region_en: string | null;
  valid_from: string | null;
  valid_to: string | null;
  /** Where this unit went: Hà Tây → Hà Nội (2008); each legacy province → its 2025 unit. */
  successor_id: string | null;
  aliases: string[];
}

const REGION_IDS: Record<string, string> = {
  'Trung du và miền núi phía Bắc': 'northern-midlands-mountains',
  'Đồng bằng sông Hồng': 'red-river-delta',
  'Bắc Trung Bộ và duyên hải miền Trung': 'north-central-coast',
  'Tây Nguyên': 'central-highlands',
  'Đông Nam Bộ': 'south-east',
  'Đồng bằng sông Cửu Long': 'mekong-delta',
};

function regionId(regionVi: string): string {
  const id = REGION_IDS[regionVi];
  if (!id)
    throw new InvalidInputError([
      { file: 'raw/units', message: `unknown region "${regionVi}" (known: ${Object.keys(REGION_IDS).join(', ')})` },
    ]);
  return id;
}

function stripUnitPrefix(name: string): string {
  return name.replace(/^(Tỉnh|Thành phố)\s+/u, '');
}

export interface Registry {
  units: Unit[];
  byId: Map<string, Unit>;
  /** Extra aliases from raw/units/aliases.csv: alias → unit id, with the file's row. */
  extraAliases: { alias: string; unit_id: string; note: string; row: number }[];
  periods: Record<UnitSet, Period>;
}

const dayAfter = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/**
 * The unit sets that existed at some time in `year`, or on `date` (YYYY-MM-DD) when one is given. 2008 and 2025
 * each saw a change, so two sets are valid in them.
 */
export function unitSetsValidIn(registry: Registry, year: number, date?: string): UnitSet[] {
  const [start, end] = date ? [date, date] : [`${year}-01-01`, `${year}-12-31`];
  return UNIT_SETS.filter((set) => {
    const p = registry.periods[set];
    return p.from <= end && (p.to === null || p.to >= start);
  });
}

/** Every spelling of a unit: the registry's own and those added in raw/units/aliases.csv. */
export function aliasesOf(registry: Registry, unit: Unit): string[] {
  return [...unit.aliases, ...registry.extraAliases.filter((a) => a.unit_id === unit.id).map((a) => a.alias)];
}

export function loadRegistry(unitsDir: string): Registry {
  const provinces = readCsvObjects(join(unitsDir, 'provinces-63.csv'));
  const merger = readCsvObjects(join(unitsDir, 'merger-2025.csv'));
  const iso = new Map(readCsvObjects(join(unitsDir, 'crosswalk-63-geo.csv')).map((r) => [r.gso_code, r.iso_3166_2]));
  const mergedByOldCode = new Map<string, string>();
  const merged: Unit[] = merger.map((r) => {
    const name = stripUnitPrefix(r.new_name_vi);
    const id = `${slugify(name)}-2025`;
    for (const old of r.old_gso_codes.split('|')) mergedByOldCode.set(old, id);
    return {
      id,
      era: 'merged',
      unit_sets: ['merged-34'],
      name_vi: name,
      name_en: r.new_name_en,
      official_name_vi: r.new_name_vi,
      type: r.new_name_vi.startsWith('Thành phố') ? 'thành phố trực thuộc trung ương' : 'tỉnh',
      gso_code: r.new_code,
      gso_code_vintage: CODE_VINTAGE.merged,
      iso_3166_2: null,
      region_id: null,
      region_vi: null,
      region_en: null,
      valid_from: MERGED_34_FROM,
      valid_to: null,
      successor_id: null,
      aliases: [r.new_name_vi, name],
    };
  });
  const legacy: Unit[] = provinces.map((r) => {
    const successor = mergedByOldCode.get(r.gso_code);
    if (!successor)
      throw new InvalidInputError([
        { file: 'raw/units/merger-2025.csv', message: `old code ${r.gso_code} (${r.name_vi}) is in no 2025 unit` },
      ]);
    return {
      id: slugify(r.name_vi),
      era: 'legacy',
      unit_sets: ['legacy-64', 'legacy-63'],
      name_vi: r.name_vi,
      name_en: r.name_en,
      official_name_vi: r.aliases.split('|')[0],
      type: r.type,
      gso_code: r.gso_code,
      gso_code_vintage: CODE_VINTAGE.legacy,
      iso_3166_2: iso.get(r.gso_code) ?? null,
      region_id: regionId(r.region_vi),
      region_vi: r.region_vi,
      region_en: r.region_en,
      valid_from: null,
      valid_to: LEGACY_63_TO,
      successor_id: successor,
      aliases: [r.name_vi, r.name_en, ...r.aliases.split('|').filter(Boolean)],
    };
  });
  const legacyByCode = new Map(legacy.map((u) => [u.gso_code, u.id]));
  const former: Unit[] = readCsvObjects(join(unitsDir, 'former-units.csv')).map((r) => ({
    id: r.slug,
    era: 'legacy',
    unit_sets: ['legacy-64'],
    name_vi: r.name_vi,
    name_en: r.name_en,
    official_name_vi: r.aliases.split('|')[0],
    type: r.type,
    gso_code: null,
    gso_code_vintage: null,
    iso_3166_2: null,
    region_id: regionId(r.region_vi),
    region_vi: r.region_vi,
    region_en: r.region_en,
    valid_from: null,
    valid_to: r.valid_to,
    successor_id: legacyByCode.get(r.merged_into_gso_code) ?? null,
    aliases: [r.name_vi, r.name_en, ...r.aliases.split('|').filter(Boolean)],
  }));
  const units = [...legacy, ...former, ...merged];
  const byId = new Map(units.map((u) => [u.id, u]));
  if (byId.size !== units.length) {
    const twice = units.find((u, i) => units.findIndex((v) => v.id === u.id) !== i)!;
    throw new InvalidInputError([{ file: 'raw/units', message: `two units share the id "${twice.id}"` }]);
  }
  const extraAliases = readCsvObjects(join(unitsDir, 'aliases.csv')).map((r, i) => ({
    alias: r.alias,
    unit_id: r.unit_id,
    note: r.note,
    row: i + 2,
  }));
  for (const a of extraAliases) {
    if (!byId.has(a.unit_id))
      throw new InvalidInputError([
        {
          file: 'raw/units/aliases.csv',
          row: a.row,
          message: `alias "${a.alias}" names unknown unit id "${a.unit_id}"`,
        },
      ]);
  }
  const haTayTo = former.map((u) => u.valid_to!).sort()[0];
  const periods: Record<UnitSet, Period> = {
    'legacy-64': {
      from: LEGACY_64_FROM,
      to: haTayTo,
      description: `the 64 provinces with Hà Tây, ${LEGACY_64_FROM} to ${haTayTo}`,
    },
    'legacy-63': {
      from: dayAfter(haTayTo),
      to: LEGACY_63_TO,
      description: `the 63 provinces, ${dayAfter(haTayTo)} to ${LEGACY_63_TO}`,
    },
    'merged-34': { from: MERGED_34_FROM, to: null, description: `the 34 units from ${MERGED_34_FROM}` },
  };
  return { units, byId, extraAliases, periods };
}
