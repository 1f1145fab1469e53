import { beforeAll, describe, expect, it } from 'vitest';
import { dayNumber, type ClusterResult, type PlacedDoc, type StoryDoc } from './clusterer';
import { DocFrequencies, eventKeys, storyFeatures } from './features';
import { appMergeOptions, defaultMergeOptions, leadMergeOptions, mergeStories } from './storyMerge';
import { saudiNewsNetDay } from './testData';

/**
 * Real articles of SaudiNewsNet 2015-07-23, found by URL, in the stories
 * that placing the whole day (clusterStories over its 2,900 articles) leaves
 * them in: the King's talks with the US defence secretary begun as two
 * stories (3 and 5 articles), the Birmingham Quran manuscript as two (4 and
 * 2), the deputy crown prince's own meeting with the secretary (another
 * meeting of the day), and Eid greetings of seven bodies written to one
 * template, one story each. Document frequencies come from the whole day.
 */
const kingA = [
  'http://aawsat.com/home/article/412866/خادم-الحرمين-يبحث-مع-وزير-الدفاع-الأميركي-مستجدات-المنطقة',
  'http://aawsat.com/home/article/412896/خادم-الحرمين-الشريفين-يبحث-العلاقات-الثنائية-مع-وزير-الدفاع-الأميركي',
  'http://www.aleqt.com/2015/07/23/article_975460.html',
];
const kingB = [
  'http://www.al-jazirah.com/2015/20150723/ln36.htm',
  'http://www.al-madina.com/node/620540/خادم-الحرمين-يبحث-مع-وزير-الدفاع-الأمريكي-مستجدات-الأوضاع.html',
  'http://www.alriyadh.com/1067051',
  'http://www.alyaum.com/article/4079733',
  'http://www.okaz.com.sa/new/Issues/20150723/Con20150723785082.htm',
];
const deputy = [
  'http://aawsat.com/home/article/412906/ولي-ولي-العهد-يعقد-اجتماعًا-موسعًا-مع-آشتون-كارتر',
  'http://www.aleqt.com/2015/07/23/article_975461.html',
  'http://www.al-jazirah.com/2015/20150723/ln37.htm',
  'http://www.alriyadh.com/1067061',
  'http://www.alyaum.com/article/4079839',
  'http://www.okaz.com.sa/new/Issues/20150723/Con20150723785086.htm',
];
const quranA = [
  'http://aawsat.com/home/article/412891/كنز-في-برمنغهام-الكشف-عن-مخطوطة-قرآنية-كتبت-في-زمن-الرسول',
  'http://aawsat.com/home/article/412631/اكتشاف-مخطوط-من-أقدم-نسخ-للقرآن-في-العالم-في-مدينة-بريطانية-مغمورة',
  'http://www.al-jazirah.com/2015/20150723/ms1.htm',
  'http://www.alyaum.com/article/4079841',
];
const quranB = ['http://www.aleqt.com/2015/07/23/article_975568.html', 'http://www.alriyadh.com/1067114'];
/** الخدمة المدنية، وزارة الداخلية، وزارة الصحة، الشئون الإسلامية، وزارة التربية، وزارة الشؤون الاجتماعية، مكتبة الملك عبدالعزيز (each "... تعايد منسوبيها"). */
const greetings = [6, 4, 5, 7, 11, 12, 16].map((n) => `http://www.al-jazirah.com/2015/20150723/ln${n}.htm`);

const groups = [kingA, kingB, deputy, quranA, quranB, ...greetings.map((url) => [url])];

