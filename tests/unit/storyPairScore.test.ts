import { describe, expect, it } from 'vitest';
import {
  pairFeatures,
  PAIR_FEATURES,
  PAIR_WEIGHTS,
  pairProbability,
  pairText,
  vectorOverlap,
} from '../../bench/storyPairScore';
import { storyVectors, type StoryDoc } from '../../main/core/compare/clusterer';
import { DocFrequencies, eventKeys, storyFeatures } from '../../main/core/compare/features';
import { TemplateIndex } from '../../main/core/compare/templates';

/**
 * Openings of ECB+ articles (Cybulska & Vossen 2014, CC BY 3.0) as bench/ecbPlus.ts reads them: topic 37's Aceh
 * earthquake of 2013 (37_10ecbplus, 37_11ecbplus) and its twin, the West Papua earthquake (37_1ecb).
 */
const aceh = {
  title: "6. 1 - magnitude quake strikes Indonesia's Aceh province in region hit by 2004 tsunami",
  body:
    'July 03, 2013 6: 22AM AN EARTHQUAKE killed six children and left 14 others trapped when a mosque collapsed ' +
    "during a Koran reading session in Indonesia's Aceh province, bringing the confirmed death toll from the " +
    'disaster to 11.',
};
const acehAgain = {
  title: "6. 1 - magnitude quake strikes Indonesia's Aceh: USGS",
  body:
    'A powerful 6. 1 - magnitude earthquake struck the Indonesian province of Aceh with no tsunami warning issued ' +
    'AFP, Tuesday 2 Jul 2013 A strong 6. 1 - magnitude earthquake struck the northwestern Indonesian province of ' +
    'Aceh on Tuesday, the US Geological Survey said.',
};
const papua = {
  title: "Indonesia's West Papua province was hit by a magnitude 6.1 earthquake today",
  body:
    "The quake struck off the coast at 7:48 a.m. local time, 75 kilometers (50 miles) west of the region's main " +
    'city of Manokwari, the U.S. Geological Survey said in an alert.',
};
/** SaudiNewsNet 2015-07-31, alriyadh. */
const plane = {
  title: 'وصول طائرة الإغاثة السعودية الرابعة إلى عدن',
  body: 'وصلت اليوم الطائرة الإغاثية السعودية الرابعة إلى مطار عدن الدولي محملة بـ 10 أطنان من المستلزمات الطبية',
};

describe('the learned pair score', () => {
  it('reads the language of the headline and the years of the opening', () => {
    expect(pairText(aceh)).toEqual({ latin: true, years: new Set([2004, 2013]) });
    expect(pairText(papua)).toEqual({ latin: true, years: new Set() });
    expect(pairText(plane)).toEqual({ latin: false, years: new Set() });
  });

  it('ranks two reports of one earthquake above the twin earthquake’s report on what they share', () => {
    const texts = [aceh, acehAgain, papua];
    const df = new DocFrequencies();
    const docs: StoryDoc[] = texts.map((t, i) => {
      const features = storyFeatures(t.title, t.body);
      df.add(features);
      return { id: i + 1, day: 0, features, event: eventKeys(t.title, t.body) };
    });
    const { vectors, slots } = storyVectors(docs, df);
    const scratch = new Float64Array(slots);
    const extra = texts.map(pairText);
    const features = (i: number, j: number): number[] =>
      pairFeatures(
        docs[i]!,
        docs[j]!,
        vectorOverlap(vectors[i]!, vectors[j]!, scratch),
        new TemplateIndex(),
        extra[i]!,
        extra[j]!,
      );
    const same = features(0, 1);
    const twin = features(0, 2);
    expect(same).toHaveLength(PAIR_FEATURES.length);
    const at = (name: (typeof PAIR_FEATURES)[number]): number => PAIR_FEATURES.indexOf(name);
    expect(same[at('years shared')]).toBe(1);
    expect(twin[at('years shared')]).toBe(0);
    expect(same[at('cosine')]).toBeGreaterThan(twin[at('cosine')]!);
    expect(pairProbability(same, PAIR_WEIGHTS)).toBeGreaterThan(pairProbability(twin, PAIR_WEIGHTS));
  });
});
