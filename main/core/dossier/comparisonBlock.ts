/**
 * A saved comparison as the dossier prints it: the aligned sentences, the
 * coverage map and the fact ledger as plain tables (model.ts `ExportTable`)
 * that both exporters draw without knowing what a comparison is.
 *
 * Pure: takes the compared articles and the compare module's result, so it
 * is tested without SQLite and runs wherever the document is resolved.
 *
 * Every mark is a symbol and a word, never a colour alone, so a page printed
 * in black and white still says which rows are shared, reworded or unique.
 */
import { plainCounted } from '../../../common/text/counted';
import type { TextComparison } from '../compare/comparison';
import { comparisonLabels, type ComparisonLabels, type ConflictKind, type RowKind } from './comparisonLabels';
import { isArabicScriptLang, namedDate } from './labels';
import type { ComparisonView, Dir, ExportTable, TableCell, TableRow } from './model';

export interface ComparedText {
  source: string | null;
  lang: string;
  dir: Dir;
  body: string;
}

/** More sources than this and the alignment becomes one row per sentence with its source named. */
export const MAX_SIDE_BY_SIDE = 3;

const SYMBOL: Record<RowKind, string> = { shared: '=', reworded: '~', unique: '+' };
const CONFLICT_MARK = '!';

/** Directional controls and line breaks: one character for one, so that offsets hold. */
const UNSAFE = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\n\r\t\u2028\u2029]/g;

function cell(
  text: string,
  dir: Dir,
  tone: TableCell['tone'] = 'normal',
  marks: Array<[number, number]> = [],
): TableCell {
  return { text, dir, marks, tone };
}

/** Outlet names, told apart when one outlet is compared with itself ("الرياض (2)"). */
function outletNames(articles: readonly ComparedText[], fallback: string): string[] {
  const names = articles.map((a, i) => a.source?.trim() || `${fallback} ${i + 1}`);
  const seen = new Map<string, number>();
  return names.map((n) => {
    const count = (seen.get(n) ?? 0) + 1;
    seen.set(n, count);
    return names.filter((m) => m === n).length > 1 ? `${n} (${count})` : n;
  });
}

/** Ranges [start, end) merged and sorted. */
function mergeRanges(ranges: Array<[number, number]>): Array<[number, number]> {
  const sorted = ranges.filter(([s, e]) => e > s).sort((x, y) => x[0] - y[0]);
  const out: Array<[number, number]> = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else out.push([r[0], r[1]]);
  }
  return out;
}

/** The row's sentences of one article as one cell, the words that differ from the other outlets marked. */
function sentenceCell(
  article: ComparedText,
  spans: ReadonlyArray<{ start: number; end: number }>,
  changed: ReadonlyArray<{ start: number; end: number }>,
): TableCell {
  let text = '';
  const marks: Array<[number, number]> = [];
  for (const s of spans) {
    if (text !== '') text += ' ';
    const at = text.length;
    text += article.body.slice(s.start, s.end).replace(UNSAFE, ' ');
    for (const c of changed) {
      const from = Math.max(c.start, s.start);
      const to = Math.min(c.end, s.end);
      if (to > from) marks.push([at + from - s.start, at + to - s.start]);
    }
  }
  // Trim the spaces a word span may carry at its ends: only ink is marked.
  const trimmed = mergeRanges(marks).map(([s, e]): [number, number] => {
    while (s < e && /\s/.test(text[s]!)) s++;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    return [s, e];
  });
  return cell(
    text,
    article.dir,
    'normal',
    trimmed.filter(([s, e]) => e > s),
  );
}

/** Per article, the body spans of this row that differ from the other articles carrying it. */
function changedSpans(
  row: TextComparison['alignment']['rows'][number],
  articleCount: number,
): Array<Array<{ start: number; end: number }>> {
  const out: Array<Array<{ start: number; end: number }>> = Array.from({ length: articleCount }, () => []);
  for (const d of row.diffs) {
    for (const c of d.changes) {
      if (c.b) out[d.article]?.push(c.b);
      if (c.a) out[d.against]?.push(c.a);
    }
  }
  return out;
}

