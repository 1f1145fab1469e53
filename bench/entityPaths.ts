/**
 * Error analysis of the entity extractor by path (bench/entities.ts): which
 * rule, list or tagger span each mention came from, how precise each path is,
 * and what kind of error each false mention is. AQMAR is scored in two folds
 * with lists and tagger regenerated per fold, so each fold's run writes a trace
 * (MIZAN_NER_TRACE=FILE) and `--paths FILE...` adds the traces up.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { EntityKind } from '../main/core/entities';
import { printTable } from './support';

export interface Span {
  kind: EntityKind;
  from: number;
  to: number;
}

/** One predicted mention as scored: its path, the tagger's margin, and the class of its error if any. */
export interface TraceRow {
  kind: EntityKind;
  via: string;
  margin?: number;
  /** tp, or the error: boundary (a gold span of its kind overlaps), type (same span, other kind), both, spurious. */
  verdict: 'tp' | 'boundary' | 'type' | 'type+boundary' | 'spurious';
  text: string;
  /** A few words either side, for reading the errors by hand. */
  context?: string;
  /** The gold spans it overlaps, as `kind:words`. */
  overlaps?: string;
}

export interface Trace {
  rows: TraceRow[];
  /** Gold spans per kind (recall's denominator). */
  gold: Record<string, number>;
}

export function verdictOf(s: Span, gold: readonly Span[]): TraceRow['verdict'] {
  let verdict: TraceRow['verdict'] = 'spurious';
  for (const g of gold) {
    if (g.from === s.from && g.to === s.to) {
      if (g.kind === s.kind) return 'tp';
      verdict = 'type';
    } else if (g.from < s.to && s.from < g.to) {
      if (g.kind === s.kind) verdict = 'boundary';
      else if (verdict === 'spurious') verdict = 'type+boundary';
    }
  }
  return verdict;
}

export function writeTrace(file: string, trace: Trace): void {
  writeFileSync(file, JSON.stringify(trace));
}

/** Precision per kind and path, the error classes per kind, and the most frequent false mentions per kind. */
export function reportPaths(files: readonly string[], top = 20): void {
  const traces = files.map((f) => JSON.parse(readFileSync(f, 'utf8')) as Trace);
  const rows = traces.flatMap((t) => t.rows);
  const gold: Record<string, number> = {};
  for (const t of traces) for (const [k, n] of Object.entries(t.gold)) gold[k] = (gold[k] ?? 0) + n;
  const kinds: EntityKind[] = ['person', 'place', 'organisation'];
  const pathCells: Array<[string, string]> = [];
  for (const kind of kinds) {
    const byVia = new Map<string, { tp: number; fp: number }>();
    for (const r of rows) {
      if (r.kind !== kind) continue;
      const path = r.via.replace(/^spread:.*/u, 'spread');
      const c = byVia.get(path) ?? { tp: 0, fp: 0 };
      c[r.verdict === 'tp' ? 'tp' : 'fp']++;
      byVia.set(path, c);
    }
    for (const [via, c] of [...byVia].sort((a, b) => b[1].tp + b[1].fp - (a[1].tp + a[1].fp)))
      pathCells.push([
        `${kind} ${via}`,
        `P ${(c.tp / (c.tp + c.fp)).toFixed(3)}  tp ${c.tp}  fp ${c.fp}  (R share ${(c.tp / gold[kind]!).toFixed(3)})`,
      ]);
  }
  printTable(`precision per kind and path (${files.length} trace(s))`, pathCells);

  const classCells: Array<[string, string]> = kinds.map((kind) => {
    const counts = new Map<string, number>();
    for (const r of rows)
      if (r.kind === kind && r.verdict !== 'tp') counts.set(r.verdict, (counts.get(r.verdict) ?? 0) + 1);
    return [kind, [...counts].map(([v, n]) => `${v} ${n}`).join(', ')];
  });
  printTable('false mentions by class', classCells);

  const marginCells: Array<[string, string]> = [];
  for (const kind of kinds)
    for (const floor of [40, 50, 60, 80, 100, 120]) {
      const tagged = rows.filter((r) => r.kind === kind && r.via === 'tagger' && (r.margin ?? 0) >= floor);
      const tp = tagged.filter((r) => r.verdict === 'tp').length;
      marginCells.push([`${kind} tagger margin >= ${floor}`, `tp ${tp}  fp ${tagged.length - tp}`]);
    }
  printTable('tagger-only spans by margin', marginCells);

  for (const kind of kinds) {
    const counts = new Map<string, number>();
    for (const r of rows) {
      if (r.kind !== kind || r.verdict === 'tp') continue;
      const k = `${r.text}  [${r.verdict}, ${r.via.replace(/^spread:.*/u, 'spread')}]`;
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    const cells = [...counts]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, n]) => [String(n), k] as [string, string]);
    printTable(`${kind}: the ${top} most frequent false mentions`, cells);
  }
}
