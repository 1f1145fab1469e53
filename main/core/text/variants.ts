/**
 * Spelling variants of the same word: a small variant-folding step plus a
 * curated table, applied to exact keys (after proclitics are stripped) so
 * أميركي finds أمريكي and البنتاجون finds البنتاغون.
 *
 * Step 1 (rule): letters borrowed from Persian/Urdu for foreign sounds fold
 * to the Arabic letter writers substitute when they lack them: ڤ→ف, پ→ب,
 * چ→ج, ژ→ز, گ→ك, ڨ→ق.
 * Step 2 (table): prefix rewrites, each measured on SaudiNewsNet (counts are
 * occurrences of words starting with each spelling after article stripping;
 * see README.md). A rewrite is a prefix so inflected forms follow
 * (الأمريكيين → اميركيين). Canonical = either spelling; it is internal.
 */

/** [variant prefix, canonical prefix], folded forms. */
export const VARIANT_PREFIXES: ReadonlyArray<readonly [string, string]> = [
  ['امريك', 'اميرك'], // أمريكي 7039 / أميركي 5908
  ['مسيول', 'مسوول'], // مسئول 411 / مسؤول 8577 (hamza seat)
  ['شيون', 'شوون'], // شئون 278 / شؤون 4208
  ['مليشي', 'ميليشي'], // مليشيات 790 / ميليشيات 1935
  ['ميلشي', 'ميليشي'], // 45
  ['صحافي', 'صحفي'], // صحافي 1349 / صحفي 1730
  ['ديموقراط', 'ديمقراط'], // 175 / 930
  ['بنتاجون', 'بنتاغون'], // 46 / 66
  ['بنتاقون', 'بنتاغون'],
  ['كونجرس', 'كونغرس'], // 208 / 498
  ['جوجل', 'غوغل'], // 417 / 162
  ['قوقل', 'غوغل'], // 20
  ['نتانياهو', 'نتنياهو'], // 34 / 302
  ['ترمب', 'ترامب'], // 40 / 194
  ['بوتن', 'بوتين'], // 19 / 311
  ['تكنلوجي', 'تكنولوجي'], // 6 / 967
  ['واشنطون', 'واشنطن'], // 1 / 87
  ['ماكجورك', 'ماكغورك'], // 2 / 2
  ['بنجلاديش', 'بنغلاديش'], // 122 / 83
  ['انستجرام', 'انستغرام'], // 77 / 59
  ['انستقرام', 'انستغرام'], // 21
  ['انستاغرام', 'انستغرام'], // 1
  ['انستاجرام', 'انستغرام'], // 5
  ['يوتوب', 'يوتيوب'], // 6 / 206
  ['اوربا', 'اوروبا'], // 43 / 1711
  ['اوربي', 'اوروبي'], // 138 / 4022
  ['جينيف', 'جنيف'], // 6 / 343
  ['انكلترا', 'انجلترا'], // 28 / 294
  ['انقلترا', 'انجلترا'],
  ['انكليز', 'انجليز'], // 130 / 1912
  ['مانشيستر', 'مانشستر'], // 6 / 878
  ['فايروس', 'فيروس'], // 8 / 474
  ['كرونا', 'كورونا'], // 6 / 245
  ['يونيسكو', 'يونسكو'], // 50 / 103
  ['جونسن', 'جونسون'], // 1 / 62
  ['اولاند', 'هولاند'], // 4 / 149
  ['توتير', 'تويتر'], // 21 / 1534
  ['ميرز', 'ميرس'], // MERS: 47 / 31
  ['ستراتيج', 'استراتيج'], // 3 / 3522
];

/** Variants indexed by their first two code units, so a word costs one Map lookup. */
function indexVariants(): ReadonlyMap<number, ReadonlyArray<readonly [string, string]>> {
  const m = new Map<number, Array<readonly [string, string]>>();
  for (const pair of VARIANT_PREFIXES) {
    const k = pair[0].charCodeAt(0) * 0x10000 + pair[0].charCodeAt(1);
    const list = m.get(k) ?? [];
    list.push(pair);
    m.set(k, list);
  }
  // Longest variant first within a bucket.
  for (const list of m.values()) list.sort((a, b) => b[0].length - a[0].length);
  return m;
}

const BY_PREFIX = indexVariants();

function foreignLetter(c: number): number {
  switch (c) {
    case 0x06a4:
      return 0x0641; // ڤ → ف
    case 0x067e:
      return 0x0628; // پ → ب
    case 0x0686:
      return 0x062c; // چ → ج
    case 0x0698:
      return 0x0632; // ژ → ز
    case 0x06af:
      return 0x0643; // گ → ك
    case 0x06a8:
      return 0x0642; // ڨ → ق
    default:
      return 0;
  }
}

/** Folds spelling variants in an (already normalized, proclitic-stripped) Arabic key. */
export function foldVariants(key: string): string {
  let w = key;
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c >= 0x067e && c <= 0x06af) {
      const r = foreignLetter(c);
      if (r !== 0) w = w.slice(0, i) + String.fromCharCode(r) + w.slice(i + 1);
    }
  }
  if (w.length < 4) return w;
  const bucket = BY_PREFIX.get(w.charCodeAt(0) * 0x10000 + w.charCodeAt(1));
  if (bucket === undefined) return w;
  for (const [from, to] of bucket) {
    if (w.startsWith(from)) return to + w.slice(from.length);
  }
  return w;
}
