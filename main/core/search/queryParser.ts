/**
 * The one query language of Mizan, parsed by us (never handed to FTS5 or
 * Lunr as written, so no input can produce an SQL error or a Lunr
 * QueryParseError):
 *
 *   word                 all words must occur (AND is implicit)
 *   "a phrase"           the words in this order (also “…” and «…»)
 *   +word                must occur (the default; accepted for Lucene/Lunr habits)
 *   -word, NOT word      must not occur
 *   a OR b               either; binds tighter than the implicit AND, so
 *                        `بايدن الكاظمي OR السوداني` = بايدن AND (الكاظمي OR السوداني)
 *   ( ... )              grouping
 *   field:value          title, body, author, source, lang (value: word, "phrase" or (group))
 *   term*                prefix (at least two letters)
 *   term~1, term~2       fuzzy: that many edits (term~ = term~1)
 *
 * Malformed input throws QUERY_INVALID naming the position (0-based, in
 * UTF-16 code units of the query as typed) and the reason.
 */
import { MizanError } from '../../../preload/contract/errors';

export const queryFields = ['title', 'body', 'author', 'source', 'lang'] as const;
export type QueryField = (typeof queryFields)[number];

interface Span {
  /** Offsets in the query string, for error messages and the UI. */
  start: number;
  end: number;
}

export interface TermNode extends Span {
  kind: 'term';
  text: string;
  field: QueryField | null;
  prefix: boolean;
  /** Allowed edits: 0 (exact), 1 or 2. */
  fuzzy: 0 | 1 | 2;
}

export interface PhraseNode extends Span {
  kind: 'phrase';
  text: string;
  field: QueryField | null;
}

/** All of `must`, none of `not`. */
export interface AndNode extends Span {
  kind: 'and';
  must: QueryNode[];
  not: QueryNode[];
}

export interface OrNode extends Span {
  kind: 'or';
  any: QueryNode[];
}

export type QueryNode = TermNode | PhraseNode | AndNode | OrNode;

export const MAX_QUERY_LENGTH = 1000;
const MAX_DEPTH = 20;
const MIN_PREFIX_LETTERS = 2;

/** What a lenient reading changes to get past an error, in the query text at the time of the error. */
export type QueryFix =
  { kind: 'append'; text: string } | { kind: 'replace'; start: number; end: number; text: string } | { kind: 'none' };

/** Why a query was read other than as typed; the UI words it in the reader's language. */
export type QueryHintKind =
  | 'unclosedQuote'
  | 'unclosedGroup'
  | 'strayOperator'
  | 'unknownField'
  | 'misplacedSymbol'
  | 'tooLong'
  | 'nothingToFind';

export class QueryInvalidError extends MizanError {
  constructor(
    readonly position: number,
    reason: string,
    readonly hint: QueryHintKind,
    readonly fix: QueryFix,
  ) {
    super('QUERY_INVALID', `at position ${position}: ${reason}`);
  }
}

export function queryError(
  position: number,
  reason: string,
  hint: QueryHintKind = 'nothingToFind',
  fix: QueryFix = { kind: 'none' },
): QueryInvalidError {
  return new QueryInvalidError(position, reason, hint, fix);
}

const queryErrorOf = queryError;

/** Drops query[start, end) (a lenient reading's usual repair). */
function drop(start: number, end: number): QueryFix {
  return { kind: 'replace', start, end, text: ' ' };
}

// ---------------------------------------------------------------------------
// Lexer

type Lexeme =
  | { type: 'word'; text: string; start: number; end: number }
  | { type: 'quoted'; text: string; start: number; end: number }
  | { type: 'lparen' | 'rparen' | 'or' | 'and'; start: number; end: number }
  | { type: 'not'; start: number; end: number }
  | { type: 'sign'; sign: '+' | '-'; start: number; end: number }
  | { type: 'field'; field: QueryField; start: number; end: number };

const QUOTES: Record<string, string> = { '"': '"', '\u201c': '\u201d', '\u00ab': '\u00bb', '\u201d': '\u201d' };

function isSpace(ch: string): boolean {
  return /\s/u.test(ch);
}

