import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MizanError } from '../../../preload/contract/errors';
import { Database } from '../db/connection';
import { migrate } from '../db/migrate';
import { migrations } from '../db/migrations';
import { ftsExpression } from './ftsQuery';
import { parseQuery, type QueryNode } from './queryParser';
import { planQuery } from './queryPlan';

/** A compact form of the tree: what the tests compare. */
function show(node: QueryNode): string {
  switch (node.kind) {
    case 'term':
      return `${node.field ? `${node.field}:` : ''}${node.text}${node.prefix ? '*' : ''}${node.fuzzy ? `~${node.fuzzy}` : ''}`;
    case 'phrase':
      return `${node.field ? `${node.field}:` : ''}"${node.text}"`;
    case 'or':
      return `(${node.any.map(show).join(' | ')})`;
    case 'and':
      return `[${node.must.map(show).join(' ')}${node.not.map((n) => ` -${show(n)}`).join('')}]`;
  }
}

function invalid(query: string): MizanError {
  try {
    parseQuery(query);
  } catch (error) {
    expect(error).toBeInstanceOf(MizanError);
    expect((error as MizanError).code).toBe('QUERY_INVALID');
    return error as MizanError;
  }
  throw new Error(`"${query}" parsed, but should be refused`);
}

describe('query parser', () => {
  it('reads words, phrases, signs, OR, groups and fields', () => {
    expect(show(parseQuery('بايدن الكاظمي'))).toBe('[بايدن الكاظمي]');
    expect(show(parseQuery('"الرئيس الأميركي" بايدن'))).toBe('["الرئيس الأميركي" بايدن]');
    expect(show(parseQuery('«البيت الأبيض»'))).toBe('"البيت الأبيض"');
    expect(show(parseQuery('+بايدن -أوباما'))).toBe('[بايدن -أوباما]');
    expect(show(parseQuery('بايدن NOT أوباما'))).toBe('[بايدن -أوباما]');
    // OR binds tighter than the implicit AND.
    expect(show(parseQuery('بايدن الكاظمي OR السوداني'))).toBe('[بايدن (الكاظمي | السوداني)]');
    expect(show(parseQuery('(a b) OR c'))).toBe('([a b] | c)');
    expect(show(parseQuery('-(a OR b) c'))).toBe('[c -(a | b)]');
    expect(show(parseQuery('title:بايدن author:"رنيم حنوش" source:okaz lang:ar'))).toBe(
      '[title:بايدن author:"رنيم حنوش" source:okaz lang:ar]',
    );
    expect(show(parseQuery('title:(a OR b)'))).toBe('(title:a | title:b)');
    expect(show(parseQuery('واشن* الامريكى~1 pentagon~2 word~'))).toBe('[واشن* الامريكى~1 pentagon~2 word~1]');
  });

  it('keeps inner hyphens, URLs and times as words', () => {
    expect(show(parseQuery('al-Qaeda'))).toBe('al-Qaeda');
    expect(show(parseQuery('http://aawsat.com/home'))).toBe('http://aawsat.com/home');
    expect(show(parseQuery('12:30'))).toBe('12:30');
    expect(show(parseQuery('c++ a&&b'))).toBe('[c++ a&&b]');
    expect(show(parseQuery('بايدن : العراق — 2021'))).toBe('[بايدن العراق 2021]');
  });

  it('refuses malformed queries with the position and the reason', () => {
    expect(invalid('"الرئيس الأميركي').message).toMatch(/^at position 0: the quote opened here is never closed/);
    expect(invalid('بايدن "').message).toMatch(/^at position 6: /);
    expect(invalid('OR بايدن').message).toMatch(/^at position 0: "OR" needs a term on both sides/);
    expect(invalid('بايدن OR').message).toMatch(/^at position 6: "OR" needs a term/);
    expect(invalid('a OR OR b').message).toMatch(/^at position 2: /);
    expect(invalid('بايدن -').message).toMatch(/^at position 6: "-" must be followed/);
    expect(invalid('+ a').message).toMatch(/^at position 0: "\+" must be followed/);
    expect(invalid('(a b').message).toMatch(/^at position 0: the group opened here is never closed/);
    expect(invalid('a b)').message).toMatch(/^at position 3: "\)" closes a group that was never opened/);
    expect(invalid('()').message).toMatch(/empty group/);
    expect(invalid('   ').message).toMatch(/the query is empty/);
    expect(invalid('-بايدن').message).toMatch(/at least one word that is not excluded/);
    expect(invalid('-a OR b').message).toMatch(/negated word cannot start an OR/);
    expect(invalid('a OR -b').message).toMatch(/an OR cannot hold a negated/);
    expect(invalid('titel:x').message).toMatch(/^at position 0: unknown field "titel"/);
    expect(invalid('title: x').message).toMatch(/field "title:" has no value/);
    expect(invalid('a*b').message).toMatch(/^at position 1: "\*" is allowed only at the end/);
    expect(invalid('ب*').message).toMatch(/a prefix needs at least 2 letters/);
    expect(invalid('word~3').message).toMatch(/^at position 4: fuzzy matching allows 1 or 2 edits/);
    expect(invalid('word~x').message).toMatch(/"~" takes a number/);
    expect(invalid('!!! ***').message).toMatch(/the query is empty/);
    expect(invalid('a**').message).toMatch(/"\*" is allowed only at the end/);
    expect(invalid('a AND').message).toMatch(/"AND" needs a term on both sides/);
    expect(invalid('x'.repeat(1001)).message).toMatch(/longer than 1000/);
  });

  it('never throws anything but QUERY_INVALID, whatever is typed', () => {
    const alphabet = fc.constantFrom(
      'a',
      'ب',
      ' ',
      '"',
      '(',
      ')',
      '-',
      '+',
      '*',
      '~',
      '1',
      ':',
      'OR',
      'NOT',
      'AND',
      'title',
      '«',
      '»',
      'ـ',
      'ِ',
    );
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 20 }), (parts) => {
        const query = parts.join('');
        try {
          planQuery(query);
        } catch (error) {
          if (!(error instanceof MizanError) || error.code !== 'QUERY_INVALID') throw error;
          expect(error.message).toMatch(/^at position \d+: /);
          const at = Number(/^at position (\d+)/.exec(error.message)![1]);
          expect(at).toBeLessThanOrEqual(query.length);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('the parser under fuzzing', () => {
  let db: Database;
  beforeAll(async () => {
    db = await Database.open(':memory:');
    await migrate(db, migrations);
  });
  afterAll(async () => {
    await db.close();
  });

  /** Query syntax pieces mixed with any Unicode (astral, combining marks, controls, bidi). */
  const piece = fc.oneof(
    fc.constantFrom(
      '"',
      '“',
      '”',
      '«',
      '»',
      '(',
      ')',
      '-',
      '+',
      '*',
      '~',
      '~1',
      '~2',
      '~9',
      ':',
      ' ',
      'OR',
      'NOT',
      'AND',
      'title:',
      'lang:',
      'source:',
      'NEAR(',
      '{',
      '}',
      '^',
      "'",
      '\\',
      '\u0000',
      '\u200f',
    ),
    fc.constantFrom('الأمريكي', 'لواشنطن', 'بال', 'ال', 'في', 'ـ', 'ِ', '٢٥', 'U.S.', 'al-Qaeda', 'x'),
    fc.string({ unit: 'binary', maxLength: 6 }),
  );
  const queries = fc.array(piece, { maxLength: 40 }).map((parts) => parts.join(''));

  /** Throws unless `query` either plans or fails with QUERY_INVALID at a position inside it. */
  function planOrInvalid(query: string): ReturnType<typeof planQuery> | null {
    try {
      return planQuery(query);
    } catch (error) {
      if (!(error instanceof MizanError) || error.code !== 'QUERY_INVALID') throw error;
      const at = /^at position (\d+): ./.exec(error.message);
      expect(at, error.message).not.toBeNull();
      expect(Number(at![1])).toBeLessThanOrEqual(query.length);
      return null;
    }
  }

  it('plans or answers QUERY_INVALID with a position, within a bound, and what it plans is valid FTS5', async () => {
    await fc.assert(
      fc.asyncProperty(queries, async (query) => {
        const started = performance.now();
        const plan = planOrInvalid(query);
        // A hang detector, not a speed figure: a query of <= 1000 characters plans in well under a millisecond.
        expect(performance.now() - started).toBeLessThan(2000);
        if (!plan?.root) return;
        for (const mode of ['all', 'exact'] as const) {
          const match = ftsExpression(plan.root, new Map(), mode);
          // The real FTS5 table: a MATCH string we build must never be an SQL error.
          if (match !== null) await db.get('SELECT count(*) AS n FROM search_fts WHERE search_fts MATCH ?', [match]);
        }
      }),
      { numRuns: 1500 },
    );
  });

  it('stays within the bound on deep nesting and long runs of operators', () => {
    for (const query of [
      '('.repeat(999),
      ')'.repeat(999),
      '"'.repeat(999),
      '('.repeat(400) + 'a' + ')'.repeat(400),
      'a OR '.repeat(199) + 'a',
      '-'.repeat(999),
      'a~1 '.repeat(250),
      '*'.repeat(999),
    ]) {
      const started = performance.now();
      planOrInvalid(query);
      expect(performance.now() - started, query.slice(0, 12)).toBeLessThan(2000);
    }
  });
});

describe('query plan', () => {
  it('analyzes words into the index keys, and drops function words', () => {
    const { root, ignored } = planQuery('في الأمريكي');
    expect(ignored).toEqual(['في']);
    expect(root).toMatchObject({ kind: 'word', exact: 'اميركي' });
    // Diacritics, tatweel and spelling variants give the same keys.
    expect(planQuery('الأَمْرِيكِيّ').root).toMatchObject({ kind: 'word', exact: 'اميركي' });
    expect(planQuery('الأميـــركي').root).toMatchObject({ kind: 'word', exact: 'اميركي' });
    expect(planQuery('في من').root).toBeNull();
  });

  it('turns a phrase into its keys in order, and a split word into a phrase', () => {
    expect(planQuery('"الرئيس الأميركي"').root).toMatchObject({ kind: 'phrase', exact: ['رييس', 'اميركي'] });
    expect(planQuery('al-Qaeda').root).toMatchObject({ kind: 'phrase', exact: ['al', 'qaeda'] });
  });

  it('keeps both the key and the plain fold of a prefix', () => {
    expect(planQuery('واشن*').root).toMatchObject({ kind: 'prefix', prefixes: expect.arrayContaining(['واشن']) });
    expect(planQuery('lang:AR').root).toMatchObject({ kind: 'lang', lang: 'ar' });
    expect(() => planQuery('lang:arabic!')).toThrow(/not a language code/);
  });

  it('reads malformed input leniently when asked: what was changed comes back as hints', () => {
    const read = (q: string) => {
      const plan = planQuery(q, true);
      return { fts: plan.root ? ftsExpression(plan.root, new Map()) : null, hints: plan.hints };
    };
    // An unclosed quote closes at the end; the phrase stays a phrase.
    expect(read('"الرئيس الأميركي')).toEqual({
      fts: read('"الرئيس الأميركي"').fts,
      hints: [{ kind: 'unclosedQuote', text: 'الرئيس الأميركي' }],
    });
    expect(read('«البيت الأبيض').hints.map((h) => h.kind)).toEqual(['unclosedQuote']);
    // Stray operators are read as nothing.
    for (const q of [
      'OR بايدن',
      'بايدن OR',
      'بايدن -',
      'x AND',
      'x y)',
      'x OR OR y',
      '-x OR y',
      'x OR -y',
      'title: x',
    ]) {
      const r = read(q);
      expect(r.fts, q).not.toBeNull();
      expect(
        r.hints.map((h) => h.kind),
        q,
      ).toContain('strayOperator');
    }
    expect(read('بايدن OR').fts).toBe(read('بايدن').fts);
    expect(read('(x y').hints).toEqual([{ kind: 'unclosedGroup', text: '(x y' }]);
    expect(read('(x y').fts).toBe(read('x y').fts);
    expect(read('titel:بايدن')).toEqual({ fts: read('titel بايدن').fts, hints: [{ kind: 'unknownField', text: ':' }] });
    expect(read('x*y word~3 ب*').hints.map((h) => h.kind)).toEqual([
      'misplacedSymbol',
      'misplacedSymbol',
      'misplacedSymbol',
    ]);
    expect(read('x'.repeat(1001)).hints.map((h) => h.kind)).toEqual(['tooLong']);
    // Nothing left to look for: no search, and a hint unless the box is empty.
    expect(read('-بايدن')).toEqual({ fts: null, hints: [{ kind: 'nothingToFind', text: '-بايدن' }] });
    expect(read('   ')).toEqual({ fts: null, hints: [] });
    // Well-formed input: no hints, the same plan as the strict reading.
    expect(read('بايدن "البيت الأبيض"')).toEqual({ fts: read('بايدن "البيت الأبيض"').fts, hints: [] });
  });

  it('never throws when lenient, whatever is typed', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (q) => {
        const plan = planQuery(q, true);
        if (plan.root) expect(ftsExpression(plan.root, new Map())).not.toBe('');
      }),
      { numRuns: 500 },
    );
  });
});
