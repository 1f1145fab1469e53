/**
 * The story-level template check: before two stories merge, the headlines
 * of the would-be story are read as a whole. A pair of articles can read as
 * two items of a template by chance (one event's headlines in other words,
 * "جامعة برمنغهام تعلن ..." / "جامعة برمنجهام تعلن ..."), so the merge pass
 * asks its pairs for a share, not one veto; but a story that grows one
 * template item at a time (a ministry's Eid greeting to its staff, then a
 * court's, then a library's, each story bridged by headlines that say too
 * little to veto) never shows that share. Here the whole union is asked:
 * a frame that its headlines carry with several *bodies* in the slot
 * ("[X] تعايد منسوبيها" with the ministry, the court and the library) is a
 * template, and the merge is refused.
 *
 * Bodies: the union's headlines carrying one frame, grouped when their
 * slots are not apart (`keysApart`, as the pair rule decides: two outlets
 * naming one court in other words are one body). The merge is refused when
 * it brings together headlines of one frame from both stories, the frame
 * holds two bodies or more in the union, and the frame recurs outside the
 * union (the run has at least `minTemplateCount` more headlines carrying
 * it). A frame other stories share is a template (37 Eid greetings on
 * SaudiNewsNet 2015-07-23/24); one event's headlines in other words make
 * a frame only its own story carries ("البايرن يعوض شفاينتايجر بفيدال",
 * "البايرن يحسم صفقة فيدال", "بايرن ميونيخ يتوصل إلى اتفاق لضم فيدال":
 * three slots between بايرن and فيدال, carried by these three headlines only).
 */
import { keysApart, type EventKeys, type TemplateFrame, type TemplateIndex } from './templates';

/** What the check reads of an article: its event keys and every content key of it (sorted). */
export interface FramedArticle {
  event?: EventKeys;
  features: { terms: Uint32Array };
}

export class StoryTemplates {
  /** Per article (by index), the run templates its headline is an item of. */
  private readonly frames: TemplateFrame[][];

  constructor(
    private readonly templates: TemplateIndex,
    private readonly docs: readonly FramedArticle[],
  ) {
    this.frames = docs.map((d) => (d.event ? templates.templatesOf(d.event.title) : []));
  }

  /**
   * The frame (its hash) that stories `a` and `b` (article indexes) would hold as template items of different
   * bodies if merged, or null when the union holds none.
   */
  mixedTemplate(a: readonly number[], b: readonly number[]): number | null {
    const inA = new Map<number, Array<[number, TemplateFrame]>>();
    for (const i of a) for (const f of this.frames[i]!) push(inA, f.frame, [i, f]);
    const shared = new Map<number, Array<[number, TemplateFrame]>>();
    for (const i of b) {
      for (const f of this.frames[i]!) {
        const items = inA.get(f.frame);
        if (!items) continue;
        if (!shared.has(f.frame)) shared.set(f.frame, [...items]);
        shared.get(f.frame)!.push([i, f]);
      }
    }
    for (const [frame, items] of shared) {
      if (items[0]![1].count - items.length < this.templates.minTemplateCount) continue;
      if (this.bodies(items) >= 2) return frame;
    }
    return null;
  }

  /** How many different bodies the slots of these headlines (all carrying one frame) name. */
  private bodies(items: ReadonlyArray<[number, TemplateFrame]>): number {
    const slot = items.map(([i, f]) => {
      const title = this.docs[i]!.event!.title;
      return title.subarray(f.prefix, title.length - f.suffix);
    });
    const terms = items.map(([i]) => this.docs[i]!.features.terms);
    const parent = items.map((_, k) => k);
    const find = (x: number): number => {
      while (parent[x] !== x) x = parent[x] = parent[parent[x]!]!;
      return x;
    };
    for (let x = 0; x < items.length; x++) {
      for (let y = x + 1; y < items.length; y++) {
        if (find(x) === find(y)) continue;
        if (!keysApart(slot[x]!, slot[y]!, terms[x]!, terms[y]!)) parent[find(x)] = find(y);
      }
    }
    let roots = 0;
    for (let x = 0; x < items.length; x++) if (find(x) === x) roots++;
    return roots;
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
