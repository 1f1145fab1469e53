/**
 * One suite, two targets: the services called in-process, and the real web
 * host (a child process, as `npm run web` starts it) over HTTP. Both must
 * answer the same, because the renderer sees one or the other.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MizanApi, type Progress, type Transport } from '../../preload/contract';
import { seedPath, sharedData, tempDir } from '../support/paths';
import { contractTargets, expectError } from '../support/contractTargets';

const targets = contractTargets();

describe.each(targets)('contract: $name', (target) => {
  let api: MizanApi;
  let transport: Transport;
  let stop: () => Promise<void>;
  let dir: string;
  let seedId: number;

  beforeAll(async () => {
    dir = tempDir();
    ({ api, transport, stop } = await target.start(join(dir, 'library.db')));
  });
  afterAll(async () => {
    await stop?.();
  });

  it('imports the seed with its outlet, date, language and direction, reporting progress', async () => {
    const events: Progress[] = [];
    const report = await api['library.importFiles']({ paths: [seedPath] }, { onProgress: (p) => events.push(p) });
    expect(report.errors).toEqual([]);
    expect(report.duplicates).toEqual([]);
    expect(report.imported).toHaveLength(1);
    seedId = report.imported[0]!.id;
    const article = await api['library.getArticle']({ id: seedId });
    expect(article.source).toBe('حرية');
    expect(article.publishedAt).toEqual({ original: '(26/7/2021)', iso: '2021-07-26', precision: 'day' });
    expect(article.lang).toBe('ar');
    expect(article.dir).toBe('rtl');
    expect(article.title.startsWith('أعلن الرئيس الأميركي، جو بايدن')).toBe(true);
    expect(article.title.endsWith('والعراق.')).toBe(true);
    expect(article.body).toContain('2500 جندي');
    expect(article.body.startsWith('حرية')).toBe(false);
    expect(article.encoding).toBe('utf-8');
    // The in-process target delivers progress synchronously; over HTTP the
    // event stream may connect after a one-file import has finished.
    if (target.name === 'services in-process') expect(events.at(-1)).toMatchObject({ done: 1, total: 1 });
  });

  it('reports an exact duplicate instead of storing it twice', async () => {
    const copy = join(dir, 'seed-copy.txt');
    writeFileSync(copy, `\uFEFF${(await import('node:fs')).readFileSync(seedPath, 'utf8').replace(/\n/g, '\r\n')}`);
    const report = await api['library.importFiles']({ paths: [copy] });
    expect(report.imported).toEqual([]);
    expect(report.duplicates).toEqual([{ path: copy, of: seedId, title: expect.any(String) }]);
    const page = await api['library.listArticles']({});
    expect(page.total).toBe(1);
  });

  it('imports a SaudiNewsNet day file, each record on its own', async () => {
    const file = sharedData('saudinewsnet', '2015-07-21.json.gz');
    const report = await api['library.importFiles']({ paths: [file], collection: 'July 21' });
    const handled = report.imported.length + report.duplicates.length + report.errors.length;
    expect(handled).toBe(2972);
    // Measured on this file: 84 records have no text; 91 repeat another
    // record's text once normalized (9 of them differ only in spacing or
    // diacritics, so a raw comparison would have stored them twice).
    expect(report.imported).toHaveLength(2797);
    expect(report.duplicates).toHaveLength(91);
    expect(report.errors).toHaveLength(84);
    for (const error of report.errors) {
      expect(error.path).toMatch(/2015-07-21\.json\.gz#\d+$/);
      expect(error.code).toBe('IMPORT_EMPTY');
    }
    const first = await api['library.getArticle']({ id: report.imported[0]!.id });
    // "aawsat" in the file is Asharq Al-Awsat, filed under its Arabic name (outlets seeded by migration 0002).
    expect(first.source).toBe('الشرق الأوسط');
    expect(first.title).toBe('بريطانيا: أربعة محاور لاستراتيجية جديدة تتصدى للتطرف على مدى خمس سنوات');
    expect(first.author).toBe('لندن: رنيم حنوش');
    expect(first.publishedAt).toEqual({ original: '2015-07-21 02:51:32', iso: '2015-07-21', precision: 'day' });
    expect(first.url).toMatch(/^http:\/\/aawsat\.com\/home\/article\/410826\//);
    expect(first.originPath).toBe(`${file}#1`);
    expect(first.collections.map((c) => c.name)).toEqual(['July 21']);
  });

  it('gives each bad file a clear error and imports the rest of the batch', async () => {
    const bad = join(dir, 'bad');
    (await import('node:fs')).mkdirSync(bad);
    writeFileSync(join(bad, 'empty.txt'), '');
    writeFileSync(
      join(bad, 'image.txt'),
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]),
    );
    writeFileSync(join(bad, 'broken.json'), '[{"title": "half", "content": "written"');
    writeFileSync(join(bad, 'notes.xyz'), 'some text');
    writeFileSync(
      join(bad, 'good.txt'),
      'A headline about the harbour\n\nThe harbour reopened on Monday after a week of storms, officials said.',
    );
    const report = await api['library.importFiles']({ paths: [bad, join(dir, 'missing.txt')] });
    const byFile = Object.fromEntries(report.errors.map((e) => [e.path.split(/[\\/]/).pop(), e]));
    expect(byFile['empty.txt']?.code).toBe('IMPORT_EMPTY');
    expect(byFile['image.txt']?.code).toBe('IMPORT_BINARY');
    expect(byFile['broken.json']?.code).toBe('IMPORT_PARSE_FAILED');
    expect(byFile['broken.json']?.message).toMatch(/broken\.json: invalid JSON/);
    expect(byFile['notes.xyz']?.code).toBe('IMPORT_UNSUPPORTED_FORMAT');
    expect(byFile['missing.txt']?.code).toBe('IMPORT_READ_FAILED');
    for (const e of report.errors) expect(e.message).toContain(e.path.split(/[\\/]/).pop());
    expect(report.imported.map((a) => a.title)).toEqual(['A headline about the harbour']);
    const good = await api['library.getArticle']({ id: report.imported[0]!.id });
    expect(good.lang).toBe('en');
    expect(good.dir).toBe('ltr');
  });

  it('lists articles paged, sorted and filtered', async () => {
    const all = await api['library.listArticles']({ limit: 10 });
    expect(all.items).toHaveLength(10);
    expect(all.total).toBe(2797 + 2);
    // Newest first by default: the seed (2021) leads.
    expect(all.items[0]!.id).toBe(seedId);
    const next = await api['library.listArticles']({ limit: 10, offset: 10 });
    expect(next.items.map((a) => a.id)).not.toContain(all.items[9]!.id);

    const sources = await api['library.listSources']({});
    const okaz = sources.find((s) => s.name === 'عكاظ');
    expect(okaz?.aliases).toEqual(expect.arrayContaining(['okaz', 'okaz.com.sa']));
    // okaz has 226 records that day; 4 repeat text stored before.
    expect(okaz?.articleCount).toBe(222);
    const bySource = await api['library.listArticles']({ limit: 1000, filter: { sourceIds: [okaz!.id] } });
    expect(bySource.total).toBe(222);
    expect(new Set(bySource.items.map((a) => a.source))).toEqual(new Set(['عكاظ']));

    const english = await api['library.listArticles']({ limit: 1000, filter: { lang: 'en' } });
    expect(english.items.map((a) => a.title)).toContain('A headline about the harbour');
    expect(new Set(english.items.map((a) => a.lang))).toEqual(new Set(['en']));
    const arabic = await api['library.listArticles']({ limit: 1, filter: { lang: 'ar' } });
    expect(arabic.total + english.total).toBeLessThanOrEqual(all.total);
    expect(arabic.total).toBeGreaterThan(2700);

    const in2021 = await api['library.listArticles']({ filter: { dateFrom: '2021-01-01', dateTo: '2021-12-31' } });
    expect(in2021.items.map((a) => a.id)).toEqual([seedId]);
    const july2015 = await api['library.listArticles']({
      limit: 1,
      filter: { dateFrom: '2015-07', dateTo: '2015-07' },
    });
    expect(july2015.total).toBe(2797);

    // SQLite's NOCASE folds ASCII only, then compares code points.
    const fold = (t: string) => t.replace(/[A-Z]/g, (c) => c.toLowerCase());
    const byTitle = await api['library.listArticles']({ sort: 'title', order: 'asc', limit: 200 });
    const titles = byTitle.items.map((a) => fold(a.title));
    expect(titles).toEqual([...titles].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    const byTitleDesc = await api['library.listArticles']({ sort: 'title', order: 'desc', limit: 1 });
    expect(byTitleDesc.items[0]!.title).not.toBe(byTitle.items[0]!.title);
  });

  it('edits, tags, collects and deletes articles', async () => {
    const updated = await api['library.updateArticle']({
      id: seedId,
      patch: { title: 'بايدن يستضيف الكاظمي', tags: ['العراق', 'Diplomacy'], publishedAt: '26 تموز 2021' },
    });
    expect(updated.title).toBe('بايدن يستضيف الكاظمي');
    expect(updated.tags).toEqual(['Diplomacy', 'العراق']);
    expect(updated.publishedAt).toEqual({ original: '26 تموز 2021', iso: '2021-07-26', precision: 'day' });
    const tagged = await api['library.listArticles']({ filter: { tag: 'diplomacy' } });
    expect(tagged.items.map((a) => a.id)).toEqual([seedId]);
    expect((await api['library.listTags']({})).map((t) => [t.name, t.articleCount])).toEqual([
      ['Diplomacy', 1],
      ['العراق', 1],
    ]);
    await expectError(
      api['library.updateArticle']({ id: seedId, patch: { publishedAt: 'not a date' } }),
      'INVALID_ARGUMENT',
    );

    const dossier = await api['library.createCollection']({ name: 'Iraq dossier' });
    await expectError(api['library.createCollection']({ name: 'iraq DOSSIER' }), 'CONFLICT');
    const page = await api['library.listArticles']({ limit: 3, sort: 'title', order: 'asc' });
    const ids = page.items.map((a) => a.id);
    await api['library.addToCollection']({ collectionId: dossier.id, articleIds: [seedId, ...ids] });
    const reordered = await api['library.reorderCollection']({
      collectionId: dossier.id,
      articleIds: [ids[2]!, seedId],
    });
    expect(reordered.articleCount).toBe(4);
    const members = await api['library.listArticles']({ filter: { collectionId: dossier.id } });
    expect(members.total).toBe(4);
    const renamed = await api['library.renameCollection']({ id: dossier.id, name: 'ملف العراق' });
    expect(renamed.name).toBe('ملف العراق');
    expect((await api['library.getArticle']({ id: seedId })).collections.map((c) => c.name)).toContain('ملف العراق');

    await api['library.deleteArticle']({ id: seedId });
    await expectError(api['library.getArticle']({ id: seedId }), 'NOT_FOUND');
    expect((await api['library.listCollections']({})).find((c) => c.id === dossier.id)?.articleCount).toBe(3);
    await api['library.deleteCollection']({ id: dossier.id });
    await expectError(api['library.deleteCollection']({ id: dossier.id }), 'NOT_FOUND');
  });

  it('validates arguments at the boundary and names unknown methods', async () => {
    const error = await expectError(api['library.getArticle']({ id: -3 }), 'INVALID_ARGUMENT');
    expect(error.message).toMatch(/^id: /);
    await expectError(api['library.listArticles']({ limit: 100_000 }), 'INVALID_ARGUMENT');
    // @ts-expect-error: a method that does not exist, as a hostile page might send
    const envelope = await transport.invoke('library.dropEverything', {}, null);
    expect(envelope).toEqual({
      ok: false,
      error: { code: 'UNKNOWN_METHOD', message: 'no such method: library.dropEverything' },
    });
  });

  it('describes the app', async () => {
    const info = await api['app.info']({});
    expect(info.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(info.libraryPath).toBe(join(dir, 'library.db'));
    expect(info.importFormats.map((f) => f.id)).toEqual(expect.arrayContaining(['text', 'json', 'jsonl']));
    expect(info.articleCount).toBe(2797 + 1);
  });

  it('reads files in the encoding the user names, and refuses one it does not know before reading any file', async () => {
    const turkish =
      "Ankara'da bakanlar toplandı\n\nTürkiye'nin başkenti Ankara'da bakanlar bugün toplandı; İstanbul'daki şirketler ağır vergilerden şikâyetçi.";
    const path = join(dir, 'haber-1254.txt');
    writeFileSync(path, (await import('iconv-lite')).default.encode(turkish, 'windows-1254'));
    const report = await api['library.importFiles']({ paths: [path], encoding: 'Windows-1254' });
    expect(report.errors).toEqual([]);
    const article = await api['library.getArticle']({ id: report.imported[0]!.id });
    expect(article).toMatchObject({ title: "Ankara'da bakanlar toplandı", encoding: 'windows-1254' });
    expect(article.body).toContain("İstanbul'daki şirketler ağır vergilerden şikâyetçi.");
    const refused = await expectError(
      api['library.importFiles']({ paths: [path], encoding: 'latin-99' }),
      'INVALID_ARGUMENT',
    );
    expect(refused.message).toContain('"latin-99"');
  });
});
