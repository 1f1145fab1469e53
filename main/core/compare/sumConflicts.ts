/**
 * A total against its parts: one outlet writes "125 قاضيا" (often in the
 * headline) where another gives only "100 قاض … 25 قاضيا". The figures may
 * well agree, but a reader checking the story must see that one side added
 * them up (or did not): both sentences are put side by side, flagged as a
 * `sum` conflict. Only numbers counting the same thing (one unit key) are
 * added, two or three parts at most, so unrelated figures never meet.
 */
import { plainCounted } from '../../../common/text/counted';
import type { ArticleFacts, NumberFact } from './facts';
import type { Conflict, ConflictItem } from './ledger';
import type { PreparedText } from './prepare';

interface Told {
  article: number;
  fact: NumberFact;
  inTitle: boolean;
}

function itemOf(
  told: Told,
  texts: readonly PreparedText[],
  titles: ReadonlyArray<string | undefined>,
  role: 'whole' | 'part',
): ConflictItem {
  const p = texts[told.article]!;
  const s = p.sentences[told.fact.sentence];
  const sentence = told.inTitle ? (titles[told.article] ?? '').trim() : s ? p.text.slice(s.start, s.end).trim() : '';
  return {
    article: told.article,
    value: told.fact.text.replace(/\s+/gu, ' '),
    start: told.fact.start,
    end: told.fact.end,
    sentence,
    inTitle: told.inTitle,
    role,
  };
}

/** Two or three of `facts` with distinct values below `whole` that add up to it, or null. */
function partsOf(whole: number, facts: readonly NumberFact[]): NumberFact[] | null {
  const byValue = new Map<number, NumberFact>();
  for (const f of facts) if (f.value < whole && f.value > 0 && !byValue.has(f.value)) byValue.set(f.value, f);
  const list = [...byValue.values()];
  for (let i = 0; i < list.length; i++)
    for (let j = i + 1; j < list.length; j++) {
      if (list[i]!.value + list[j]!.value === whole) return [list[i]!, list[j]!];
      for (let k = j + 1; k < list.length; k++)
        if (list[i]!.value + list[j]!.value + list[k]!.value === whole) return [list[i]!, list[j]!, list[k]!];
    }
  return null;
}

export function sumConflicts(
  texts: readonly PreparedText[],
  facts: readonly ArticleFacts[],
  titles: ReadonlyArray<string | undefined>,
): Conflict[] {
  const units = new Set<string>();
  for (const f of facts)
    for (const n of [...f.numbers, ...f.titleNumbers]) if (n.unitKey && n.unitKey !== '%') units.add(n.unitKey);
  const groups = new Map<string, { unit: string; wholes: Told[]; parts: Told[] }>();
  for (const unit of units) {
    const body = facts.map((f) => f.numbers.filter((n) => n.unitKey === unit));
    const told: Told[] = facts.flatMap((f, article) => [
      ...f.titleNumbers.filter((n) => n.unitKey === unit).map((fact) => ({ article, fact, inTitle: true })),
      ...body[article]!.map((fact) => ({ article, fact, inTitle: false })),
    ]);
    for (const whole of told) {
      const w = whole.fact.value;
      for (let b = 0; b < facts.length; b++) {
        if (b === whole.article || body[b]!.some((n) => n.value === w)) continue;
        const parts = partsOf(w, body[b]!);
        if (!parts) continue;
        const id = `${unit}|${w}|${parts
          .map((n) => n.value)
          .sort((x, y) => x - y)
          .join('+')}`;
        const g = groups.get(id) ?? { unit: plainCounted(whole.fact.unit ?? unit), wholes: [], parts: [] };
        if (!g.wholes.some((x) => x.article === whole.article)) g.wholes.push(whole);
        if (!g.parts.some((x) => x.article === b))
          for (const fact of parts) g.parts.push({ article: b, fact, inTitle: false });
        groups.set(id, g);
      }
    }
  }
  return [...groups.values()].map((g) => ({
    kind: 'sum',
    subject: g.unit,
    items: [
      ...g.wholes.map((t) => itemOf(t, texts, titles, 'whole')),
      ...g.parts.map((t) => itemOf(t, texts, titles, 'part')),
    ],
    row: null,
  }));
}
