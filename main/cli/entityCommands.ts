/**
 * `mizan entities ID... [--json]`: the people, places and organisations of
 * each article, as the entity extractor (core/entities) finds them in the
 * body the library stores (library.getArticle).
 * `mizan entities --top N [--kind K] [--json]`: the library's entity index
 * (entities.list), most named first.
 */
import { extractEntities, groupMentions, type Mention } from '../core/entities';
import type { Call } from './compareCommands';

const KIND_LABEL: Record<Mention['kind'], string> = {
  person: 'people',
  place: 'places',
  organisation: 'organisations',
};

export async function entitiesCommand(
  call: Call,
  ids: readonly number[],
  json: boolean,
  print: (text: string) => void,
): Promise<number> {
  const out: Array<{ id: number; title: string; lang: string; mentions: Mention[] }> = [];
  for (const id of ids) {
    const a = await call('library.getArticle', { id });
    const options = a.publishedAt.iso ? { lang: a.lang, publishedAt: a.publishedAt.iso } : { lang: a.lang };
    out.push({ id: a.id, title: a.title, lang: a.lang, mentions: extractEntities(a.body, options) });
  }
  if (json) {
    print(JSON.stringify(out));
    return 0;
  }
  for (const a of out) {
    print(`[${a.id}] ${a.title}`);
    const entities = groupMentions(a.mentions);
    for (const kind of ['person', 'organisation', 'place'] as const) {
      const list = entities.filter((e) => e.kind === kind);
      if (list.length === 0) continue;
      print(`  ${KIND_LABEL[kind]}:`);
      for (const e of list) {
        const titles = [...new Set(a.mentions.filter((m) => m.key === e.key && m.title).map((m) => m.title!.text))];
        print(`    ${e.canonical}  ×${e.mentions}${titles.length ? `  (${titles.join('؛ ')})` : ''}`);
      }
    }
    if (entities.length === 0) print('  no names found');
  }
  return 0;
}

export interface TopOptions {
  top: number;
  kind?: 'person' | 'place' | 'organisation';
}

export async function topEntitiesCommand(
  call: Call,
  options: TopOptions,
  json: boolean,
  print: (text: string) => void,
): Promise<number> {
  const page = await call('entities.list', { kind: options.kind, limit: options.top, filter: {} });
  if (json) {
    print(JSON.stringify({ total: page.total, items: page.items }));
    return 0;
  }
  const width = String(page.items[0]?.count ?? 0).length;
  for (const e of page.items) print(`${String(e.count).padStart(width)}  ${KIND_LABEL[e.kind].padEnd(13)}  ${e.name}`);
  if (page.items.length === 0) print('no names found');
  else print(`(${page.items.length} of ${page.total}; count = articles naming it)`);
  return 0;
}
