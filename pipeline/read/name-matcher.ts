/**
 * Explicit name matching: a printed province name is folded (case, diacritics, Đ/Ð, NFC/NFD, punctuation, the
 * prefixes "Tỉnh", "Thành phố", "TP.") and looked up in the alias table of the edition's unit set. An unknown name
 * is an error with the closest known names; nothing is matched by guessing.
 */
import { aliasesOf, type Registry, type Unit, type UnitSet } from './registry.js';
import { InvalidInputError, type Problem } from '../validate/problems.js';
import { closest, describeUnusual, foldText } from './text.js';

/** The key a province name is matched by: its folded letters and digits, without a leading "tỉnh", "thành phố", …. */
export function foldName(name: string): string {
  return foldText(name)
    .replace(/[^a-z0-9]/g, '')
    .replace(/^(tinh|thanhpho|thudo|tp)/, '');
}

export type Match = { ok: true; unit: Unit } | { ok: false; problem: string };

export class NameMatcher {
  private readonly byKey = new Map<string, Unit>();
  private readonly elsewhere = new Map<string, Unit>();
  private readonly matched = new Map<string, Match>();

  constructor(
    registry: Registry,
    readonly unitSet: UnitSet,
  ) {
    const problems: Problem[] = [];
    for (const unit of registry.units) {
      const target = unit.unit_sets.includes(unitSet) ? this.byKey : this.elsewhere;
      for (const alias of aliasesOf(registry, unit)) {
        const key = foldName(alias);
        const extra = registry.extraAliases.find((a) => a.unit_id === unit.id && a.alias === alias);
        const where = extra ? { file: 'raw/units/aliases.csv', row: extra.row } : { file: 'raw/units' };
        const taken = target.get(key);
        if (key === '')
          problems.push({
            ...where,
            message: `the spelling "${alias}" of ${unit.name_vi} has no letters or digits, so it would match any such cell (a dash, a blank): remove it`,
          });
        else if (taken && taken.id !== unit.id) {
          problems.push({
            ...where,
            message: `the spelling "${alias}" of ${unit.name_vi} folds to "${key}", which already names ${taken.name_vi} (in unit set ${unitSet}): one spelling must name one unit`,
          });
        } else target.set(key, unit);
      }
    }
    if (problems.length) throw new InvalidInputError(problems);
  }

  /** The unit a printed name names in this unit set, if any (no explanation: for cells that may name none). */
  unitNamed(printed: string): Unit | undefined {
    return this.byKey.get(foldName(printed));
  }

  /** Each distinct printed name is matched once: tables print the same 63 names edition after edition. */
  match(printed: string): Match {
    let found = this.matched.get(printed);
    if (!found) this.matched.set(printed, (found = this.matchOnce(printed)));
    return found;
  }

  private matchOnce(printed: string): Match {
    const key = foldName(printed);
    if (key === '')
      return {
        ok: false,
        problem: `"${printed}"${describeUnusual(printed)} has no letters or digits, so it names no province`,
      };
    const unit = this.byKey.get(key);
    if (unit) return { ok: true, unit };
    const other = this.elsewhere.get(key);
    if (other) {
      return {
        ok: false,
        problem: `"${printed}" is ${other.name_vi} (${other.unit_sets.join(', ')}), which is not a unit of this edition's unit set ${this.unitSet}`,
      };
    }
    const known = [...new Set(this.byKey.values())];
    const near = closest(key, [...this.byKey.entries()], ([k]) => k, 8)
      .map(([, u]) => u.name_vi)
      .filter((n, i, all) => all.indexOf(n) === i)
      .slice(0, 3);
    return {
      ok: false,
      problem: `unknown province name "${printed}"${describeUnusual(printed)} for unit set ${this.unitSet} (${known.length} units); closest known: ${near.join(', ')}. If it is a spelling of one of them, add it to raw/units/aliases.csv.`,
    };
  }
}

/** One matcher per unit set, built when first asked for. */
export function matchersFor(registry: Registry): (set: UnitSet) => NameMatcher {
  const matchers = new Map<UnitSet, NameMatcher>();
  return (set) => {
    if (!matchers.has(set)) matchers.set(set, new NameMatcher(registry, set));
    return matchers.get(set)!;
  };
}
