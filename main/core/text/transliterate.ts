/**
 * Names across scripts: how well a Latin spelling (Kadhimi, Kazimi,
 * al-Kadhimi, Biden) fits an Arabic word (الكاظمي, بايدن), by rule.
 *
 * Two steps, both on folded keys (the analyzer's exact keys: ال, hamza and
 * ة already folded on the Arabic side; lower case, accents dropped on the
 * Latin side):
 *  1. A consonant skeleton finds candidates cheaply. Arabic letters and Latin
 *     graphemes map to shared classes (ظ ز ↔ z; ذ ض د ↔ d, dh; ق ك ↔ k, q, c;
 *     خ ↔ kh; ش ↔ sh, ch); vowels, و ي ا ع ء ة and w y are dropped, doubled
 *     letters collapse. A Latin grapheme with several readings (g: ج غ ق; th:
 *     ث ذ; z: ز ظ ذ) yields several skeletons.
 *  2. A weighted alignment scores each candidate: every Arabic letter takes
 *     one of its Latin spellings (cost 0, or 0.5 for a rarer one), Latin short
 *     vowels between letters are free (Arabic does not write them), a Latin
 *     vowel at either end costs 1 (Arabic writes those long: Obama أوباما),
 *     anything else costs 1.
 * No table of known names: the library's own words are the candidates.
 */

type Graphemes = ReadonlyArray<readonly [string, number]>;

const V = (extra: Graphemes = []): Graphemes => [['', 0], ['a', 0], ['e', 0], ['i', 0], ['o', 0], ['u', 0], ...extra];

/** Arabic letter (folded) → its Latin spellings with a cost. */
// prettier-ignore
const SPELLINGS: ReadonlyMap<string, Graphemes> = new Map<string, Graphemes>([
  // A long a; at the start, the carrier of any vowel (أ, إ folded: Obama أوباما, Ehud إيهود).
  ['ا', [['a', 0], ['aa', 0], ['e', 0.5], ['o', 0.5], ['u', 0.5], ['', 0.5]]], ['ا_initial', V()],
  ['ء', V([["'", 0]])], ['ع', V([["'", 0], ['aa', 0], ['3', 0]])],
  ['ب', [['b', 0], ['p', 0]]], ['ت', [['t', 0]]], ['ث', [['th', 0], ['t', 0.5], ['s', 0.5]]],
  ['ج', [['j', 0], ['g', 0.5], ['dj', 0], ['dsch', 0.5], ['zh', 0.5]]], ['ح', [['h', 0], ['7', 0], ['kh', 0.5]]],
  ['خ', [['kh', 0], ['h', 0.5], ['ch', 0.5], ['x', 0.5]]], ['د', [['d', 0], ['dh', 0.5]]],
  ['ذ', [['dh', 0], ['z', 0], ['th', 0.5], ['d', 0.5]]], ['ر', [['r', 0]]], ['ز', [['z', 0], ['s', 0.5]]],
  ['س', [['s', 0], ['c', 0]]], ['ش', [['sh', 0], ['ch', 0], ['sch', 0], ['s', 0.5], ['c', 0.5]]],
  ['ص', [['s', 0]]], ['ض', [['d', 0], ['dh', 0], ['z', 0.5]]], ['ط', [['t', 0]]],
  ['ظ', [['z', 0], ['dh', 0], ['th', 0.5], ['d', 0.5]]], ['غ', [['gh', 0], ['g', 0], ['r', 0.5]]],
  ['ف', [['f', 0], ['ph', 0], ['v', 0], ['p', 0.5]]], ['ق', [['q', 0], ['k', 0], ['g', 0.5], ['c', 0.5], ['ck', 0.5]]],
  ['ك', [['k', 0], ['c', 0], ['ck', 0], ['q', 0.5], ['ch', 0.5], ['g', 0.5]]], ['ل', [['l', 0]]], ['م', [['m', 0]]],
  ['ن', [['n', 0], ['ng', 0.5]]], ['ه', [['h', 0], ['', 0.5]]],
  ['و', [['w', 0], ['u', 0], ['o', 0], ['oo', 0], ['ou', 0], ['ow', 0], ['v', 0.5], ['', 1]]],
  ['ي', [['y', 0], ['i', 0], ['ee', 0], ['ie', 0], ['ey', 0], ['ei', 0], ['ai', 0], ['e', 0], ['a', 0.5], ['', 1]]],
  // Final ه is also ة (the analyzer folds ة to ه): Gaza غزة, Basra البصرة, Mecca مكة.
  ['ه_final', [['h', 0], ['', 0], ['a', 0], ['ah', 0], ['e', 0.5], ['at', 0.5]]],
  ['ي_final', [['i', 0], ['y', 0], ['ee', 0], ['ie', 0], ['ey', 0], ['ai', 0], ['ay', 0], ['e', 0.5], ['', 0.5]]],
]);

