/**
 * Makes fontkit's OpenType shaping of a parsed font faster without changing
 * a single glyph or position.
 *
 * fontkit applies every lookup of every feature to every glyph of a word, and
 * every subtable of a lookup to every glyph, checking whether the glyph is in
 * the subtable's coverage only deep inside (a chained context checks its
 * backtrack before its input). Amiri has hundreds of contextual lookups; on
 * an export of 200 SaudiNewsNet articles this was three quarters of the CPU.
 * Two checks in front, with what fontkit would conclude anyway:
 *
 *  - a subtable whose first glyph's coverage does not hold the current glyph
 *    cannot apply (every lookup type fontkit implements starts by looking the
 *    current glyph up in that coverage and gives up when it is not there);
 *  - a lookup none of whose subtables covers any glyph of the word is
 *    skipped: a lookup changes glyphs only where it applies, so if no glyph
 *    is covered when it starts, none becomes covered while it runs.
 *
 * The processors are fontkit 2.0.4 internals (the version is pinned). They
 * are patched per font object, so a font that was not passed here shapes as
 * before; `shapingSpeed.test.ts` compares the two on thousands of words.
 */
import type * as fontkit from 'fontkit';

/**
 * Kept on the parsed table objects themselves (a property lookup is cheaper
 * than a map's on this path): the glyphs a subtable, or any subtable of a
 * lookup, can start at; null when there is no such set (always try it).
 */
const STARTS = Symbol('starts');

interface Coverage {
  version: number;
  glyphs?: ArrayLike<number>;
  rangeRecords?: ArrayLike<{ start: number; end: number }>;
}

/** A lookup subtable, as far as its first glyph's coverage goes (fields by lookup type). */
interface Subtable {
  version?: number;
  coverage?: Coverage;
  coverages?: Coverage[];
  inputCoverage?: Coverage[];
  markCoverage?: Coverage;
  mark1Coverage?: Coverage;
  lookupType?: number;
  extension?: Subtable;
  [STARTS]?: Set<number> | null;
}

interface Lookup {
  lookupType: number;
  subTables: ArrayLike<Subtable>;
  [STARTS]?: Set<number> | null;
}

interface Glyph {
  id: number;
}

interface LookupEntry {
  lookup: Lookup;
}

interface Processor {
  glyphs: Glyph[];
  positions: unknown[];
  glyphIterator: { cur: Glyph | null };
  applyLookup(lookupType: number, table: Subtable): boolean;
  applyLookups(lookups: LookupEntry[], glyphs: Glyph[], positions: unknown[]): void;
}

interface LayoutInternals {
  _layoutEngine?: { engine?: { GSUBProcessor?: Processor | null; GPOSProcessor?: Processor | null } };
}

type Table = 'GSUB' | 'GPOS';

/** Lookup types that wrap another lookup's subtable. */
const EXTENSION: Record<Table, number> = { GSUB: 7, GPOS: 9 };

/**
 * The coverage the current glyph must be in for a subtable to apply, or
 * undefined when the lookup type has none (fontkit then decides itself).
 */
function firstCoverage(table: Table, lookupType: number, sub: Subtable): Coverage | undefined {
  const context = (): Coverage | undefined =>
    sub.version === 3 ? (sub.coverages ?? sub.inputCoverage)?.[0] : sub.coverage;
  if (table === 'GSUB') {
    if (lookupType >= 1 && lookupType <= 4) return sub.coverage;
    if (lookupType === 5 || lookupType === 6) return context();
    return undefined;
  }
  if (lookupType >= 1 && lookupType <= 3) return sub.coverage;
  if (lookupType === 4 || lookupType === 5) return sub.markCoverage;
  if (lookupType === 6) return sub.mark1Coverage;
  if (lookupType === 7 || lookupType === 8) return context();
  return undefined;
}

/** Adds the coverage's glyphs to `into`; false for a coverage format fontkit does not read either. */
function addCoverage(into: Set<number>, coverage: Coverage | undefined): boolean {
  if (!coverage) return false;
  if (coverage.version === 1 && coverage.glyphs) {
    for (let i = 0; i < coverage.glyphs.length; i++) into.add(coverage.glyphs[i]!);
    return true;
  }
  if (coverage.version === 2 && coverage.rangeRecords) {
    for (let i = 0; i < coverage.rangeRecords.length; i++) {
      const { start, end } = coverage.rangeRecords[i]!;
      for (let g = start; g <= end; g++) into.add(g);
    }
    return true;
  }
  return false;
}

function patchProcessor(processor: Processor, table: Table): void {
  // The prototype's methods, called with the processor as `this`.
  const applyLookup = processor.applyLookup;
  const applyLookups = processor.applyLookups;
  const ofSubtable = (lookupType: number, sub: Subtable): Set<number> | null => {
    let glyphs = sub[STARTS];
    if (glyphs === undefined) {
      glyphs = new Set<number>();
      if (!addCoverage(glyphs, firstCoverage(table, lookupType, sub))) glyphs = null;
      sub[STARTS] = glyphs;
    }
    return glyphs;
  };

  const ofLookup = (lookup: Lookup): Set<number> | null => {
    let glyphs = lookup[STARTS];
    if (glyphs === undefined) {
      glyphs = new Set<number>();
      for (let i = 0; i < lookup.subTables.length; i++) {
        let sub = lookup.subTables[i]!;
        let type = lookup.lookupType;
        if (type === EXTENSION[table] && sub.extension && sub.lookupType !== undefined) {
          type = sub.lookupType;
          sub = sub.extension;
        }
        if (!addCoverage(glyphs, firstCoverage(table, type, sub))) {
          glyphs = null;
          break;
        }
      }
      lookup[STARTS] = glyphs;
    }
    return glyphs;
  };

  processor.applyLookup = function (this: Processor, lookupType: number, sub: Subtable): boolean {
    const glyphs = ofSubtable(lookupType, sub);
    const current = this.glyphIterator.cur;
    if (glyphs !== null && current && !glyphs.has(current.id)) return false;
    return applyLookup.call(this, lookupType, sub);
  };

  processor.applyLookups = function (this: Processor, lookups: LookupEntry[], glyphs: Glyph[], positions: unknown[]) {
    this.glyphs = glyphs;
    this.positions = positions;
    for (const entry of lookups) {
      const covered = ofLookup(entry.lookup);
      if (covered !== null && !glyphs.some((g) => covered.has(g.id))) continue;
      // One lookup at a time through fontkit's own loop: it restarts its glyph walk for each lookup anyway.
      applyLookups.call(this, [entry], glyphs, positions);
    }
  };
}

/** Patches the font's own substitution and positioning processors (idempotent); returns the font. */
export function withFastShaping(font: fontkit.Font): fontkit.Font {
  const engine = (font as unknown as LayoutInternals)._layoutEngine?.engine;
  const marker = engine as { fastShaping?: boolean } | undefined;
  if (!engine || marker?.fastShaping) return font;
  if (engine.GSUBProcessor) patchProcessor(engine.GSUBProcessor, 'GSUB');
  if (engine.GPOSProcessor) patchProcessor(engine.GPOSProcessor, 'GPOS');
  (marker as { fastShaping?: boolean }).fastShaping = true;
  return font;
}
