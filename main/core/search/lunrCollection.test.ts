import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import lunr from 'lunr';
import { describe, expect, it } from 'vitest';
import { seedPath, sharedData } from '../../../tests/support/paths';
import {
  buildSerializedIndex,
  collectionFields,
  collectionKeys,
  indexOfKeys,
  loadIndex,
  packedKeys,
  packHits,
  searchCollection,
  serializeIndex,
  type CollectionHit,
} from './lunrCollection';
import { toLunrJson } from './compactLunrIndex';
import { lunrMatches } from './compactLunrQuery';
import { planQuery } from './queryPlan';

interface Raw {
  title: string;
  author: string;
  source: string;
  content: string;
}

function corpus(): Array<{ ref: string; keys: ReturnType<typeof collectionKeys> }> {
  const day = JSON.parse(
    gunzipSync(readFileSync(sharedData('saudinewsnet', '2015-07-21.json.gz'))).toString('utf8'),
  ) as Raw[];
  const seed = readFileSync(seedPath, 'utf8');
  const inputs = [
    { title: seed.split('\n')[1] ?? '', body: seed, author: null, source: 'حرية', lang: 'ar' },
    {
      title: 'The Pentagon and the U.S. election',
      body: 'Officials said 2,500 soldiers were running the 2021 study.',
      author: 'A. Writer',
      source: 'BBC',
      lang: 'en',
    },
    ...day
      .slice(0, 60)
      .map((r) => ({ title: r.title, body: r.content, author: r.author || null, source: r.source, lang: 'ar' })),
  ];
  return inputs.map((input, i) => ({ ref: String(i + 1), keys: collectionKeys(input) }));
}

describe('collection index builder', () => {
  it('writes exactly the index lunr.Builder builds from the same keys', () => {
    const docs = corpus();
    const builder = new lunr.Builder();
    builder.pipeline.reset();
    builder.searchPipeline.reset();
    builder.metadataWhitelist = [];
    builder.tokenizer = Object.assign(
      (obj?: unknown) => (Array.isArray(obj) ? obj.map((k) => new lunr.Token(String(k), {})) : []),
      {
        separator: lunr.tokenizer.separator,
      },
    );
    builder.ref('id');
    for (const [name, boost] of Object.entries(collectionFields)) builder.field(name, { boost });
    for (const d of docs) builder.add({ id: d.ref, ...d.keys });
    const reference = JSON.stringify(builder.build());
    expect(buildSerializedIndex(docs)).toBe(reference);
  });

  it('round-trips through its stored form and answers as lunr does', () => {
    const docs = corpus();
    const serialized = buildSerializedIndex(docs);
    const index = loadIndex(serializeIndex(indexOfKeys(docs)));
    const direct = lunrMatches(lunr.Index.load(JSON.parse(serialized) as object));
    for (const term of ['اميرك', 'كاظم', 'سعود', 'pentagon']) {
      const a = index.query((q) => q.term(term, { usePipeline: false }));
      const b = direct.query((q) => q.term(term, { usePipeline: false }));
      expect(a.map((r) => [r.ref, r.score])).toEqual(b.map((r) => [r.ref, r.score]));
    }
    // Fuzzy and wildcard expand against the index's own terms.
    expect(index.query((q) => q.term('كاظيم', { usePipeline: false, editDistance: 1 })).map((r) => r.ref)).toContain(1);
    expect(
      index
        .query((q) => q.term('كاظ', { usePipeline: false, wildcard: lunr.Query.wildcard.TRAILING }))
        .map((r) => r.ref),
    ).toContain(1);
  });
});

describe('a collection searched over the arrays', () => {
  it('answers real queries exactly as lunr.Index#query over the same index: ids, scores, tiers, keys, order', () => {
    const day = JSON.parse(
      gunzipSync(readFileSync(sharedData('saudinewsnet', '2015-07-22.json.gz'))).toString('utf8'),
    ) as Raw[];
    const docs = day.slice(0, 250).map((r, i) => ({
      ref: String(10 + i * 7),
      keys: collectionKeys({ title: r.title, body: r.content, author: r.author || null, source: r.source, lang: 'ar' }),
    }));
    const compact = indexOfKeys(docs);
    const ours = loadIndex(serializeIndex(compact));
    const lunrs = lunrMatches(lunr.Index.load(JSON.parse(toLunrJson(compact)) as object));
    // As a researcher types them (fuzzy, prefixes, operators, fields), then 1-3 words of the articles' titles.
    const typed = ['السعودية~1', 'اليمن~2', 'اميرك*', 'وزير*', 'الملك OR الأمير', 'السعودية -اليمن', 'title:الرياض'];
    const fromTitles = day.slice(0, 250).map((r, i) =>
      r.title
        .split(/\s+/)
        .slice(0, 1 + (i % 3))
        .join(' '),
    );
    let found = 0;
    for (const query of [...typed, ...fromTitles]) {
      const root = planQuery(query, true).root;
      if (!root) continue;
      const expected = JSON.stringify(searchCollection(lunrs, root));
      expect(JSON.stringify(searchCollection(ours, root)), query).toBe(expected);
      if (expected !== '[]') found++;
    }
    expect(found).toBeGreaterThan(200);
  });
});

describe('hits packed for the trip from the worker', () => {
  it("come back whole after a structured clone: ids, scores, tiers and each hit's keys", () => {
    const index = loadIndex(serializeIndex(indexOfKeys(corpus())));
    const results = index.query((q) => {
      q.term('سعود', { usePipeline: false });
      q.term('كاظ', { usePipeline: false, wildcard: lunr.Query.wildcard.TRAILING });
    });
    const hits: CollectionHit[] = results.map((r, i) => ({
      id: r.ref,
      score: r.score,
      exact: i % 2 === 0,
      keys: r.terms,
    }));
    // A hit matched through a filter only has no keys; it must not take its neighbour's.
    hits.splice(1, 0, { id: 9999, score: 0, exact: false, keys: [] });
    expect(hits.length).toBeGreaterThan(5);
    expect(hits.some((h) => h.keys.length > 1)).toBe(true);
    const packed = structuredClone(packHits(hits));
    const back = [...packed.ids].map((id, i) => ({
      id,
      score: packed.scores[i],
      exact: packed.exact[i] === 1,
      keys: packedKeys(packed, i),
    }));
    expect(back).toEqual(hits);
  });
});