/** "1–3، 5، 8" / "1–3, 5, 8": row numbers as ranges. */
function rowRanges(rows: readonly number[], arabic: boolean): string {
  const parts: string[] = [];
  for (let i = 0; i < rows.length; i++) {
    let j = i;
    while (j + 1 < rows.length && rows[j + 1] === rows[j]! + 1) j++;
    parts.push(j > i ? `${rows[i]}–${rows[j]}` : `${rows[i]}`);
    i = j;
  }
  return parts.join(arabic ? '، ' : ', ');
}

interface LogicalRow {
  /** Cells before the per-source values (row mark, fact kind, subject). */
  lead: TableCell[];
  /** Per article its cell, or null when the article has nothing here. */
  values: Array<TableCell | null>;
  /** Cells after the per-source values (a conflict flag). */
  tail: TableCell[];
}

/**
 * Rows with one value per source, as a table: side by side (a column per
 * source) for up to MAX_SIDE_BY_SIDE sources, else one table row per source
 * carrying the value, the source named, grouped so a group stays on a page.
 */
interface TableShape {
  caption: string;
  lead: { headers: TableCell[]; widths: number[] };
  tail: { headers: TableCell[]; widths: number[] };
  /** Relative width of a source's column. */
  valueWidth: number;
}

interface Sources {
  names: readonly string[];
  L: ComparisonLabels;
  docDir: Dir;
}

function perSourceTable(
  { names, L, docDir }: Sources,
  { caption, lead, tail, valueWidth }: TableShape,
  rows: readonly LogicalRow[],
): ExportTable {
  const absent = (): TableCell => cell('—', docDir, 'muted');
  if (names.length <= MAX_SIDE_BY_SIDE) {
    return {
      caption,
      indexed: false,
      headers: [...lead.headers, ...names.map((n) => cell(n, docDir, 'strong')), ...tail.headers],
      widths: [...lead.widths, ...names.map(() => valueWidth), ...tail.widths],
      rows: rows.map((r, group) => ({ cells: [...r.lead, ...r.values.map((v) => v ?? absent()), ...r.tail], group })),
    };
  }
  const out: TableRow[] = [];
  for (const [group, r] of rows.entries()) {
    let first = true;
    for (const [i, v] of r.values.entries()) {
      if (!v) continue;
      const blank = (cells: TableCell[]) => cells.map((c) => cell('', c.dir));
      out.push({
        cells: [
          ...(first ? r.lead : blank(r.lead)),
          cell(names[i]!, docDir, 'strong'),
          v,
          ...(first ? r.tail : blank(r.tail)),
        ],
        group,
      });
      first = false;
    }
  }
  return {
    caption,
    indexed: false,
    headers: [...lead.headers, cell(L.source, docDir, 'strong'), cell(L.value, docDir, 'strong'), ...tail.headers],
    widths: [...lead.widths, 1.4, valueWidth * 2, ...tail.widths],
    rows: out,
  };
}

function alignmentTable(
  articles: readonly ComparedText[],
  c: TextComparison,
  names: readonly string[],
  L: ComparisonLabels,
  docDir: Dir,
): ExportTable {
  const rows = c.alignment.rows.map((row, r): LogicalRow => {
    const changed = changedSpans(row, articles.length);
    const mark = `${r + 1} ${SYMBOL[row.kind]} ${L.kind[row.kind]}${row.moved.length > 0 ? ` · ${L.moved}` : ''}`;
    return {
      lead: [cell(mark, docDir, 'strong')],
      values: row.cells.map((sentences, a) => {
        if (sentences.length === 0) return null;
        const article = articles[a]!;
        const spans = sentences.map((s) => c.alignment.sentences[a]![s]!);
        return sentenceCell(article, spans, row.kind === 'reworded' ? changed[a]! : []);
      }),
      tail: [],
    };
  });
  const shape = {
    caption: L.alignment,
    lead: { headers: [cell(L.row, docDir, 'strong')], widths: [1.25] },
    tail: { headers: [], widths: [] },
    valueWidth: 3,
  };
  const table = perSourceTable({ names, L, docDir }, shape, rows);
  // Stacked, the value column holds sentences.
  if (names.length > MAX_SIDE_BY_SIDE) table.headers[2] = cell(L.sentence, docDir, 'strong');
  return { ...table, indexed: true };
}