/** Two Arabic letters written as one Latin sound: تش ch (Cheney تشيني), اي the English long i (Biden بايدن). */
// prettier-ignore
const PAIR_SPELLINGS: ReadonlyMap<string, Graphemes> = new Map<string, Graphemes>([
  ['تش', [['ch', 0], ['tch', 0]]], ['اي', [['i', 0], ['y', 0], ['ai', 0], ['ay', 0], ['ei', 0], ['ey', 0]]],
  ['كس', [['x', 0]]], ['نج', [['ng', 0]]], ['نغ', [['ng', 0]]],
  // ئ folds to ي (اسرائيل → اسراييل); ي before و is a glide (هيوستن Houston, ميونخ Munich); وي is eu/oi (رويترز).
  ['يي', [['e', 0], ['i', 0], ['ei', 0], ['ee', 0], ['ai', 0], ['y', 0]]],
  ['يو', [['u', 0], ['ou', 0], ['eu', 0], ['yu', 0], ['you', 0], ['o', 0]]],
  ['وي', [['eu', 0], ['oi', 0], ['oy', 0], ['ui', 0], ['wi', 0], ['we', 0]]],
]);

/** Arabic letter (folded) → skeleton class ('' when dropped). */
// prettier-ignore
const ARABIC_CLASS: Readonly<Record<string, string>> = {
  ب: 'b', ت: 't', ط: 't', ث: 't', ج: 'j', ح: 'h', ه: 'h', خ: 'x', د: 'd', ذ: 'd', ض: 'd', ر: 'r', ز: 'z', ظ: 'z',
  س: 's', ص: 's', ش: 'c', غ: 'g', ف: 'f', ق: 'k', ك: 'k', ل: 'l', م: 'm', ن: 'n',
  ا: '', ء: '', ع: '', و: '', ي: '', ى: '', ة: '', ئ: '', ؤ: '',
};

/** ARABIC_CLASS by code unit - 0x600: a table lookup per letter (the skeletons of a library's vocabulary are built at once). */
const CLASS_BY_CODE: readonly string[] = Array.from(
  { length: 0x100 },
  (_, k) => ARABIC_CLASS[String.fromCharCode(0x600 + k)] ?? '',
);

/** Latin grapheme → the skeleton classes it may stand for, longest graphemes first. */
// prettier-ignore
const LATIN_CLASSES: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['dsch', ['j']], ['sch', ['c']], ['kh', ['x', 'k', 'h']], ['gh', ['g']], ['sh', ['c']], ['ch', ['c', 'x', 'k', 'tc']],
  ['th', ['t', 'd']], ['tch', ['tc', 'c']], ['ng', ['n', 'nj', 'ng', 'nk']], ['dh', ['d', 'z']], ['ph', ['f']], ['dj', ['j']], ['zh', ['j']], ['ck', ['k']],
  ['b', ['b']], ['p', ['b', 'f']], ['t', ['t']], ['j', ['j']], ['g', ['j', 'g', 'k']], ['h', ['h']], ['x', ['x', 'ks']],
  ['d', ['d']], ['r', ['r']], ['z', ['z', 'd']], ['s', ['s', 'z', 'c']], ['c', ['k', 's', 'c']], ['f', ['f']], ['v', ['f']],
  ['q', ['k']], ['k', ['k']], ['l', ['l']], ['m', ['m']], ['n', ['n']], ['7', ['h']],
];

/** Latin vowels, and LATIN_CLASSES by first letter (same order): a word is read letter by letter. */
const VOWELS = "aeiouyw'";
const CLASSES_BY_FIRST = new Map<string, Array<(typeof LATIN_CLASSES)[number]>>();
for (const entry of LATIN_CLASSES) {
  const list = CLASSES_BY_FIRST.get(entry[0][0]!);
  if (list) list.push(entry);
  else CLASSES_BY_FIRST.set(entry[0][0]!, [entry]);
}
const ARTICLE = /^(?:al|el|ul|il|ad|ar|as|ash|at|az|an|ath|adh)[- ]?(?=\p{L}{3})/u;