function isBreak(ch: string | undefined): boolean {
  return ch === undefined || isSpace(ch) || ch === '(' || ch === ')' || ch in QUOTES;
}

function lex(query: string): Lexeme[] {
  const out: Lexeme[] = [];
  let i = 0;
  const n = query.length;
  while (i < n) {
    const ch = query[i]!;
    if (isSpace(ch)) {
      i++;
      continue;
    }
    if (ch === '(' || ch === ')') {
      out.push({ type: ch === '(' ? 'lparen' : 'rparen', start: i, end: i + 1 });
      i++;
      continue;
    }
    const close = QUOTES[ch];
    if (close !== undefined) {
      const end = query.indexOf(close, i + 1);
      if (end < 0)
        throw queryError(i, `the quote opened here is never closed`, 'unclosedQuote', { kind: 'append', text: close });
      out.push({ type: 'quoted', text: query.slice(i + 1, end), start: i, end: end + 1 });
      i = end + 1;
      continue;
    }
    if ((ch === '+' || ch === '-') && (i === 0 || isBreak(query[i - 1]))) {
      const next = query[i + 1];
      if (next === undefined || isSpace(next) || next === ')')
        throw queryError(
          i,
          `"${ch}" must be followed by the word or group it applies to`,
          'strayOperator',
          drop(i, i + 1),
        );
      out.push({ type: 'sign', sign: ch, start: i, end: i + 1 });
      i++;
      continue;
    }
    let j = i;
    while (j < n && !isBreak(query[j])) j++;
    const text = query.slice(i, j);
    // Stray punctuation between words (":", "—", "،") separates, as in the text.
    if (/^[\p{P}\p{S}]+$/u.test(text) && text !== '|' && text !== '||' && text !== '&&') {
      i = j;
      continue;
    }
    const colon = text.indexOf(':');
    // "http://…" is a word (a URL), not a field.
    if (colon > 0 && /^[a-z]+$/i.test(text.slice(0, colon)) && !text.startsWith('//', colon + 1)) {
      const name = text.slice(0, colon).toLowerCase();
      if (!(queryFields as readonly string[]).includes(name)) {
        throw queryError(
          i,
          `unknown field "${text.slice(0, colon)}" (fields: ${queryFields.join(', ')})`,
          'unknownField',
          drop(i + colon, i + colon + 1),
        );
      }
      out.push({ type: 'field', field: name as QueryField, start: i, end: i + colon + 1 });
      // The value follows directly: a word, a quote or a group, never a space.
      const rest = i + colon + 1;
      if (rest >= n || isSpace(query[rest]!) || query[rest] === ')')
        throw queryError(i, `field "${name}:" has no value`, 'strayOperator', drop(i, rest));
      i = rest;
      continue;
    }
    if (text === 'OR' || text === '|' || text === '||') out.push({ type: 'or', start: i, end: j });
    else if (text === 'AND' || text === '&&') out.push({ type: 'and', start: i, end: j });
    else if (text === 'NOT') out.push({ type: 'not', start: i, end: j });
    else out.push({ type: 'word', text, start: i, end: j });
    i = j;
  }
  return out;
}

// ---------------------------------------------------------------------------
// Parser (recursive descent over the lexemes)