/** Per source: how many sentences, of which kinds of row, and which rows (numbered as in the alignment). */
function coverageTable(
  articles: readonly ComparedText[],
  c: TextComparison,
  names: readonly string[],
  L: ComparisonLabels,
  docDir: Dir,
  arabic: boolean,
): ExportTable {
  const headers = [
    L.source,
    L.sentences,
    `${SYMBOL.shared} ${L.kind.shared}`,
    `${SYMBOL.reworded} ${L.kind.reworded}`,
    `${SYMBOL.unique} ${L.kind.unique}`,
    L.rowsCarried,
  ];
  return {
    caption: L.coverage,
    indexed: false,
    headers: headers.map((h) => cell(h, docDir, 'strong')),
    widths: [1.6, 0.9, 0.9, 0.9, 0.9, 3],
    rows: articles.map((_, a) => {
      const carried = c.alignment.rows.flatMap((row, r) => (row.cells[a]!.length > 0 ? [r] : []));
      const count = (kind: RowKind) => String(carried.filter((r) => c.alignment.rows[r]!.kind === kind).length);
      return {
        group: a,
        cells: [
          cell(names[a]!, docDir, 'strong'),
          cell(String(c.alignment.sentences[a]!.length), docDir),
          cell(count('shared'), docDir),
          cell(count('reworded'), docDir),
          cell(count('unique'), docDir),
          cell(
            rowRanges(
              carried.map((r) => r + 1),
              arabic,
            ),
            docDir,
          ),
        ],
      };
    }),
  };
}

function short(text: string, words = 12): string {
  const all = text.replace(/\s+/g, ' ').trim().split(' ');
  return all.length > words ? `${all.slice(0, words).join(' ')} …` : all.join(' ');
}

/** The conflicts touching a fact of article `a` at `start` (matched by position: the ledger gives both). */
function conflictAt(c: TextComparison, a: number, start: number, end: number): ConflictKind | null {
  for (const k of c.conflicts)
    if (k.items.some((i) => i.article === a && i.start < end && i.end > start)) return k.kind;
  return null;
}

function flagCell(kinds: ReadonlyArray<ConflictKind | null>, L: ComparisonLabels, docDir: Dir): TableCell {
  const found = [...new Set(kinds.filter((k): k is ConflictKind => k !== null))];
  return found.length > 0
    ? cell(`${CONFLICT_MARK} ${found.map((k) => L.conflict[k]).join('، ')}`, docDir, 'strong')
    : cell('', docDir);
}

/**
 * Numbers with their unit, dates and quotations, one row per unit, date or
 * quotation, the value each source gives; a row some conflict touches is
 * flagged with "!" and what the conflict is.
 */
