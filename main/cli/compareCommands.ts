/**
 * `mizan clusters` and `mizan compare`: story clusters and side-by-side
 * comparisons on the command line (contract methods compare.*).
 *
 *   mizan clusters [--full] [--threshold S] [--min-size N] [--min-outlets N] [--limit N] [--json]
 *   mizan compare ID ID [ID...] [--json]
 */
import type { Comparison, Input, MethodName, Output, StoryCluster } from '../../preload/contract';

export type Call = <M extends MethodName>(method: M, input: Input<M>, jobId?: string | null) => Promise<Output<M>>;

export interface ClustersOptions {
  full: boolean;
  threshold?: number;
  minSize: number;
  minOutlets: number;
  /** null: every cluster (JSON), else at most this many. */
  limit: number | null;
  json: boolean;
}

/** Brings the stories up to date (only new articles unless --full), then lists them. */
export async function clustersCommand(
  call: Call,
  o: ClustersOptions,
  print: (text: string) => void,
  done: () => void,
): Promise<number> {
  const run = await call(
    'compare.cluster',
    {
      mode: o.full ? 'full' : 'incremental',
      settings: o.threshold !== undefined ? { threshold: o.threshold } : undefined,
    },
    'cli-cluster',
  );
  done();
  const clusters: StoryCluster[] = [];
  let total = 0;
  const want = o.limit ?? Infinity;
  for (let offset = 0; clusters.length < want;) {
    const page = await call('compare.clusters', {
      offset,
      limit: Math.min(500, want - clusters.length),
      minSize: o.minSize,
      minOutlets: o.minOutlets,
    });
    total = page.total;
    clusters.push(...page.items);
    offset += page.items.length;
    if (page.items.length === 0 || offset >= page.total) break;
  }
  if (o.json) {
    print(
      JSON.stringify({
        clusters: clusters.map((c) => ({
          id: c.id,
          articleIds: c.articles.map((a) => a.id),
          score: c.score,
          dateRange: c.dateRange,
          outlets: c.outlets,
          titles: c.articles.map((a) => a.title),
        })),
        total,
        run,
      }),
    );
    return 0;
  }
  print(
    `${run.mode === 'full' ? 'Rebuilt' : 'Updated'} stories in ${run.seconds.toFixed(1)} s: ${run.placed} articles placed, ${run.stories} stories of 2+ articles (${run.clusters} clusters in all)`,
  );
  for (const c of clusters) {
    const range =
      c.dateRange.from === c.dateRange.to ? (c.dateRange.from ?? '—') : `${c.dateRange.from} … ${c.dateRange.to}`;
    print(
      `\n#${c.id}  ${c.size} articles, ${c.outletCount} outlets, ${range}${c.score === null ? '' : `, score ${c.score.toFixed(2)}`}`,
    );
    for (const a of c.articles)
      print(
        `  ${String(a.id).padStart(6)}  ${(a.publishedAt.iso ?? '').padEnd(10)}  ${(a.source ?? '—').padEnd(14)}  ${a.title.slice(0, 90)}`,
      );
  }
  print(
    `\n${clusters.length} of ${total} stories (at least ${o.minSize} articles${o.minOutlets > 1 ? `, ${o.minOutlets} outlets` : ''})`,
  );
  return 0;
}

function comparisonJson(c: Comparison): unknown {
  const text = (article: number, span: { start: number; end: number } | null): string | null =>
    span ? c.articles[article]!.body.slice(span.start, span.end) : null;
  return {
    articles: c.articles.map((a) => ({ id: a.id, title: a.title, source: a.source, date: a.publishedAt.iso })),
    rows: c.rows.map((r) => ({
      kind: r.kind,
      cells: r.cells,
      moved: r.moved,
      changes: r.diffs.flatMap((d) =>
        d.changes.map((ch) => ({
          article: d.article,
          against: d.against,
          op: ch.op,
          a: text(d.against, ch.a),
          b: text(d.article, ch.b),
          minor: ch.minor,
        })),
      ),
    })),
    unique: c.unique,
    facts: {
      perArticle: c.facts.map((f) => ({
        numbers: f.numbers.map((n) => ({ value: n.value, unit: n.unit, text: n.text })),
        dates: f.dates.map((d) => ({ iso: d.iso, precision: d.precision, calendar: d.calendar, text: d.text })),
        titleNumbers: f.titleNumbers.map((n) => ({ value: n.value, unit: n.unit, text: n.text })),
        quotes: f.quotes.map((q) => ({ speaker: q.speakerName, text: q.text, reported: q.reported })),
        entities: f.entities.map((e) => ({ kind: e.kind, name: e.name, mentions: e.mentions.length })),
      })),
      conflicts: c.conflicts.map((k) => ({
        kind: k.kind,
        subject: k.subject,
        row: k.row,
        items: k.items.map((i) => ({
          article: i.article,
          value: i.value,
          sentence: i.sentence,
          ...(i.inTitle ? { inTitle: true } : {}),
          ...(i.role ? { role: i.role } : {}),
        })),
      })),
    },
  };
}

export async function compareCommand(
  call: Call,
  ids: readonly number[],
  json: boolean,
  print: (text: string) => void,
): Promise<number> {
  const c = await call('compare.articles', { articleIds: [...ids] });
  if (json) {
    print(JSON.stringify(comparisonJson(c)));
    return 0;
  }
  const label = (i: number): string => String.fromCharCode(65 + i);
  c.articles.forEach((a, i) =>
    print(`[${label(i)}] ${a.id}  ${a.source ?? '—'}  ${a.publishedAt.iso ?? ''}  ${a.title}`),
  );
  print('');
  const mark = { shared: '=', reworded: '~', unique: '+' } as const;
  for (const r of c.rows) {
    const carriers = r.cells.map((cell, i) => (cell.length > 0 ? label(i) : '.')).join('');
    const first = r.cells.findIndex((cell) => cell.length > 0);
    const s = c.sentences[first]![r.cells[first]![0]!]!;
    const sentence = c.articles[first]!.body.slice(s.start, s.end).replace(/\s+/g, ' ');
    print(
      `${mark[r.kind]} ${carriers}${r.moved.length > 0 ? ' moved' : ''}  ${sentence.length > 110 ? `${sentence.slice(0, 109)}…` : sentence}`,
    );
    for (const d of r.diffs) {
      // Function-word changes are kept in --json; here only what makes a row reworded.
      for (const ch of d.changes.filter((x) => !x.minor).slice(0, 8)) {
        const a = ch.a ? c.articles[d.against]!.body.slice(ch.a.start, ch.a.end) : '';
        const b = ch.b ? c.articles[d.article]!.body.slice(ch.b.start, ch.b.end) : '';
        print(
          ch.op === 'move'
            ? `      ${label(d.against)}→${label(d.article)}: moved ${b}`
            : `      ${label(d.against)}→${label(d.article)}: ${a || '∅'} → ${b || '∅'}`,
        );
      }
    }
  }
  const counts = { shared: 0, reworded: 0, unique: 0 };
  for (const r of c.rows) counts[r.kind]++;
  print(`\n${counts.shared} shared, ${counts.reworded} reworded, ${counts.unique} unique sentences`);
  if (c.conflicts.length > 0) {
    print('\nConflicts:');
    for (const k of c.conflicts)
      print(`  ${k.kind}: ${k.subject} — ${k.items.map((i) => `${label(i.article)}: ${i.value || '—'}`).join(' | ')}`);
  } else print('\nNo conflicting facts found.');
  return 0;
}
