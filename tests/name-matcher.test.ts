import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { foldName, NameMatcher } from '../pipeline/read/name-matcher.js';
import { loadRegistry } from '../pipeline/read/registry.js';

const registry = loadRegistry(join(import.meta.dirname, '..', 'raw', 'units'));
const legacy = new NameMatcher(registry, 'legacy-63');
const merged = new NameMatcher(registry, 'merged-34');
const idOf = (m: NameMatcher, name: string) => {
  const r = m.match(name);
  return r.ok ? r.unit.id : r.problem;
};

describe('the unit registry', () => {
  it('has 63 legacy provinces, Hà Tây, and 34 units of 2025', () => {
    expect(registry.units.filter((u) => u.unit_sets.includes('legacy-63'))).toHaveLength(63);
    expect(registry.units.filter((u) => u.unit_sets.includes('legacy-64'))).toHaveLength(64);
    expect(registry.units.filter((u) => u.era === 'merged')).toHaveLength(34);
  });

  it('maps every legacy province into exactly one 2025 unit', () => {
    const legacyUnits = registry.units.filter((u) => u.unit_sets.includes('legacy-63'));
    expect(legacyUnits.every((u) => registry.byId.get(u.successor_id!)?.era === 'merged')).toBe(true);
    expect(registry.byId.get('vinh-phuc')!.successor_id).toBe('phu-tho-2025');
    expect(registry.byId.get('ha-tay')!.successor_id).toBe('ha-noi');
  });

  it('keeps a code with its vintage: 24 is Bắc Giang before 2025 and Bắc Ninh after', () => {
    const withCode24 = registry.units.filter((u) => u.gso_code === '24').map((u) => [u.id, u.gso_code_vintage]);
    expect(withCode24).toEqual([
      ['bac-giang', 'QĐ 124/2004/QĐ-TTg'],
      ['bac-ninh-2025', 'QĐ 19/2025/QĐ-TTg'],
    ]);
  });
});

describe('matching printed province names', () => {
  it.each([
    ['TP. Hồ Chí Minh', 'ho-chi-minh'],
    ['TP.HCM', 'ho-chi-minh'],
    ['HCMC', 'ho-chi-minh'],
    ['Thừa Thiên - Huế', 'thua-thien-hue'],
    ['TT-Huế', 'thua-thien-hue'],
    ['Hoà Bình', 'hoa-binh'],
    ['Hòa Bình', 'hoa-binh'],
    ['Hòa Bình'.normalize('NFD'), 'hoa-binh'],
    ['\u00d0ồng Tháp', 'dong-thap'],
    ['Tỉnh Đắk Lắk', 'dak-lak'],
    ['Đak Nông', 'dak-nong'],
    ['BRVT', 'ba-ria-vung-tau'],
    ['Ba Ria-Vung Tau', 'ba-ria-vung-tau'],
    ['Ha Noi\t', 'ha-noi'],
    ['Thanh Pho Can Tho', 'can-tho'],
    ['PHÚ THỌ', 'phu-tho'],
  ])('"%s" is %s', (printed, id) => {
    expect(idOf(legacy, printed)).toBe(id);
  });

  it('matches the 2025 units within the merged set', () => {
    expect(idOf(merged, 'Thành phố Huế')).toBe('hue-2025');
    expect(idOf(merged, 'Tỉnh Phú Thọ')).toBe('phu-tho-2025');
  });

  it('refuses an unknown name and suggests the closest known ones', () => {
    const result = legacy.match('Quang Ngia');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problem).toMatch(/unknown province name "Quang Ngia".*closest known: Quảng Ngãi/);
    expect(idOf(legacy, 'Sông Bé')).toMatch(/unknown province name "Sông Bé"/);
  });

  it('refuses a unit of another unit set', () => {
    expect(idOf(legacy, 'Hà Tây')).toMatch(/Hà Tây .*not a unit of this edition's unit set legacy-63/);
    expect(idOf(new NameMatcher(registry, 'legacy-64'), 'Hà Tây')).toBe('ha-tay');
    expect(idOf(merged, 'Vĩnh Phúc')).toMatch(/not a unit of this edition's unit set merged-34/);
  });

  it('folds tone marks, so a misplaced or wrong mark still names the same province', () => {
    expect(idOf(legacy, 'Quàng Ngãi')).toBe('quang-ngai');
  });

  it('folds case, diacritics, punctuation and prefixes only', () => {
    expect(foldName('  Thành phố  Hồ Chí Minh ')).toBe('hochiminh');
    expect(foldName('Tỉnh Bà Rịa–Vũng Tàu')).toBe('bariavungtau');
  });
});