describe('the merge pass joins stories of one event begun apart, and nothing else', () => {
  const df = new DocFrequencies();
  const docs = new Map<string, StoryDoc>();
  const day = dayNumber('2015-07-23');

  beforeAll(() => {
    const wanted = new Set(groups.flat());
    for (const a of saudiNewsNetDay('2015-07-23')) {
      if (!a) continue;
      const features = storyFeatures(a.title, a.body);
      df.add(features);
      if (a.url && wanted.has(a.url) && !docs.has(a.url))
        docs.set(a.url, { id: docs.size + 1, day, features, event: eventKeys(a.title, a.body) });
    }
  }, 120_000);

  /** A full run: every group a new story of its own, as placement left it. */
  const fullRun = (): { fresh: StoryDoc[]; result: ClusterResult } => {
    const fresh: StoryDoc[] = [];
    const result: ClusterResult = { placements: [], threads: [], headlines: [] };
    groups.forEach((urls, g) =>
      urls.forEach((url, k) => {
        fresh.push(docs.get(url)!);
        result.placements.push({ id: docs.get(url)!.id, cluster: -1 - g, similarity: k === 0 ? null : 0.5 });
      }),
    );
    return { fresh, result };
  };

  const storyOf = (result: ClusterResult, url: string): number =>
    result.placements.find((p) => p.id === docs.get(url)!.id)!.cluster;

  it('finds every article of the fixture', () => {
    expect(docs.size).toBe(groups.flat().length);
  });

  it('joins the two stories of the King’s talks and the two of the manuscript', () => {
    const { fresh, result } = fullRun();
    const merged = mergeStories([], fresh, result, df);
    expect(new Set([...kingA, ...kingB].map((url) => storyOf(merged, url))).size).toBe(1);
    expect(new Set([...quranA, ...quranB].map((url) => storyOf(merged, url))).size).toBe(1);
    // Each joined story gets one headline, one of its members.
    const king = storyOf(merged, kingA[0]!);
    const headline = merged.headlines.filter((h) => h.cluster === king);
    expect(headline).toHaveLength(1);
    expect([...kingA, ...kingB].map((url) => docs.get(url)!.id)).toContain(headline[0]!.articleId);
  });

  it('asks a story score when one is given: the King’s two stories stay apart when it says no', () => {
    const { fresh, result } = fullRun();
    const asked: number[] = [];
    const no = { ...defaultMergeOptions, storyScore: (a: readonly number[]) => (asked.push(a.length), 0) };
    const merged = mergeStories([], fresh, result, df, undefined, no);
    expect(asked.length).toBeGreaterThan(0);
    expect(storyOf(merged, kingA[0]!)).not.toBe(storyOf(merged, kingB[0]!));
    const yes = { ...defaultMergeOptions, storyScore: () => 1 };
    const joined = mergeStories([], fresh, result, df, undefined, yes);
    expect(storyOf(joined, kingA[0]!)).toBe(storyOf(joined, kingB[0]!));
  });

  it('keeps the deputy crown prince’s meeting apart from the King’s, and the greetings apart', () => {
    const { fresh, result } = fullRun();
    const merged = mergeStories([], fresh, result, df);
    expect(storyOf(merged, deputy[0]!)).not.toBe(storyOf(merged, kingA[0]!));
    expect(new Set(deputy.map((url) => storyOf(merged, url))).size).toBe(1);
    expect(new Set(greetings.map((url) => storyOf(merged, url))).size).toBe(greetings.length);
  });

  it('at the lead setting joins the King’s talks and the manuscript, and nothing else; the app merges nothing yet', () => {
    const { fresh, result } = fullRun();
    expect(appMergeOptions).toBeNull();
    const merged = mergeStories([], fresh, result, df, undefined, leadMergeOptions);
    const stories = new Set(groups.flat().map((url) => storyOf(merged, url)));
    // Two stories joined twice: the King's talks and the manuscript.
    expect(stories.size).toBe(groups.length - 2);
    expect(storyOf(merged, kingA[0]!)).toBe(storyOf(merged, kingB[0]!));
    expect(storyOf(merged, quranA[0]!)).toBe(storyOf(merged, quranB[0]!));
    // Bodies alone at the same setting join two bodies' greetings (الشئون الإسلامية / وزارة الشؤون الاجتماعية,
    // slots sharing الشؤون); their headlines and leads name two bodies, so the lead test keeps them apart.
    expect(new Set(greetings.map((url) => storyOf(merged, url))).size).toBe(greetings.length);
    const bodies = mergeStories([], fresh, result, df, undefined, { ...leadMergeOptions, minLeadSimilarity: 0 });
    expect(storyOf(bodies, greetings[3]!)).toBe(storyOf(bodies, greetings[5]!));
  });

  it('never joins two template items, even at the loose setting Google News’ labels ask for', () => {
    const { fresh, result } = fullRun();
    const loose = {
      ...defaultMergeOptions,
      threshold: 0.175,
      minMeanSimilarity: 0.03,
      vetoSimilarity: 0,
      maxRounds: 20,
    };
    const merged = mergeStories([], fresh, result, df, undefined, loose);
    // Not ln7 and ln12 (الشئون الإسلامية / وزارة الشؤون الاجتماعية): their slots share الشؤون, and the slot
    // rule reads a shared key as one body named in other words.
    const distinct = greetings.filter((url) => !/ln(7|12)\.htm$/.test(url));
    expect(new Set(distinct.map((url) => storyOf(merged, url))).size).toBe(distinct.length);
  });

  it('in an incremental run, new articles join the stored story of their event, which keeps its id', () => {
    const placed: PlacedDoc[] = kingA.map((url) => ({ ...docs.get(url)!, cluster: 7, thread: null }));
    const fresh = kingB.map((url) => docs.get(url)!);
    const result: ClusterResult = {
      placements: fresh.map((d, k) => ({ id: d.id, cluster: -1, similarity: k === 0 ? null : 0.5 })),
      threads: [],
      headlines: [],
    };
    const merged = mergeStories(placed, fresh, result, df);
    expect(merged.placements.map((p) => p.cluster)).toEqual(kingB.map(() => 7));
    // The founder of the absorbed story now carries the score it joined with.
    expect(merged.placements[0]!.similarity).toBeGreaterThanOrEqual(0.5);
  });

  it('a merged story keeps its thread, and the absorbed story leaves no thread entry behind', () => {
    const placed: PlacedDoc[] = [
      ...kingA.map((url) => ({ ...docs.get(url)!, cluster: 7, thread: 7 })),
      ...deputy.map((url) => ({ ...docs.get(url)!, cluster: 9, thread: 7 })),
    ];
    const fresh = kingB.map((url) => docs.get(url)!);
    const result: ClusterResult = {
      placements: fresh.map((d, k) => ({ id: d.id, cluster: -1, similarity: k === 0 ? null : 0.5 })),
      threads: [-1, 7, 9].map((cluster) => ({ cluster, thread: 7, merged: [] })),
      headlines: [{ cluster: -1, articleId: fresh[0]!.id }],
    };
    const merged = mergeStories(placed, fresh, result, df);
    expect(merged.threads.map((t) => [t.cluster, t.thread]).sort()).toEqual([
      [7, 7],
      [9, 7],
    ]);
    expect(merged.headlines.map((h) => h.cluster)).toEqual([7]);
  });
});