/** A Latin word as this module reads it: lower case, accents and apostrophes gone. */
export function latinForm(word: string): string {
  return word
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’`ʿʾ]/gu, "'")
    .replace(/[^a-z0-9']/gu, '');
}

/** A Latin name without its article: al-Kadhimi → kadhimi, ash-Sharif → sharif. */
export function latinWithoutArticle(word: string): string {
  const lower = word.toLowerCase();
  const m = ARTICLE.exec(lower);
  return latinForm(m && /[- ]/u.test(lower.slice(0, m[0].length + 1)) ? lower.slice(m[0].length) : lower);
}

export function isArabicWord(word: string): boolean {
  return /^[\u0621-\u064a]+$/u.test(word);
}

export function isLatinWord(word: string): boolean {
  return /^[a-z][a-z']*$/u.test(word);
}

/** The consonant skeleton of a folded Arabic word (ال already off), e.g. كاظمي → kzm. */
export function arabicSkeleton(word: string): string {
  // A final ه may be ة (folded to ه), which Latin writes as a vowel: Gaza غزة.
  const end = word.endsWith('ه') ? word.length - 1 : word.length;
  let out = '';
  for (let i = 0; i < end; i++) {
    const k = word.charCodeAt(i) - 0x0600;
    if (k >= 0 && k < 0x100) out += CLASS_BY_CODE[k]!;
  }
  return out;
}

/**
 * The consonants of a folded Latin word in order, each with the Arabic
 * letter classes it may stand for and whether it repeats the consonant
 * before it (a doubled consonant is one Arabic letter, Abbas عباس, or two,
 * Allah الله). Vowels are skipped and part no double.
 */
function* consonantReadings(w: string): Generator<{ options: readonly string[]; doubled: boolean }> {
  let previous = '';
  for (let i = 0; i < w.length;) {
    if (VOWELS.includes(w[i]!)) {
      previous = '';
      i++;
      continue;
    }
    const hit = CLASSES_BY_FIRST.get(w[i]!)?.find(([g]) => w.startsWith(g, i));
    if (!hit) {
      i++;
      continue;
    }
    // A final h after a vowel is often not written in Arabic (Fatimah فاطمة).
    const finalH = hit[0] === 'h' && i === w.length - 1 && i > 0 && VOWELS.includes(w[i - 1]!);
    const doubled = hit[0] === previous;
    yield { options: finalH ? ['h', ''] : hit[1], doubled };
    previous = doubled ? '' : hit[0];
    i += hit[0].length;
  }
}

/** The skeletons a Latin word may stand for (at most 32): kadhimi → kdm, kzm. */
export function latinSkeletons(word: string): string[] {
  let acc: string[] = [''];
  for (const { options, doubled } of consonantReadings(latinForm(word)))
    acc = acc.flatMap((s) => [...(doubled ? [s] : []), ...options.map((c) => s + c)]).slice(0, 32);
  return [...new Set(acc)];
}

/**
 * Whether `skeleton` may be one of `latinSkeletons(word)`: the same reading
 * without the cap of 32 and with a reading dropped as soon as it leaves
 * `skeleton`, so most words are ruled out at their first consonant. A
 * superset of `latinSkeletons(word).includes(skeleton)` (a long word's 33rd
 * reading passes here), cheap enough to scan a library's Latin words for
 * one Arabic query word.
 */
export function latinMayStandFor(word: string, skeleton: string): boolean {
  let at = [0];
  for (const { options, doubled } of consonantReadings(isLatinWord(word) ? word : latinForm(word))) {
    const next: number[] = [];
    for (const p of at) {
      if (doubled && !next.includes(p)) next.push(p);
      for (const c of options) if (skeleton.startsWith(c, p) && !next.includes(p + c.length)) next.push(p + c.length);
    }
    if (next.length === 0) return false;
    at = next;
  }
  return at.includes(skeleton.length);
}

/**
 * `latinMayStandFor(word, skeleton)` as a test made once per skeleton: a word whose first consonant cannot begin
 * `skeleton` is ruled out by one look-up, before the reading's allocations. A one-shot search tests every Latin
 * word of a library with it (3,644 in a 30,000-article SaudiNewsNet library), nearly all cold code.
 */
export function latinMayStandForTest(skeleton: string): (word: string) => boolean {
  // The empty skeleton is read only by words whose one consonant may be silent (a final h): the full reading decides.
  if (skeleton === '') return (word) => latinMayStandFor(word, skeleton);
  const starts = new Set<string>();
  for (const [grapheme, classes] of LATIN_CLASSES)
    if (classes.some((c) => c[0] === skeleton[0])) starts.add(grapheme[0]!);
  return (word) => {
    for (let i = 0; i < word.length; i++) {
      const c = word[i]!;
      // Not yet in latinForm: read as latinMayStandFor reads it.
      if (!/[a-z0-9']/u.test(c)) return latinMayStandFor(word, skeleton);
      if (VOWELS.includes(c) || !CLASSES_BY_FIRST.has(c)) continue;
      // The first consonant is never a doubled one, and only a final h may stay unwritten (it reads as h too).
      return starts.has(c) && latinMayStandFor(word, skeleton);
    }
    return latinMayStandFor(word, skeleton);
  };
}

/**
 * The cost of reading Latin `latin` as Arabic `arabic` (both folded keys;
 * 0 = a regular transliteration). Short vowels inside the word are free.
 */
export function transliterationCost(arabic: string, latin: string): number {
  const a = [...arabic];
  const l = latinForm(latin);
  const n = a.length;
  const m = l.length;
  const dp: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(Infinity));
  dp[0]![0] = 0;
  for (let i = 0; i <= n; i++) {
    for (let j = 0; j <= m; j++) {
      const here = dp[i]![j]!;
      if (here === Infinity) continue;
      if (j < m) {
        // A Latin letter no Arabic letter stands for: a short vowel is free inside the word.
        const c = l[j]!;
        const inside = j > 0 && j < m - 1;
        // A final e after a consonant is silent in English (Rice رايس); a final h after a vowel often unwritten.
        const silent = j === m - 1 && ((c === 'e' && !/[aeiou]/u.test(l[j - 1] ?? 'a')) || c === 'h');
        const afterVowel = j > 0 && /[aeiou]/u.test(l[j - 1]!);
        // An h after a vowel is often not written (John جون, Johnson جونسون).
        // A free short vowel still costs 0.01, so that among equal readings the one whose vowels the
        // Arabic writes ranks first (Chirac: شيراك before شركة).
        const cost =
          /[aeiou']/u.test(c) && !silent ? (inside ? FREE_VOWEL : 1) : silent || (c === 'h' && afterVowel) ? 0.5 : 1;
        if (here + cost < dp[i]![j + 1]!) dp[i]![j + 1] = here + cost;
      }
      if (i < n) {
        const letter = a[i]!;
        const key =
          i === n - 1 && (letter === 'ه' || letter === 'ي')
            ? `${letter}_final`
            : i === 0 && letter === 'ا'
              ? 'ا_initial'
              : letter === 'ى'
                ? 'ي'
                : letter;
        const options = SPELLINGS.get(key) ?? [];
        let deleted = false;
        for (const [g, cost] of options) {
          if (g === '') deleted = true;
          if (g === '' && cost >= 1) continue;
          if (!l.startsWith(g, j)) continue;
          let to = j + g.length;
          if (here + cost < dp[i + 1]![to]!) dp[i + 1]![to] = here + cost;
          // A doubled consonant is one Arabic letter with shadda (Abbas عباس).
          if (g.length === 1 && !/[aeiou]/u.test(g) && l[to] === g) {
            to++;
            if (here + cost < dp[i + 1]![to]!) dp[i + 1]![to] = here + cost;
          }
        }
        if (!deleted && here + 1 < dp[i + 1]![j]!) dp[i + 1]![j] = here + 1;
        if (i + 1 < n)
          for (const [g, cost] of PAIR_SPELLINGS.get(letter + a[i + 1]!) ?? [])
            if (l.startsWith(g, j) && here + cost < dp[i + 2]![j + g.length]!) dp[i + 2]![j + g.length] = here + cost;
      }
    }
  }
  return dp[n]![m]!;
}

const FREE_VOWEL = 0.01;

/** The most a candidate may cost for a Latin word of this length (short words must fit exactly). */
export function maxTransliterationCost(latin: string): number {
  const len = latinForm(latin).length;
  // The allowance for free vowels: a word has fewer than ten.
  return (len <= 5 ? 0.5 : len <= 7 ? 1 : 1.5) + 9 * FREE_VOWEL;
}