function ledgerTable(
  articles: readonly ComparedText[],
  c: TextComparison,
  names: readonly string[],
  L: ComparisonLabels,
  docDir: Dir,
  lang: string,
): ExportTable | null {
  const sep = isArabicScriptLang(lang) ? '، ' : ', ';
  interface Group {
    kind: string;
    subject: string;
    subjectDir: Dir;
    values: string[][];
    flags: Array<ConflictKind | null>;
  }
  const groups = new Map<string, Group>();
  const add = (
    key: string,
    kind: string,
    subject: string,
    subjectDir: Dir,
    a: number,
    value: string,
    flag: ConflictKind | null,
  ) => {
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { kind, subject, subjectDir, values: articles.map(() => []), flags: [] }));
    if (!g.values[a]!.includes(value)) g.values[a]!.push(value);
    g.flags.push(flag);
  };
  for (const [a, facts] of c.facts.entries()) {
    const dir = articles[a]!.dir;
    for (const n of facts.numbers) {
      if (!n.unitKey || !n.unit) continue;
      add(`n:${n.unitKey}`, L.number, plainCounted(n.unit), dir, a, n.text, conflictAt(c, a, n.start, n.end));
    }
    for (const d of facts.dates) {
      // The date as the document's language names it (22 تموز 2015, 22 July 2015), never the stored ISO form.
      const named = namedDate(d.iso, lang);
      add(`d:${d.iso}`, L.date, named, docDir, a, d.text, conflictAt(c, a, d.start, d.end));
    }
    for (const q of facts.quotes) {
      const flag =
        conflictAt(c, a, q.start, q.end) ??
        (q.speakerSpan ? conflictAt(c, a, q.speakerSpan.start, q.speakerSpan.end) : null);
      add(
        `q:${q.text.replace(/\s+/g, ' ').trim()}`,
        L.quote,
        `«${short(q.text)}»`,
        dir,
        a,
        q.speakerName ?? q.speaker ?? L.noSpeaker,
        flag,
      );
    }
  }
  if (groups.size === 0) return null;
  const rows = [...groups.values()].map((g): LogicalRow => ({
    lead: [cell(g.kind, docDir), cell(g.subject, g.subjectDir)],
    values: g.values.map((v, a) => (v.length > 0 ? cell(v.join(sep), articles[a]!.dir) : null)),
    tail: [flagCell(g.flags, L, docDir)],
  }));
  const lead = { headers: [cell(L.fact, docDir, 'strong'), cell(L.subject, docDir, 'strong')], widths: [0.8, 2] };
  return perSourceTable(
    { names, L, docDir },
    { caption: L.ledger, lead, tail: { headers: [cell(L.flag, docDir, 'strong')], widths: [1.2] }, valueWidth: 1.4 },
    rows,
  );
}

/**
 * The disagreements between sources (numbers, dates, speakers), with each
 * source's value and the row it is in. Quotations only one source carries
 * are flagged in the ledger already.
 */
function conflictsTable(
  c: TextComparison,
  names: readonly string[],
  articles: readonly ComparedText[],
  L: ComparisonLabels,
  docDir: Dir,
): ExportTable | null {
  const between = c.conflicts.filter((k) => k.kind !== 'quote-unique');
  if (between.length === 0) return null;
  const rows = between.map((k): LogicalRow => ({
    lead: [
      cell(`${CONFLICT_MARK} ${L.conflict[k.kind]}`, docDir, 'strong'),
      cell(short(k.subject), articles[k.items[0]?.article ?? 0]?.dir ?? docDir),
    ],
    values: names.map((_, a) => {
      const values = [...new Set(k.items.filter((i) => i.article === a).map((i) => short(i.value)))];
      return values.length > 0 ? cell(values.join(' / '), articles[a]!.dir) : null;
    }),
    tail: [cell(k.row === null ? '' : String(k.row + 1), docDir)],
  }));
  const lead = { headers: [cell(L.flag, docDir, 'strong'), cell(L.subject, docDir, 'strong')], widths: [1.2, 1.8] };
  return perSourceTable(
    { names, L, docDir },
    { caption: L.conflicts, lead, tail: { headers: [cell(L.row, docDir, 'strong')], widths: [0.5] }, valueWidth: 1.6 },
    rows,
  );
}

export function comparisonView(
  articles: readonly ComparedText[],
  c: TextComparison,
  lang: string,
  docDir: Dir,
): ComparisonView {
  const L = comparisonLabels(lang);
  const arabic = isArabicScriptLang(lang);
  const names = outletNames(articles, L.source);
  const tables = [
    alignmentTable(articles, c, names, L, docDir),
    coverageTable(articles, c, names, L, docDir, arabic),
    ledgerTable(articles, c, names, L, docDir, lang),
    conflictsTable(c, names, articles, L, docDir),
  ].filter((t): t is ExportTable => t !== null && t.rows.length > 0);
  return { legend: { text: L.legend, dir: docDir }, tables };
}