function termOf(word: Extract<Lexeme, { type: 'word' }>, field: QueryField | null): TermNode {
  // The lenient reading of a misplaced * or ~: the word without them.
  const plain: QueryFix = {
    kind: 'replace',
    start: word.start,
    end: word.end,
    text: word.text.replace(/~\d*|\*/g, ' '),
  };
  const queryError = (position: number, reason: string) => queryErrorOf(position, reason, 'misplacedSymbol', plain);
  let text = word.text;
  let prefix = false;
  let fuzzy: 0 | 1 | 2 = 0;
  const tilde = text.lastIndexOf('~');
  if (tilde >= 0) {
    const spec = text.slice(tilde + 1);
    if (!/^\d?$/.test(spec)) throw queryError(word.start + tilde, `"~" takes a number of edits, 1 or 2 ("${text}")`);
    const edits = spec === '' ? 1 : Number(spec);
    if (edits < 1 || edits > 2)
      throw queryError(word.start + tilde, `fuzzy matching allows 1 or 2 edits, not ${edits}`);
    fuzzy = edits as 1 | 2;
    text = text.slice(0, tilde);
  }
  if (text.endsWith('*')) {
    prefix = true;
    text = text.slice(0, -1);
  }
  const star = text.indexOf('*');
  if (star >= 0) throw queryError(word.start + star, `"*" is allowed only at the end of a word`);
  if (text.includes('~')) throw queryError(word.start + text.indexOf('~'), `"~" is allowed only at the end of a word`);
  if (prefix && fuzzy) throw queryError(word.start, `a word cannot be both a prefix (*) and fuzzy (~)`);
  const letters = text.replace(/[\p{P}\p{S}\p{M}\s]/gu, '').length;
  if (letters === 0)
    throw queryErrorOf(
      word.start,
      `"${word.text}" has no letters or digits to search for`,
      'misplacedSymbol',
      drop(word.start, word.end),
    );
  if (prefix && letters < MIN_PREFIX_LETTERS)
    throw queryError(word.start, `a prefix needs at least ${MIN_PREFIX_LETTERS} letters ("${word.text}")`);
  return { kind: 'term', text, field, prefix, fuzzy, start: word.start, end: word.end };
}

class Parser {
  private pos = 0;
  constructor(
    private readonly lexemes: Lexeme[],
    private readonly query: string,
  ) {}

  private peek(): Lexeme | undefined {
    return this.lexemes[this.pos];
  }

  private at(): number {
    return this.peek()?.start ?? this.query.length;
  }

  parseAll(): QueryNode {
    const node = this.parseAnd(0, null);
    const extra = this.peek();
    if (extra)
      throw queryError(
        extra.start,
        extra.type === 'rparen' ? `")" closes a group that was never opened` : 'unexpected input',
        'strayOperator',
        drop(extra.start, extra.end),
      );
    return node.must.length === 1 && node.not.length === 0 ? node.must[0]! : node;
  }

  /** clause* until ")" or the end. */
  private parseAnd(depth: number, field: QueryField | null): AndNode {
    if (depth > MAX_DEPTH) throw queryError(this.at(), `groups nested more than ${MAX_DEPTH} deep`);
    const start = this.at();
    const must: QueryNode[] = [];
    const not: QueryNode[] = [];
    for (;;) {
      const lx = this.peek();
      if (!lx || lx.type === 'rparen') break;
      if (lx.type === 'and') {
        this.pos++;
        const next = this.peek();
        if (
          must.length + not.length === 0 ||
          !next ||
          next.type === 'rparen' ||
          next.type === 'or' ||
          next.type === 'and'
        ) {
          throw queryError(lx.start, '"AND" needs a term on both sides', 'strayOperator', drop(lx.start, lx.end));
        }
        continue;
      }
      if (lx.type === 'or')
        throw queryError(lx.start, '"OR" needs a term on both sides', 'strayOperator', drop(lx.start, lx.end));
      let negate = false;
      const signStart = lx.start;
      if (lx.type === 'sign' || lx.type === 'not') {
        const op = lx.type === 'not' ? 'NOT' : lx.sign;
        negate = op !== '+';
        this.pos++;
        const next = this.peek();
        if (
          !next ||
          next.type === 'rparen' ||
          next.type === 'or' ||
          next.type === 'and' ||
          next.type === 'sign' ||
          next.type === 'not'
        ) {
          throw queryError(
            lx.start,
            `"${op}" must be followed by the word or group it applies to`,
            'strayOperator',
            drop(lx.start, lx.end),
          );
        }
      }
      const { node, joined, firstOr } = this.parseOr(depth, field);
      if (negate && joined)
        throw queryError(
          signStart,
          'a negated word cannot start an OR; write -(a OR b) to exclude both',
          'strayOperator',
          drop(firstOr!.start, firstOr!.end),
        );
      (negate ? not : must).push(node);
    }
    if (must.length === 0) {
      if (not.length > 0)
        throw queryError(start, 'a query needs at least one word that is not excluded', 'nothingToFind');
      throw queryError(start, depth === 0 && start === this.query.length ? 'the query is empty' : 'empty group "()"');
    }
    return { kind: 'and', must, not, start, end: this.lexemes[this.pos - 1]?.end ?? start };
  }

