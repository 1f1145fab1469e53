/**
 * Amiri (OFL) from npm, resolved at run time and never copied into the repo:
 * it covers Arabic, Latin, digits and punctuation (DESIGN.md). TTF for
 * PDFKit: fontkit's subsetter crashes on WOFF2. For the HTML dossier the
 * WOFF2 subsets of @fontsource/amiri are four times smaller; where that
 * package is not installed (it is a development dependency) the TTF is
 * embedded instead.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as fontkit from 'fontkit';
import { withFastShaping } from './shapingSpeed';

export type FontWeight = 'regular' | 'bold';

const TTF: Record<FontWeight, string> = {
  regular: '@expo-google-fonts/amiri/400Regular/Amiri_400Regular.ttf',
  bold: '@expo-google-fonts/amiri/700Bold/Amiri_700Bold.ttf',
};

export function amiriTtfPath(weight: FontWeight): string {
  return require.resolve(TTF[weight]);
}

export function readAmiriTtf(weight: FontWeight): Buffer {
  return readFileSync(amiriTtfPath(weight));
}

/**
 * Amiri parsed by fontkit, for PDFKit. Parsing Amiri's large GSUB/GPOS tables
 * costs about half a second per font and document; a long-lived worker
 * parses once and reuses the fonts for every export. Shaping goes through
 * `withFastShaping` (same glyphs, a third less CPU).
 */
export function parseAmiri(): Record<FontWeight, fontkit.Font> {
  return { regular: withFastShaping(parseAmiriWeight('regular')), bold: withFastShaping(parseAmiriWeight('bold')) };
}

/** One weight of Amiri as fontkit parses it, shaping as fontkit does. */
export function parseAmiriWeight(weight: FontWeight): fontkit.Font {
  return fontkit.create(readAmiriTtf(weight));
}

export interface WebFontFace {
  weight: 400 | 700;
  format: 'woff2' | 'truetype';
  /** CSS unicode-range, or null for the whole font. */
  unicodeRange: string | null;
  bytes: Buffer;
}

function tryResolve(id: string): string | null {
  try {
    return require.resolve(id);
  } catch {
    return null;
  }
}

/**
 * The WOFF2 faces @fontsource/amiri declares for one weight (its own CSS says
 * which file covers which unicode-range), or null when it is not installed.
 */
function fontsourceFaces(weight: 400 | 700): WebFontFace[] | null {
  const css = tryResolve(`@fontsource/amiri/${weight}.css`);
  if (!css) return null;
  const faces: WebFontFace[] = [];
  for (const block of readFileSync(css, 'utf8').split('@font-face').slice(1)) {
    const file = /url\(\.\/files\/([\w-]+\.woff2)\)/.exec(block)?.[1];
    const range = /unicode-range:\s*([^;]+);/.exec(block)?.[1];
    if (!file || !range || !/-normal\.woff2$/.test(file)) continue;
    faces.push({
      weight,
      format: 'woff2',
      unicodeRange: range.trim(),
      bytes: readFileSync(join(dirname(css), 'files', file)),
    });
  }
  return faces.length > 0 ? faces : null;
}

/** The faces to embed in an offline HTML page, smallest available first. */
export function amiriWebFonts(): WebFontFace[] {
  const faces: WebFontFace[] = [];
  for (const weight of [400, 700] as const) {
    const woff2 = fontsourceFaces(weight);
    if (woff2) faces.push(...woff2);
    else
      faces.push({
        weight,
        format: 'truetype',
        unicodeRange: null,
        bytes: readAmiriTtf(weight === 400 ? 'regular' : 'bold'),
      });
  }
  return faces;
}
