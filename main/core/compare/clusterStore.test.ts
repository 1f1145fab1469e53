/**
 * Storing a story run while the library changes under it: the run after an
 * import computes on a read connection while the app goes on deleting
 * articles or rebuilding the stories. What it stores must still hold.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../../tests/support/paths';
import { Database } from '../db/connection';
import { migrate } from '../db/migrate';
import { migrations } from '../db/migrations';
import { defaultClusterOptions } from './clusterer';
import { runClusterJob, type NewSignature } from './clusterJob';
import { saveClusterRun, writeSignatures } from './clusterStore';
import { saudiNewsNetDay } from './testData';

const options = defaultClusterOptions;
const noProgress = (): void => undefined;

describe('storing a story run while the library changes', () => {
  let db: Database;
  /** The members of the largest story the day's articles make (several outlets' reports of one event). */
  let story: number[];

  // One library for both cases, in order: the second deletes an article.
  beforeAll(async () => {
    db = await Database.open(join(tempDir(), 'stories.db'));
    await migrate(db, migrations);
    // All of SaudiNewsNet 2015-07-24: stories of several outlets, words with document frequencies as in a library.
    const day = saudiNewsNetDay('2015-07-24').filter((a) => a !== null);
    await db.write(async (w) => {
      for (const [k, a] of day.entries()) {
        await w.run(
          `INSERT OR IGNORE INTO articles (title, body, lang, dir, content_hash, word_count, published_iso,
                                           published_precision, imported_at, updated_at)
           VALUES (?, ?, 'ar', 'rtl', ?, 100, '2015-07-24', 'day', 'now', 'now')`,
          [a.title, a.body, a.contentHash ?? `h${k}`],
        );
      }
    });
    const run = await runClusterJob(db, { mode: 'full', options }, noProgress);
    await db.write((w) => saveClusterRun(w, run, options, 'now', 1));
    const members = new Map<number, number[]>();
    for (const p of run.placements) members.set(p.cluster, [...(members.get(p.cluster) ?? []), p.id]);
    story = [...members.values()].sort((a, b) => b.length - a.length)[0]!;
    expect(story.length).toBeGreaterThanOrEqual(3);
    // A day's import and a full run: over a minute on a loaded 2-core machine.
  }, 240_000);
  afterAll(async () => {
    await db.close();
  });

  const storyOf = async (id: number): Promise<{ cluster_id: number; headline_id: number | null } | undefined> =>
    db.get(
      'SELECT m.cluster_id, c.headline_id FROM cluster_members m JOIN clusters c ON c.id = m.cluster_id WHERE article_id = ?',
      [id],
    );

  it('refuses an incremental run whose stories were rebuilt meanwhile, and the next run places its articles', async () => {
    const [late, ...rest] = story as [number, ...number[]];
    // One member as if just imported: not in any story yet.
    const unplace = () => db.write((w) => w.run('DELETE FROM cluster_members WHERE article_id = ?', [late]));
    await unplace();
    const incremental = await runClusterJob(db, { mode: 'incremental', options }, noProgress);
    expect(incremental.mode).toBe('incremental');
    // A rebuild is stored while the incremental run computes.
    const rebuild = await runClusterJob(db, { mode: 'full', options }, noProgress);
    await db.write((w) => saveClusterRun(w, rebuild, options, 'now', 1));
    await unplace();
    expect(await db.write((w) => saveClusterRun(w, incremental, options, 'now', 1))).toBeNull();
    expect(await storyOf(late)).toBeUndefined();
    const again = await runClusterJob(db, { mode: 'incremental', options }, noProgress);
    expect(await db.write((w) => saveClusterRun(w, again, options, 'now', 1))).toMatchObject({ placed: 1 });
    expect((await storyOf(late))!.cluster_id).toBe((await storyOf(rest[0]!))!.cluster_id);
  }, 120_000);

  it('stores the run when its headline article was deleted meanwhile, and the story keeps the rest', async () => {
    const run = await runClusterJob(db, { mode: 'full', options }, noProgress);
    const headline = run.headlines.find((h) => story.includes(h.articleId))!.articleId;
    await db.write((w) => w.run('DELETE FROM articles WHERE id = ?', [headline]));
    expect(await db.write((w) => saveClusterRun(w, run, options, 'now', 1))).toMatchObject({ mode: 'full' });
    const rest = await Promise.all(story.filter((id) => id !== headline).map(storyOf));
    expect(new Set(rest.map((s) => s!.cluster_id)).size).toBe(1);
    // No stored headline: the story is titled by its first member until the next run picks one.
    expect(rest[0]!.headline_id).toBeNull();
  }, 120_000);

  it('stores the signatures a full run after a format change hands over as it goes, and places from them alike', async () => {
    // As after a FEATURE_VERSION change: no stored signature counts, so every run is full until one is stored.
    await db.write((w) => w.run(`UPDATE cluster_state SET value = '{"v":0}' WHERE key = 'settings'`));
    const pages: NewSignature[][] = [];
    const run = await runClusterJob(db, { mode: 'full', options }, noProgress, undefined, (page) => pages.push(page));
    const articles = (await db.get<{ n: number }>('SELECT count(*) AS n FROM articles'))!.n;
    expect(run.signatures).toEqual([]);
    expect(pages.length).toBeGreaterThan(0);
    expect(pages.flat().map((s) => s.articleId)).toEqual(run.placements.map((p) => p.id).sort((a, b) => a - b));
    expect(pages.flat()).toHaveLength(articles);
    await db.write(async (w) => {
      for (const page of pages) await writeSignatures(w, page);
      await saveClusterRun(w, run, options, 'now', 1);
    });
    // From the stored signatures, nothing is analysed again and every story comes out the same.
    const cached = await runClusterJob(db, { mode: 'full', options }, noProgress, undefined, () => {
      throw new Error('a run with its settings stored hands nothing over');
    });
    expect(cached.analysed).toBe(0);
    expect(cached.placements).toEqual(run.placements);
    expect(cached.headlines).toEqual(run.headlines);
  }, 240_000);
});
