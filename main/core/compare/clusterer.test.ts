import { beforeAll, describe, expect, it } from 'vitest';
import {
  dayNumber,
  defaultClusterOptions,
  placeStories,
  storySimilarity,
  type PlacedDoc,
  type Placement,
  type StoryDoc,
} from './clusterer';
import { DocFrequencies, packFeatures, storyFeatures, unpackFeatures } from './features';
import { saudiNewsNetDay } from './testData';

/**
 * Pairs from SaudiNewsNet 2015-07-22, found by measuring similarities over
 * the day and then read by hand. Kept by index in the day file and the
 * article's URL (checked, so a changed data set fails loudly instead of
 * testing other articles).
 */
const DAY = '2015-07-22';
type Fixture = [index: number, url: string];
const sameStory: Array<[Fixture, Fixture, string]> = [
  [
    [389, 'http://www.al-jazirah.com/2015/20150722/du15.htm'],
    [772, 'http://www.alriyadh.com/1066949'],
    'Morocco arrests eight over planned attacks (wire copy)',
  ],
  [
    [771, 'http://www.alriyadh.com/1066948'],
    [1850, 'http://www.okaz.com.sa/new/Issues/20150722/Con20150722785057'],
    'US sanctions three Hezbollah leaders (rewritten)',
  ],
  [
    [69, 'http://aawsat.com/home/article/412051/'],
    [388, 'http://www.al-jazirah.com/2015/20150722/du14.htm'],
    'Britain charges a man with plotting to attack US soldiers',
  ],
  [
    [226, 'http://www.aleqt.com/2015/07/22/article_975169.html'],
    [788, 'http://www.alriyadh.com/1066886'],
    'Petrobras corruption scandal widens',
  ],
  [
    [91, 'http://aawsat.com/home/article/411816/'],
    [372, 'http://www.al-jazirah.com/2015/20150722/ms6.htm'],
    'Tom Cruise premieres Mission Impossible 5 in Vienna',
  ],
  [
    [293, 'http://www.aleqt.com/2015/07/22/article_975399.html'],
    [1543, 'http://www.alweeam.com.sa/348875/'],
    'Enrique opens the door to Pedro leaving (rewritten)',
  ],
  [
    [442, 'http://www.al-jazirah.com/2015/20150722/ln18.htm'],
    [1721, 'http://www.alyaum.com/article/4079627'],
    'Eid in Taif draws 300,000 / 350,000 visitors',
  ],
  [
    [423, 'http://www.al-jazirah.com/2015/20150722/ln52.htm'],
    [1732, 'http://www.alyaum.com/article/4079718'],
    'Saudi ambassador in Jordan holds an Eid reception (short text)',
  ],
];
const differentStories: Array<[Fixture, Fixture, string]> = [
  [
    [389, 'http://www.al-jazirah.com/2015/20150722/du15.htm'],
    [69, 'http://aawsat.com/home/article/412051/'],
    'two terror arrests: Morocco and Britain',
  ],
  [
    [442, 'http://www.al-jazirah.com/2015/20150722/ln18.htm'],
    [456, 'http://www.al-jazirah.com/2015/20150722/ln28.htm'],
    'Eid celebrations in Taif and in Buraidah',
  ],
  [
    [1492, 'http://www.alweeam.com.sa/348828/'],
    [2024, 'http://sabq.org/Q5Cgde'],
    'Eid receptions of the civil aviation authority and of the Red Crescent',
  ],
  [
    [2001, 'http://sabq.org/24Cgde'],
    [2017, 'http://sabq.org/y5Cgde'],
    'Eid receptions of the civil defence in the Eastern Province and in Jeddah',
  ],
  [
    [1523, 'http://www.alweeam.com.sa/348777/'],
    [2002, 'http://sabq.org/y4Cgde'],
    'Eid receptions of the civil defence and of the health ministry',
  ],
  [
    [771, 'http://www.alriyadh.com/1066948'],
    [245, 'http://www.aleqt.com/2015/07/22/article_975152.html'],
    'US sanctions on Hezbollah and an Israeli law on stone throwers',
  ],
];

const records = saudiNewsNetDay(DAY);
const docs: StoryDoc[] = [];
records.forEach((a, i) => {
  if (a?.published?.iso)
    docs.push({ id: i, day: dayNumber(a.published.iso), features: storyFeatures(a.title, a.body) });
});

function checkFixture([index, url]: Fixture): void {
  const a = records[index];
  expect(a, `record ${index} of ${DAY}`).toBeTruthy();
  expect(decodeURI(a!.url ?? ''), `record ${index} of ${DAY}`).toContain(url);
}

function clustersOf(placements: ReadonlyArray<{ id: number; cluster: number }>): Map<number, number> {
  return new Map(placements.map((p) => [p.id, p.cluster]));
}