  /** atom ("OR" atom)*; `joined` when an OR was read at this level. */
  private parseOr(
    depth: number,
    field: QueryField | null,
  ): { node: QueryNode; joined: boolean; firstOr?: { start: number; end: number } } {
    const first = this.parseAtom(depth, field);
    const any = [first];
    let firstOr: { start: number; end: number } | undefined;
    while (this.peek()?.type === 'or') {
      const or = this.peek()!;
      firstOr ??= or;
      this.pos++;
      const next = this.peek();
      if (!next || next.type === 'rparen' || next.type === 'or' || next.type === 'and')
        throw queryError(or.start, '"OR" needs a term on both sides', 'strayOperator', drop(or.start, or.end));
      if (next.type === 'sign' || next.type === 'not') {
        throw queryError(
          next.start,
          'an OR cannot hold a negated or required word; use a group: a OR (b -c)',
          'strayOperator',
          drop(or.start, or.end),
        );
      }
      any.push(this.parseAtom(depth, field));
    }
    if (any.length === 1) return { node: first, joined: false };
    return { node: { kind: 'or', any, start: first.start, end: any[any.length - 1]!.end }, joined: true, firstOr };
  }

  private parseAtom(depth: number, field: QueryField | null): QueryNode {
    const lx = this.peek();
    if (!lx) throw queryError(this.query.length, 'the query ends where a word was expected');
    this.pos++;
    switch (lx.type) {
      case 'word':
        return termOf(lx, field);
      case 'quoted': {
        if (lx.text.replace(/[\p{P}\p{S}\s]/gu, '').length === 0)
          throw queryError(lx.start, 'the phrase is empty', 'misplacedSymbol', drop(lx.start, lx.end));
        return { kind: 'phrase', text: lx.text, field, start: lx.start, end: lx.end };
      }
      case 'lparen': {
        const empty = this.peek();
        if (empty?.type === 'rparen')
          throw queryError(empty.start, 'empty group "()"', 'strayOperator', drop(lx.start, empty.end));
        const inner = this.parseAnd(depth + 1, field);
        const close = this.peek();
        if (!close || close.type !== 'rparen')
          throw queryError(lx.start, 'the group opened here is never closed', 'unclosedGroup', {
            kind: 'append',
            text: ')',
          });
        this.pos++;
        const unwrapped = inner.must.length === 1 && inner.not.length === 0 ? inner.must[0]! : inner;
        return { ...unwrapped, start: lx.start, end: close.end };
      }
      case 'field': {
        if (field !== null && field !== lx.field)
          throw queryError(lx.start, `"${lx.field}:" inside "${field}:"`, 'strayOperator', drop(lx.start, lx.end));
        const value = this.peek();
        if (
          !value ||
          value.start !== lx.end ||
          (value.type !== 'word' && value.type !== 'quoted' && value.type !== 'lparen')
        ) {
          throw queryError(lx.start, `field "${lx.field}:" has no value`, 'strayOperator', drop(lx.start, lx.end));
        }
        if (lx.field === 'lang' && value.type !== 'word')
          throw queryError(
            lx.start,
            'lang: takes one language code, such as lang:ar',
            'strayOperator',
            drop(lx.start, lx.end),
          );
        const node = this.parseAtom(depth, lx.field);
        return { ...node, start: lx.start };
      }
      case 'rparen':
        throw queryError(lx.start, `")" closes a group that was never opened`, 'strayOperator', drop(lx.start, lx.end));
      default:
        throw queryError(lx.start, 'unexpected operator', 'strayOperator', drop(lx.start, lx.end));
    }
  }
}

/** Parses a query; throws QUERY_INVALID with the position on malformed input. */
export function parseQuery(query: string): QueryNode {
  if (query.length > MAX_QUERY_LENGTH)
    throw queryError(MAX_QUERY_LENGTH, `the query is longer than ${MAX_QUERY_LENGTH} characters`, 'tooLong', {
      kind: 'replace',
      start: MAX_QUERY_LENGTH,
      end: query.length,
      text: '',
    });
  const root = new Parser(lex(query), query).parseAll();
  return root;
}
