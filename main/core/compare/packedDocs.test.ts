import { beforeAll, describe, expect, it } from 'vitest';
import { clusterRun, clusterStories, dayNumber, type ClusterResult, type StoryDoc } from './clusterer';
import { DocFrequencies, eventKeys, packFeatures, storyFeatures } from './features';
import { PackedDocs } from './packedDocs';
import { packEventKeys } from './templates';
import { saudiNewsNetDay } from './testData';

/**
 * A full run over packed articles (what clusterJob.ts does) places every article as the same run over articles held
 * as objects, while holding only the days around the one it places: every fourth article of four SaudiNewsNet days
 * (2015-07-21 to 24; the window reaches two days back, so the first day's articles are let go on the fourth).
 */
const DAYS = ['2015-07-21', '2015-07-22', '2015-07-23', '2015-07-24'];

class CountingDocs extends PackedDocs {
  holding = 0;
  mostOpen = 0;
  private readonly held = new Set<number>();

  override doc(i: number): StoryDoc {
    if (!this.held.has(i)) {
      this.held.add(i);
      this.mostOpen = Math.max(this.mostOpen, ++this.holding);
    }
    return super.doc(i);
  }

  override release(i: number): void {
    if (this.held.delete(i)) this.holding--;
    super.release(i);
  }
}

describe('placing packed articles day by day', () => {
  const docs: StoryDoc[] = [];
  const packed = new CountingDocs();
  // Buffers of 16 KB put away in a temporary file as they fill.
  const spilled = new PackedDocs(true, 16_384);
  const df = new DocFrequencies();
  let id = 0;
  beforeAll(() => {
    for (const day of DAYS) {
      saudiNewsNetDay(day).forEach((a, index) => {
        if (!a || index % 4 !== 0) return;
        const features = storyFeatures(a.title, a.body);
        const event = eventKeys(a.title, a.body);
        // Ids against date order, so that placing by date is not placing in the order the articles were added.
        const doc = { id: 10_000 - ++id, day: dayNumber(day), features, event };
        docs.push(doc);
        packed.add(doc.id, doc.day, packFeatures(features), packEventKeys(event));
        spilled.add(doc.id, doc.day, packFeatures(features), packEventKeys(event));
        df.add(features);
      });
    }
  }, 240_000);

  it('gives the stories, threads and headlines of the same run over whole articles', async () => {
    const whole: ClusterResult = await clusterStories([], docs, df);
    const fromPacked = await clusterRun(packed, [], df);
    expect(fromPacked.placements).toEqual(whole.placements);
    expect(fromPacked.threads).toEqual(whole.threads);
    expect(fromPacked.headlines).toEqual(whole.headlines);
    // Stories of several articles, threads and a veto or two: the comparison says something.
    expect(new Set(whole.placements.map((p) => p.cluster)).size).toBeLessThan(docs.length - 50);
    expect(whole.threads.length).toBeGreaterThan(0);
  }, 120_000);

  it('gives the same run from articles read back from its temporary file, and removes the file when closed', async () => {
    expect(spilled.spilledBytes).toBeGreaterThan(16_384 * 10);
    const whole = await clusterStories([], docs, df);
    const fromFile = await clusterRun(spilled, [], df);
    expect(fromFile.placements).toEqual(whole.placements);
    expect(fromFile.threads).toEqual(whole.threads);
    expect(fromFile.headlines).toEqual(whole.headlines);
    spilled.close();
    expect(spilled.spilledBytes).toBe(0);
    expect(() => spilled.doc(0)).toThrow();
  }, 120_000);

  it('holds at most the articles of the days it can still reach (the day placed and the two before)', () => {
    const perDay = DAYS.map((day) => docs.filter((d) => d.day === dayNumber(day)).length);
    const threeDays = Math.max(perDay[0]! + perDay[1]! + perDay[2]!, perDay[1]! + perDay[2]! + perDay[3]!);
    expect(packed.mostOpen).toBeGreaterThan(0);
    expect(packed.mostOpen).toBeLessThanOrEqual(threeDays);
    expect(threeDays).toBeLessThan(docs.length);
  });
});
