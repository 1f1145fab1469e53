import { describe, expect, it } from 'vitest';
import type { ClusterResult, StoryDoc } from './clusterer';
import { DocFrequencies, eventKeys, storyFeatures, termHash } from './features';
import { analyze } from '../text/analyze';
import { defaultMergeOptions, mergeStories } from './storyMerge';
import { packEventKeys, unpackEventKeys } from './templates';

const keyOf = (word: string): number => termHash(analyze(word)[0]!.stem);

describe('names written as names', () => {
  it('takes capitalized words inside the lead and a sentence-case headline, not capitals that open a sentence', () => {
    const e = eventKeys(
      "Chargers' Jamal Williams arrested on DUI suspicion",
      'Police said San Diego Chargers defensive tackle Jamal Williams was arrested early Sunday. Officers stopped him.',
    );
    for (const name of ['Jamal', 'Williams', 'Diego', 'Chargers', 'Sunday']) expect(e.names).toContain(keyOf(name));
    for (const word of ['arrested', 'Police', 'Officers', 'defensive']) expect(e.names).not.toContain(keyOf(word));
  });

  it('leaves a title-case headline to its lead: a word capitalized only there is no name', () => {
    const e = eventKeys('Klitschko Retains Heavyweight Belts', 'Wladimir Klitschko kept his heavyweight belts.');
    expect(e.names).toContain(keyOf('Klitschko'));
    expect(e.names).not.toContain(keyOf('Retains'));
  });

  it('reads none in Arabic, and packs them', () => {
    expect(eventKeys('الملك يستقبل وزير الدفاع', 'استقبل خادم الحرمين الشريفين وزير الدفاع').names).toHaveLength(0);
    const e = eventKeys('Klitschko stops Thompson', 'Wladimir Klitschko stopped Tony Thompson in Bern.');
    expect([...unpackEventKeys(packEventKeys(e)).names]).toEqual([...e.names]);
  });
});

/** Reports of one heavyweight bout: champion, challenger, round and city as each outlet puts them. */
function bout(challenger: string, first: string, round: string, city: string): Array<[string, string]> {
  return [
    [
      `Klitschko stops ${challenger} to keep heavyweight titles`,
      `Wladimir Klitschko stopped ${first} ${challenger} in the ${round} round in ${city} to keep his heavyweight titles.`,
    ],
    [
      `Klitschko beats ${challenger} in ${round} round`,
      `Heavyweight champion Wladimir Klitschko beat ${challenger} in ${city}, ending the fight in the ${round} round.`,
    ],
    [
      `Wladimir Klitschko retains heavyweight belts against ${challenger}`,
      `In ${city}, Klitschko retained his heavyweight belts when the referee stopped the fight with ${challenger}.`,
    ],
  ];
}

function merged(texts: Array<[string, string]>): number {
  const df = new DocFrequencies();
  const docs: StoryDoc[] = texts.map(([title, body], i) => {
    const features = storyFeatures(title, body);
    df.add(features);
    return { id: i + 1, day: 1, features, event: eventKeys(title, body) };
  });
  // Placed as two stories of three, as placement in date order leaves one event begun in two places.
  const placed: ClusterResult = {
    placements: docs.map((d, i) => ({ id: d.id, cluster: i < 3 ? -1 : -2, similarity: i % 3 === 0 ? null : 0.5 })),
    threads: [],
    headlines: [],
  };
  const loose = { ...defaultMergeOptions, threshold: 0.05, minMeanSimilarity: 0 };
  const result = mergeStories([], docs, placed, df, undefined, loose);
  return new Set(result.placements.map((p) => p.cluster)).size;
}

describe('the merge pass keeps apart stories whose names differ', () => {
  it('two bouts of one champion stay two stories: each has a challenger the other never names in its leads', () => {
    expect(
      merged([...bout('Rahman', 'Hasim', 'seventh', 'Mannheim'), ...bout('Thompson', 'Tony', 'sixth', 'Bern')]),
    ).toBe(2);
  });

  it('two stories of one bout merge at the same setting', () => {
    expect(
      merged([...bout('Rahman', 'Hasim', 'seventh', 'Mannheim'), ...bout('Rahman', 'Hasim', 'seventh', 'Mannheim')]),
    ).toBe(1);
  });
});
