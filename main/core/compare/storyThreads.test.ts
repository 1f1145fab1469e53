import { beforeAll, describe, expect, it } from 'vitest';
import { clusterStories, dayNumber, type ClusterResult, type StoryDoc } from './clusterer';
import { DocFrequencies, eventKeys, storyFeatures } from './features';
import { saudiNewsNetDay } from './testData';

/**
 * Real articles of SaudiNewsNet 2015-07-23 and 07-24, found by URL: the
 * second Saudi relief plane landing in Aden (told by six outlets over the two
 * days), the third (three outlets, the 24th), and two Eid greetings written
 * to one template. Document frequencies come from both whole days.
 */
const second = [
  'http://www.aleqt.com/2015/07/23/article_975690.html',
  'http://www.alriyadh.com/1067297',
  'http://www.alyaum.com/article/4079857',
  'http://www.okaz.com.sa/new/Issues/20150724/Con20150724785256.htm',
  'http://www.alyaum.com/article/4079861',
];
const third = [
  'http://www.alyaum.com/article/4079981',
  'http://www.al-madina.com/node/620866/وصول-الطائرة-الإغاثية-الثالثة-إلى-عدن.html?live',
];
const library = 'http://www.al-jazirah.com/2015/20150723/ln16.htm';
const court = 'http://www.al-jazirah.com/2015/20150724/ln19.htm';

describe('stories are single events; threads link a developing story', () => {
  let result: ClusterResult;
  const idOf = new Map<string, number>();

  beforeAll(async () => {
    const df = new DocFrequencies();
    const docs: StoryDoc[] = [];
    for (const day of ['2015-07-23', '2015-07-24']) {
      for (const a of saudiNewsNetDay(day)) {
        if (!a) continue;
        const features = storyFeatures(a.title, a.body);
        df.add(features);
        if (!a.url || ![...second, ...third, library, court].includes(a.url) || idOf.has(a.url)) continue;
        idOf.set(a.url, idOf.size + 1);
        docs.push({ id: idOf.size, day: dayNumber(day), features, event: eventKeys(a.title, a.body) });
      }
    }
    result = await clusterStories([], docs, df);
  }, 120_000);

  const storyOf = (url: string): number => result.placements.find((p) => p.id === idOf.get(url))!.cluster;
  const threadOf = (url: string): number | null =>
    result.threads.find((t) => t.cluster === storyOf(url))?.thread ?? null;

  it('finds every article of the fixture', () => {
    expect(idOf.size).toBe(second.length + third.length + 2);
  });

  it('the second plane is one story and the third another', () => {
    expect(new Set(second.map(storyOf)).size).toBe(1);
    expect(new Set(third.map(storyOf)).size).toBe(1);
    expect(storyOf(third[0]!)).not.toBe(storyOf(second[0]!));
  });

  it('the two planes are one thread: a developing story, kept as two stories', () => {
    expect(threadOf(second[0]!)).not.toBeNull();
    expect(threadOf(third[0]!)).toBe(threadOf(second[0]!));
  });

  it('two institutions Eid greetings are neither one story nor one thread', () => {
    expect(storyOf(library)).not.toBe(storyOf(court));
    const a = threadOf(library);
    expect(a === null || a !== threadOf(court)).toBe(true);
  });
});
