/**
 * English rules: runs of capitalised words, read as a person after a title,
 * as a body when they hold an organisation word, as a place from the
 * gazetteer. A capitalised run with none of these cues is left out.
 */
import type { Proposal } from './arabic';
import { matchAt } from './nameLists';
import { PhraseList, keySet } from './lexicon';
import { ENGLISH_PLACE_NAMES } from './places';
import { joined, type EntityToken } from './tokens';

// prettier-ignore
const TITLES: ReadonlySet<string> = keySet([
  'mr', 'mrs', 'ms', 'miss', 'dr', 'prof', 'professor', 'sir', 'dame', 'lord', 'lady', 'president', 'king', 'queen', 'prince',
  'princess', 'sheikh', 'emir', 'minister', 'chancellor', 'senator', 'sen', 'rep', 'governor', 'gov', 'mayor', 'judge', 'justice',
  'general', 'gen', 'colonel', 'col', 'captain', 'capt', 'lt', 'sgt', 'admiral', 'pope', 'archbishop', 'bishop', 'rev', 'father',
  'ambassador', 'secretary', 'chairman', 'chairwoman', 'spokesman', 'spokeswoman', 'coach', 'manager', 'chief', 'leader',
  'striker', 'midfielder', 'defender', 'goalkeeper', 'champion', 'actor', 'actress', 'singer', 'director',
]);

// prettier-ignore
const ORGANISATION_WORDS: ReadonlySet<string> = keySet([
  'ministry', 'department', 'university', 'college', 'school', 'institute', 'bank', 'council', 'committee', 'commission', 'agency',
  'association', 'organisation', 'organization', 'union', 'federation', 'party', 'company', 'corporation', 'corp', 'inc', 'ltd',
  'plc', 'group', 'club', 'fc', 'united', 'court', 'parliament', 'assembly', 'senate', 'congress', 'office', 'authority', 'board',
  'foundation', 'fund', 'society', 'police', 'army', 'navy', 'forces', 'airlines', 'airways', 'news', 'times', 'post', 'bbc',
  'league', 'nations', 'service', 'trust', 'network', 'museum', 'hospital', 'church', 'house', 'commons', 'lords',
]);

const PLACES = new PhraseList(ENGLISH_PLACE_NAMES);
/** Lower-case words allowed inside a name (Bank of England, Organization for Economic Co-operation). */
const INNER = new Set([
  'of',
  'for',
  'the',
  'and',
  'de',
  'van',
  'von',
  'al',
  'el',
  'bin',
  'ibn',
  'la',
  'le',
  'du',
  'da',
  'di',
]);

function capital(t: EntityToken | undefined): t is EntityToken {
  return !!t && t.t.kind === 'word' && t.capital;
}

/** Particles of Arabic names written in English (Mustafa al-Kadhimi, Mohammed bin Salman): a run holding one is a person. */
const NAME_PARTICLES = new Set(['al', 'el', 'bin', 'ibn', 'bint']);

/** Spaces only, or one hyphen inside a name (al-Kadhimi, Al-Kadhimi, Jean-Marc). */
function together(text: string, a: EntityToken | undefined, b: EntityToken | undefined): boolean {
  return joined(text, a, b) || (!!a && !!b && text.slice(a.t.end, b.t.start) === '-');
}

/** End of the capitalised run from i (inner lower-case links allowed when a capital follows). */
function runEnd(text: string, toks: readonly EntityToken[], i: number): number {
  let j = i + 1;
  while (j < toks.length && together(text, toks[j - 1], toks[j])) {
    if (capital(toks[j])) {
      j++;
      continue;
    }
    if (INNER.has(toks[j]!.key) && capital(toks[j + 1]) && together(text, toks[j], toks[j + 1])) {
      j += 2;
      continue;
    }
    break;
  }
  return j;
}

function sentenceStart(text: string, toks: readonly EntityToken[], i: number): boolean {
  if (i === 0) return true;
  return /[.!?:"“\n]\s*$/u.test(text.slice(toks[i - 1]!.t.end, toks[i]!.t.start));
}

export function englishProposals(text: string, toks: readonly EntityToken[]): Proposal[] {
  const out: Proposal[] = [];
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (!capital(t)) continue;
    // Title + capitalised name: President Barack Obama, Mr. Smith.
    if (TITLES.has(t.key)) {
      let from = i + 1;
      if (text[t.t.end] === '.') from = i + 1;
      while (capital(toks[from]) && TITLES.has(toks[from]!.key) && joined(text, toks[from - 1], toks[from])) from++;
      const gapOk = toks[from] && /^\.?\s+$/u.test(text.slice(toks[from - 1]!.t.end, toks[from]!.t.start));
      if (capital(toks[from]) && gapOk && matchAt(text, toks, from, PLACES) === 0) {
        // Three words at most, not counting name particles (Mohammed Mustafa al-Jibouri).
        const run = runEnd(text, toks, from);
        const particles = toks.slice(from, run).filter((w) => !w.capital && NAME_PARTICLES.has(w.key)).length;
        const end = Math.min(run, from + 3 + particles);
        out.push({ kind: 'person', from, to: end, title: [i, from] });
        i = end - 1;
        continue;
      }
    }
    const end = runEnd(text, toks, i);
    const words = toks.slice(i, end);
    if (words.some((w) => ORGANISATION_WORDS.has(w.key)) && end - i >= 2) {
      out.push({ kind: 'organisation', from: i, to: end });
      i = end - 1;
      continue;
    }
    const place = matchAt(text, toks, i, PLACES);
    // Mustafa al-Kadhimi: an inner name particle makes the run a person's name.
    const particle = words.slice(1, -1).some((w) => !w.capital && NAME_PARTICLES.has(w.key));
    if (particle && place === 0 && end - i <= 4) {
      out.push({ kind: 'person', from: i, to: end });
      i = end - 1;
      continue;
    }
    if (place > 0 && (place === end - i || !sentenceStart(text, toks, i))) {
      out.push({ kind: 'place', from: i, to: i + place });
      i += place - 1;
    }
  }
  return out;
}
