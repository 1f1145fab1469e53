import lunr from 'lunr';
import { describe, expect, it } from 'vitest';
import { mizanLunrPlugin, mizanStem, mizanTokenizer } from './lunrPipeline';

const DOCS = [
  { id: 'a', body: 'أعلن الرئيس الأميركي جو بايدن أنه سيستضيف الكاظمي' },
  { id: 'b', body: 'القوات الأمريكية في العراق' },
  { id: 'c', body: 'The U.S. forces were running drills' },
];

function build(key: 'stem' | 'exact'): lunr.Index {
  return lunr(function () {
    this.use(mizanLunrPlugin, key);
    this.ref('id');
    this.field('body');
    for (const d of DOCS) this.add(d);
  });
}

describe('Lunr pipeline', () => {
  it('tokenizes with offsets like the analyzer', () => {
    const tokens = mizanTokenizer('قال بايدن، في 26/7/2021');
    expect(tokens.map((t) => t.toString())).toEqual(['قال', 'بايدن', 'في', '26/7/2021']);
  });

  it('registers its pipeline functions so indexes serialize and load', () => {
    const idx = build('stem');
    const json = JSON.parse(JSON.stringify(idx)) as { pipeline: string[] };
    expect(json.pipeline).toEqual(['mizanStem']);
    expect((JSON.parse(JSON.stringify(build('exact'))) as { pipeline: string[] }).pipeline).toEqual(['mizanExact']);
    const loaded = lunr.Index.load(json);
    expect(
      loaded
        .search('الأمريكي')
        .map((r) => r.ref)
        .sort(),
    ).toEqual(['a', 'b']);
    expect(typeof mizanStem).toBe('function');
  });

  it('searches with the stem key, variants and clitics folded, stop words dropped', () => {
    const idx = build('stem');
    expect(
      idx
        .search('الأمريكي')
        .map((r) => r.ref)
        .sort(),
    ).toEqual(['a', 'b']);
    expect(idx.search('والكاظمي').map((r) => r.ref)).toEqual(['a']);
    expect(idx.search('run').map((r) => r.ref)).toEqual(['c']);
    expect(idx.search('في')).toEqual([]);
  });

  it('searches names exactly with the exact key and records positions', () => {
    const idx = build('exact');
    // Exact key: variant spelling folded (أمريكي = أميركي) but no stemming (أمريكية ≠ أمريكي).
    expect(idx.search('الأمريكي').map((r) => r.ref)).toEqual(['a']);
    expect(idx.search('الأمريكية').map((r) => r.ref)).toEqual(['b']);
    const hit = idx.search('الكاظمي')[0];
    const meta = JSON.parse(JSON.stringify(hit?.matchData.metadata)) as Record<
      string,
      { body?: { position?: number[][] } }
    >;
    expect(Object.keys(meta)).toEqual(['كاظمي']);
    expect(meta['كاظمي']?.body?.position?.[0]).toEqual([DOCS[0]?.body.indexOf('الكاظمي'), 'الكاظمي'.length]);
  });
});
