/**
 * Highlights that survive a changed text: pure re-anchoring cases, then the
 * whole path through createServices on a real SQLite file (import, highlight,
 * edited re-import via library.replaceBody, delete with undo).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MizanError } from '../../../preload/contract/errors';
import { createClient, type MizanApi, type Transport } from '../../../preload/contract';
import { seedPath, tempDir } from '../../../tests/support/paths';
import { createDispatcher } from '../rpc';
import { createServices, type Services } from '../services';
import { foldForAnchoring, reanchor, selectorFor, similarity, trimRange, type StoredAnchor } from './anchoring';

function anchorAt(body: string, quote: string, occurrence = 0): StoredAnchor {
  let start = -1;
  for (let i = 0; i <= occurrence; i++) start = body.indexOf(quote, start + 1);
  if (start < 0) throw new Error(`"${quote}" not in body`);
  return { ...selectorFor(body, start, start + quote.length), start, end: start + quote.length };
}

const SEED = readFileSync(seedPath, 'utf8');
const QUOTE = 'اتفاق لإنهاء المهمة القتالية للجيش الأميركي في العراق';

describe('reanchor', () => {
  it('keeps a highlight whose quote is still at its offsets', () => {
    const anchor = anchorAt(SEED, QUOTE);
    expect(reanchor(SEED, anchor)).toEqual({ status: 'anchored', start: anchor.start, end: anchor.end });
  });

  it('follows a quote that moved because text was added before it', () => {
    const anchor = anchorAt(SEED, QUOTE);
    const edited = `سطر جديد أضيف في أول المقال.\n${SEED}`;
    const found = reanchor(edited, anchor);
    expect(found.status).toBe('moved');
    expect(edited.slice(found.start!, found.end!)).toBe(QUOTE);
  });

  it('chooses between two copies of a quote by its context', () => {
    const body = 'The minister said: we will leave. Later the general said: we will leave. End.';
    const anchor = anchorAt(body, 'we will leave', 1);
    const edited = `Preface. ${body}`;
    const found = reanchor(edited, anchor);
    expect(found.status).toBe('moved');
    expect(found.start).toBe(edited.lastIndexOf('we will leave'));
  });

  it('matches across changed spacing, diacritics, hamza forms and digits', () => {
    const anchor = anchorAt(SEED, QUOTE);
    const variant = 'اتفاقٍ  لانهاء المهمّة القتالية\nللجيش الأمريكي في العراق';
    const edited = SEED.replace(QUOTE, variant);
    const found = reanchor(edited, anchor);
    expect(found.status).toBe('moved');
    expect(edited.slice(found.start!, found.end!)).toBe(variant);
  });

  it('finds a quote whose middle was edited, and orphans one whose text is gone', () => {
    const body =
      'Biden said that the combat mission of the US military in Iraq will end by the end of the year, officials said.';
    const anchor = anchorAt(body, 'the combat mission of the US military in Iraq will end by the end of the year');
    const edited = body.replace('US military', 'American military');
    const found = reanchor(edited, anchor);
    expect(found.status).toBe('moved');
    expect(edited.slice(found.start!, found.end!)).toBe(
      'the combat mission of the American military in Iraq will end by the end of the year',
    );

    const gone = 'A different story about the weather in Baghdad, with no mention of any of that at all.';
    expect(reanchor(gone, anchor)).toEqual({ status: 'orphaned', start: null, end: null });
  });

  it('uses the context when only the quote itself was rewritten', () => {
    const body =
      'Before the meeting, the two leaders met for an hour in the Oval Office, and after the meeting they spoke.';
    const anchor = anchorAt(body, 'the two leaders met for an hour in the Oval Office');
    const edited = body.replace(
      'the two leaders met for an hour in the Oval Office',
      'the two leaders met for about an hour in the Oval Office',
    );
    const found = reanchor(edited, anchor);
    expect(found.status).toBe('moved');
    expect(edited.slice(found.start!, found.end!)).toBe('the two leaders met for about an hour in the Oval Office');
  });

  it('never matches a short quote fuzzily to unrelated text', () => {
    const anchor = anchorAt('The cat sat.', 'cat');
    expect(reanchor('A dog ran.', anchor).status).toBe('orphaned');
  });

  it('folds with a map back to the original text', () => {
    const f = foldForAnchoring('الْكَاظِمِي   و  2021');
    expect(f.text).toBe('الكاظمي و 2021');
    expect(f.offsets[f.text.length]).toBe('الْكَاظِمِي   و  2021'.length);
    expect(similarity('abcdef', 'abcdef')).toBe(1);
    expect(trimRange('  ab  ', 0, 6)).toEqual({ start: 2, end: 4 });
    expect(trimRange('   ', 0, 3)).toBeNull();
  });
});

describe('highlights and notes through the services (real SQLite)', () => {
  let services: Services | null = null;

  afterEach(async () => {
    await services?.close();
    services = null;
  });

  async function open(): Promise<{ api: MizanApi; dir: string }> {
    const dir = tempDir('mizan-annotations-');
    services = await createServices({
      dbPath: join(dir, 'library.db'),
      host: 'test',
      now: () => new Date('2026-01-02T03:04:05Z'),
    });
    const dispatcher = createDispatcher(services.handlers, () => undefined);
    const transport: Transport = {
      invoke: (m, i, j) => dispatcher.dispatch(m, i, j),
      onProgress: () => () => undefined,
    };
    return { api: createClient(transport), dir };
  }

  async function upload(api: MizanApi, name: string, text: string) {
    return api['library.importUploads']({
      files: [{ name, contentBase64: Buffer.from(text, 'utf8').toString('base64') }],
    });
  }

  async function errorOf(promise: Promise<unknown>): Promise<MizanError> {
    try {
      await promise;
    } catch (error) {
      if (error instanceof MizanError) return error;
      throw error;
    }
    throw new Error('expected an error');
  }

  it('creates a highlight from offsets, with its quote and context, and a note', async () => {
    const { api } = await open();
    const report = await upload(api, 'hurriya.txt', SEED);
    const id = report.imported[0]!.id;
    const article = await api['library.getArticle']({ id });
    const start = article.body.indexOf(QUOTE);
    expect(start).toBeGreaterThan(0);

    // A selection with a space on each side is trimmed to the words.
    const h = await api['highlights.create']({
      articleId: id,
      start: start - 1,
      end: start + QUOTE.length + 1,
      color: 'green',
      note: 'نهاية المهمة القتالية',
    });
    expect(h).toMatchObject({
      articleId: id,
      quote: QUOTE,
      color: 'green',
      note: 'نهاية المهمة القتالية',
      status: 'anchored',
      start,
      end: start + QUOTE.length,
    });
    expect(h.prefix.length).toBeGreaterThan(0);
    expect(article.body.endsWith(h.prefix, start)).toBe(true);

    const wrong = await errorOf(api['highlights.create']({ articleId: id, start, end: start + 5, quote: 'not this' }));
    expect(wrong.code).toBe('CONFLICT');
    expect(
      (await errorOf(api['highlights.create']({ articleId: id, start: 0, end: article.body.length + 10 }))).code,
    ).toBe('INVALID_ARGUMENT');

    const updated = await api['highlights.update']({ id: h.id, color: 'blue', note: null });
    expect(updated).toMatchObject({ color: 'blue', note: null, status: 'anchored' });
    const listed = await api['highlights.listForArticle']({ articleId: id });
    expect(listed.map((x) => x.id)).toEqual([h.id]);
    const all = await api['highlights.listAll']({});
    expect(all.total).toBe(1);
    expect(all.items[0]?.article.id).toBe(id);

    const note = await api['notes.create']({ articleId: id, body: 'قارن مع رواية البنتاغون' });
    expect((await api['notes.list']({ articleId: id })).map((n) => n.id)).toEqual([note.id]);
    expect((await api['notes.update']({ id: note.id, title: 'Pentagon' })).title).toBe('Pentagon');
    await api['notes.delete']({ id: note.id });
    expect(await api['notes.list']({})).toEqual([]);
  });

  it('keeps highlights anchored on an exact re-import and re-anchors them on an edited one', async () => {
    const { api } = await open();
    const id = (await upload(api, 'hurriya.txt', SEED)).imported[0]!.id;
    const body = (await api['library.getArticle']({ id })).body;
    const kept = body.indexOf(QUOTE);
    const keptH = await api['highlights.create']({ articleId: id, start: kept, end: kept + QUOTE.length });
    const lostQuote = 'وسيتم توضيح خطة نقل المهمة العسكرية الأميركية';
    const lost = body.indexOf(lostQuote);
    const lostH = await api['highlights.create']({
      articleId: id,
      start: lost,
      end: lost + lostQuote.length,
      color: 'pink',
    });

    // The same file again is a duplicate of the same article: nothing moves.
    const again = await upload(api, 'hurriya.txt', SEED);
    expect(again.duplicates[0]?.of).toBe(id);
    expect((await api['highlights.listForArticle']({ articleId: id })).map((h) => h.status)).toEqual([
      'anchored',
      'anchored',
    ]);

    // An edited version: a new paragraph on top, one sentence gone.
    const lines = SEED.split('\n');
    const edited = [
      lines[0],
      'تحديث: أضيفت هذه الفقرة بعد النشر الأول للخبر.',
      ...lines.slice(1).filter((l) => !l.includes(lostQuote)),
    ].join('\n');
    const fresh = (await upload(api, 'hurriya-v2.txt', edited)).imported[0]!.id;
    expect(fresh).not.toBe(id);
    await api['library.tagArticles']({ articleIds: [fresh], tags: ['v2'] });

    const replaced = await api['library.replaceBody']({ id, fromArticleId: fresh });
    expect(replaced.highlights).toEqual({ anchored: 0, moved: 1, orphaned: 1 });
    expect(replaced.article.body).toContain('تحديث: أضيفت');
    expect(replaced.article.tags).toEqual(['v2']);
    expect((await errorOf(api['library.getArticle']({ id: fresh }))).code).toBe('NOT_FOUND');

    const after = await api['highlights.listForArticle']({ articleId: id });
    const moved = after.find((h) => h.id === keptH.id)!;
    expect(moved.status).toBe('moved');
    expect(replaced.article.body.slice(moved.start!, moved.end!)).toBe(QUOTE);
    const orphan = after.find((h) => h.id === lostH.id)!;
    expect(orphan).toMatchObject({ status: 'orphaned', start: null, end: null, quote: lostQuote, color: 'pink' });
    // Orphans are listed last, never dropped, and can be found library-wide.
    expect(after.map((h) => h.id)).toEqual([keptH.id, lostH.id]);
    expect((await api['highlights.listAll']({ status: 'orphaned' })).items.map((h) => h.id)).toEqual([lostH.id]);

    // Accepting the new position makes it anchored again.
    const accepted = await api['highlights.update']({ id: keptH.id, range: { start: moved.start!, end: moved.end! } });
    expect(accepted.status).toBe('anchored');
  });

  it('deletes with undo: the article comes back with its id, tags, collection place, highlights and notes', async () => {
    const { api } = await open();
    const a = (
      await upload(api, 'a.txt', 'Outlet A – (1/2/2020)\nFirst article body with enough words to be an article.')
    ).imported[0]!.id;
    const b = (await upload(api, 'b.txt', SEED)).imported[0]!.id;
    const collection = await api['library.createCollection']({ name: 'ملف العراق' });
    await api['library.addToCollection']({ collectionId: collection.id, articleIds: [a, b] });
    await api['library.tagArticles']({ articleIds: [a, b], tags: ['iraq', 'عاجل'] });
    const body = (await api['library.getArticle']({ id: b })).body;
    const at = body.indexOf(QUOTE);
    const h = await api['highlights.create']({ articleId: b, start: at, end: at + QUOTE.length, note: 'مهم' });
    const note = await api['notes.create']({ articleId: b, body: 'ملاحظة' });

    const { deleted, snapshots } = await api['library.deleteArticles']({ ids: [b] });
    expect(deleted).toEqual([b]);
    expect(
      (await api['library.listCollectionArticles']({ collectionId: collection.id })).items.map((x) => x.id),
    ).toEqual([a]);
    expect((await api['highlights.listAll']({})).total).toBe(0);
    expect((await api['notes.list']({}))[0]?.articleId).toBeNull();

    // Snapshots travel as JSON through the client and back.
    const restored = await api['library.restoreArticles']({ snapshots: JSON.parse(JSON.stringify(snapshots)) });
    expect(restored).toEqual({ restored: [{ id: b, previousId: b }], conflicts: [] });
    const back = await api['library.getArticle']({ id: b });
    expect(back.tags.sort()).toEqual(['iraq', 'عاجل'].sort());
    expect(back.collections.map((c) => c.id)).toEqual([collection.id]);
    expect(
      (await api['library.listCollectionArticles']({ collectionId: collection.id })).items.map((x) => x.id),
    ).toEqual([a, b]);
    expect(await api['highlights.listForArticle']({ articleId: b })).toMatchObject([
      { id: h.id, status: 'anchored', note: 'مهم' },
    ]);
    expect((await api['notes.list']({ articleId: b })).map((n) => n.id)).toEqual([note.id]);

    // Restoring twice finds the text already there.
    const twice = await api['library.restoreArticles']({ snapshots });
    expect(twice.conflicts).toEqual([{ previousId: b, existingId: b }]);
  });

  it('orders collections, tags and untags, merges and renames sources, lists languages, keeps settings', async () => {
    const { api, dir } = await open();
    const ids: number[] = [];
    for (const [i, outlet] of ['Al-Hurriya', 'Al Hurriya', 'Okaz'].entries()) {
      ids.push(
        (
          await upload(
            api,
            `${i}.txt`,
            `${outlet} – (${i + 1}/7/2021)\nBody number ${i} of the test library, in English words.`,
          )
        ).imported[0]!.id,
      );
    }
    const c = await api['library.createCollection']({ name: 'Order' });
    await api['library.addToCollection']({ collectionId: c.id, articleIds: ids });
    await api['library.moveCollectionItem']({ collectionId: c.id, articleId: ids[2]!, beforeId: ids[0]! });
    expect((await api['library.listCollectionArticles']({ collectionId: c.id })).items.map((x) => x.id)).toEqual([
      ids[2],
      ids[0],
      ids[1],
    ]);
    await api['library.moveCollectionItem']({ collectionId: c.id, articleId: ids[2]!, beforeId: null });
    expect(
      (await api['library.listCollectionArticles']({ collectionId: c.id, offset: 1, limit: 5 })).items.map((x) => x.id),
    ).toEqual([ids[1], ids[2]]);

    await api['library.tagArticles']({ articleIds: ids, tags: ['Iraq'] });
    await api['library.untagArticles']({ articleIds: [ids[0]!], tags: ['iraq'] });
    expect((await api['library.listTags']({})).map((t) => [t.name, t.articleCount])).toEqual([['Iraq', 2]]);
    await api['library.untagArticles']({ articleIds: ids, tags: ['Iraq'] });
    expect(await api['library.listTags']({})).toEqual([]);

    const sources = await api['library.listSources']({});
    const hurriya = sources.filter((s) => /hurriya/i.test(s.name));
    expect(hurriya).toHaveLength(2);
    const merged = await api['library.mergeSources']({ targetId: hurriya[0]!.id, sourceIds: [hurriya[1]!.id] });
    expect(merged.articleCount).toBe(2);
    expect(merged.aliases).toContain(hurriya[1]!.name);
    // A later import under the merged spelling lands on the target.
    const later = await upload(
      api,
      'later.txt',
      `${hurriya[1]!.name} – (9/7/2021)\nA later article from the merged outlet.`,
    );
    expect(later.imported[0]?.source).toBeDefined();
    expect((await api['library.getArticle']({ id: later.imported[0]!.id })).sourceId).toBe(hurriya[0]!.id);
    const renamed = await api['library.renameSource']({ id: hurriya[0]!.id, name: 'الحرية' });
    expect(renamed.name).toBe('الحرية');
    expect(renamed.aliases).toContain(hurriya[0]!.name);

    expect(await api['library.listLanguages']({})).toEqual([{ code: 'en', articleCount: 4 }]);

    await api['app.settings.set']({ values: { theme: 'dark', panes: { list: 400 } } });
    await api['app.settings.set']({ values: { theme: null, uiLang: 'ar' } });
    expect(await api['app.settings.get']({})).toEqual({ panes: { list: 400 }, uiLang: 'ar' });
    expect(JSON.parse(readFileSync(join(dir, 'library.db.ui.json'), 'utf8'))).toEqual({
      panes: { list: 400 },
      uiLang: 'ar',
    });
  });
});
