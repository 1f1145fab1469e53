/**
 * What the word diff compares: a sentence's analyzed tokens as units whose
 * keys are blind to spelling, so that a difference of spelling is never shown
 * as a difference of wording.
 *
 * The analyzer's exact key already folds what one word can hide (hamza and
 * alef forms, ى/ي, ة/ه, tatweel, diacritics, Arabic-Indic digits, the
 * article and conjunction proclitics, the spelling variants of variants.ts);
 * punctuation is never a token. Two rules here go across word boundaries:
 *  - compound names: a head written joined to the next word or apart is one
 *    unit keyed as if joined (عبد العزيز = عبدالعزيز, عبد الله = عبدالله,
 *    أبو ظبي = أبوظبي);
 *  - the name particle: ابن and بن are one key (سلمان ابن عبدالعزيز = سلمان
 *    بن عبدالعزيز; ابن is written with its alef at a name's start and without
 *    it between two names, and outlets do not keep to the rule).
 * A unit's `letters` drop every separator, so two runs of units with equal
 * letters differ only in spacing (عز وجل / عزو جل).
 *
 * Courtesy is not content: a pious formula after a name (حفظه الله, رحمه
 * الله, عليه السلام) or a form of address before one (معالي, فخامة, صاحب
 * السمو) is a house style some outlets keep and others drop; a row that
 * differs only by one is not reworded, and no word of it is marked.
 */
import { analyze, type AnalyzedToken } from '../text/analyze';

export interface DiffUnit {
  /** Token index range [first, end) in the prepared text. */
  first: number;
  end: number;
  /** Compared on. */
  key: string;
  /** The folded letters with no separator, for spacing-blind equality. */
  letters: string;
  /** Not a function word: a change touching one makes a row reworded. */
  content: boolean;
}

/** Heads of compound names that outlets write joined to the next word or apart (folded forms). */
export const COMPOUND_HEADS: ReadonlySet<string> = new Set(['عبد', 'ابو']);

/** The name particle in one form: ابن → بن (folded exact keys). */
export function nameParticle(exact: string): string {
  return exact === 'ابن' ? 'بن' : exact;
}

/** The token's folded letters, with the name particle in one form. */
function lettersOf(t: AnalyzedToken): string {
  if (t.kind === 'word' && t.exact === 'ابن') return `${t.norm.slice(0, t.norm.length - 3)}بن`;
  return t.norm.replace(/ /g, '');
}

function keyOf(t: AnalyzedToken): string {
  return t.kind === 'word' ? nameParticle(t.exact) : t.norm;
}

/** Written as outlets write them; keyed through the analyzer, so every spelling of them matches. */
const COURTESY = [
  'حفظه الله',
  'حفظها الله',
  'حفظهم الله',
  'يحفظه الله',
  'يحفظها الله',
  'رعاه الله',
  'يرعاه الله',
  'أيده الله',
  'رحمه الله',
  'رحمها الله',
  'رحمهم الله',
  'يرحمه الله',
  'تغمده الله برحمته',
  'وفقه الله',
  'عليه السلام',
  'عليها السلام',
  'عليهم السلام',
  'صلى الله عليه وسلم',
  'رضي الله عنه',
  'رضي الله عنها',
  'رضي الله عنهم',
  'عز وجل',
  'جل جلاله',
  'جل وعلا',
  'سبحانه وتعالى',
  'تبارك وتعالى',
  'صاحب السمو الملكي',
  'صاحب السمو',
  'معالي',
  'فخامة',
];

let courtesyKeys: string[][] | undefined;

/** The formulas as unit keys, longest first so that صاحب السمو الملكي wins over صاحب السمو. */
function courtesy(): string[][] {
  courtesyKeys ??= COURTESY.map((f) => analyze(f).map((t) => keyOf(t))).sort((a, b) => b.length - a.length);
  return courtesyKeys;
}

/** Units that belong to a courtesy formula stop being content. */
function markCourtesy(units: DiffUnit[]): void {
  for (let i = 0; i < units.length; i++) {
    const formula = courtesy().find((f) => f.every((key, k) => units[i + k]?.key === key));
    if (!formula) continue;
    for (let k = 0; k < formula.length; k++) units[i + k]!.content = false;
    i += formula.length - 1;
  }
}

const isArabicWord = (t: AnalyzedToken | undefined): t is AnalyzedToken =>
  t !== undefined && t.kind === 'word' && /^[\u0600-\u06ff]/u.test(t.norm);

/**
 * The units of tokens[from, to): one per token, except that a compound head
 * (عبد, أبو, with or without a proclitic) and the Arabic word after it are one
 * unit keyed as the joined form.
 */
export function diffUnits(tokens: readonly AnalyzedToken[], from: number, to: number): DiffUnit[] {
  const out: DiffUnit[] = [];
  for (let i = from; i < to; i++) {
    const t = tokens[i]!;
    const next = i + 1 < to ? tokens[i + 1] : undefined;
    if (t.kind === 'word' && COMPOUND_HEADS.has(t.exact) && isArabicWord(next)) {
      out.push({
        first: i,
        end: i + 2,
        key: t.exact + next.norm,
        letters: lettersOf(t) + lettersOf(next),
        content: true,
      });
      i++;
      continue;
    }
    out.push({ first: i, end: i + 1, key: keyOf(t), letters: lettersOf(t), content: t.kind !== 'word' || !t.stop });
  }
  markCourtesy(out);
  return out;
}

/** Letters of units[from, to) with no separator. */
export function lettersOfRange(units: readonly DiffUnit[], from: number, to: number): string {
  let s = '';
  for (let i = from; i < to; i++) s += units[i]!.letters;
  return s;
}