describe(`story clustering on SaudiNewsNet ${DAY}`, () => {
  const df = new DocFrequencies();
  for (const d of docs) df.add(d.features);
  let placements: Placement[] = [];
  let cluster = new Map<number, number>();
  beforeAll(async () => {
    placements = await placeStories([], docs, df);
    cluster = clustersOf(placements);
  });

  it('puts the same story told by two outlets into one cluster', () => {
    for (const [a, b, what] of sameStory) {
      checkFixture(a);
      checkFixture(b);
      expect(cluster.get(a[0]), what).toBe(cluster.get(b[0]));
    }
  });

  it('keeps unrelated same-day articles apart, even when they share a template', () => {
    for (const [a, b, what] of differentStories) {
      checkFixture(a);
      checkFixture(b);
      expect(records[a[0]]!.published?.iso).toBe(records[b[0]]!.published?.iso);
      expect(cluster.get(a[0]), what).not.toBe(cluster.get(b[0]));
    }
  });

  it('measures same-story pairs well above the threshold and template pairs below it', () => {
    const sim = ([a]: Fixture, [b]: Fixture): number =>
      storySimilarity(docs.find((d) => d.id === a)!.features, docs.find((d) => d.id === b)!.features, df);
    for (const [a, b] of sameStory) expect(sim(a, b)).toBeGreaterThanOrEqual(defaultClusterOptions.threshold);
    for (const [a, b] of differentStories) expect(sim(a, b)).toBeLessThan(defaultClusterOptions.threshold);
  });

  it('no story swallows a topic: clusters stay small on a day of 2,000 articles', () => {
    const sizes = new Map<number, number>();
    for (const c of cluster.values()) sizes.set(c, (sizes.get(c) ?? 0) + 1);
    expect(Math.max(...sizes.values())).toBeLessThanOrEqual(20);
    // ...while many stories are told more than once.
    expect([...sizes.values()].filter((n) => n >= 2).length).toBeGreaterThan(200);
  });

  it('places late articles into the existing stories incrementally', async () => {
    // The first 1,700 records clustered, then the rest arrive.
    const first = docs.filter((d) => d.id < 1700);
    const late = docs.filter((d) => d.id >= 1700);
    const df1 = new DocFrequencies();
    for (const d of first) df1.add(d.features);
    const before = await placeStories([], first, df1);
    let next = 1;
    const ids = new Map<number, number>();
    const placed: PlacedDoc[] = before.map((p) => {
      if (!ids.has(p.cluster)) ids.set(p.cluster, next++);
      return { ...first.find((d) => d.id === p.id)!, cluster: ids.get(p.cluster)! };
    });
    for (const d of late) df1.add(d.features);
    const after = await placeStories(placed, late, df1);
    expect(after.map((p) => p.id).sort((x, y) => x - y)).toEqual(late.map((d) => d.id));
    const all = new Map([
      ...placed.map((p) => [p.id, p.cluster] as const),
      ...after.map((p) => [p.id, p.cluster] as const),
    ]);
    // Pairs whose second article arrived late joined the first one's story.
    for (const [a, b, what] of sameStory.filter(([x, y]) => x[0] < 1700 && y[0] >= 1700))
      expect(all.get(b[0]), what).toBe(all.get(a[0]));
    expect(sameStory.filter(([x, y]) => x[0] < 1700 && y[0] >= 1700).length).toBeGreaterThanOrEqual(3);
    for (const [a, b, what] of differentStories) expect(all.get(a[0]), what).not.toBe(all.get(b[0]));
  });

  it('is deterministic', async () => {
    expect(await placeStories([], docs, df)).toEqual(placements);
  });

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    controller.abort(new Error('stop'));
    await expect(placeStories([], docs, df, undefined, undefined, controller.signal)).rejects.toThrow('stop');
  });
});

describe('story signatures', () => {
  it('survive packing, and count title words twice', () => {
    const f = storyFeatures('الكاظمي في واشنطن', 'وصل الكاظمي إلى واشنطن، 2500 جندي');
    expect(unpackFeatures(packFeatures(f))).toEqual(f);
    expect(Math.max(...f.counts)).toBe(3); // كاظمي, واشنطن: twice in the title, once in the body
    const df = new DocFrequencies();
    df.add(f);
    df.add(f);
    const back = DocFrequencies.unpack(df.pack());
    expect(back.docCount).toBe(2);
    expect(back.get(f.terms[0]!)).toBe(2);
    back.remove(f);
    expect(back.get(f.terms[0]!)).toBe(1);
  });

  it('rejects a damaged signature', () => {
    expect(() => unpackFeatures(new Uint8Array(7))).toThrow(/damaged/);
  });
});
