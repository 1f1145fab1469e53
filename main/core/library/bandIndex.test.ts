/**
 * The in-memory LSH band index: lookups by key, merging batches, catching up
 * with signatures another connection stored, and starting over after a
 * rolled-back batch. Real SQLite file, real migrations.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../tests/support/paths';
import { bandKeys, minhashSignature, signatureToBytes } from './minhash';
import { normalizeForMatching } from '../text';
import { createServices, type Services } from '../services';
import { BandIndex, LibraryBands } from './bandIndex';

function signatureOf(words: string): ReturnType<typeof minhashSignature> & object {
  const sig = minhashSignature(normalizeForMatching(words));
  if (!sig) throw new Error('text too short for a signature');
  return sig;
}

/** 60 distinct words from a seed, so every text has its own shingles. */
function text(seed: number): string {
  return Array.from({ length: 60 }, (_, i) => `w${(seed * 7919 + i * 104729) % 1000003}`).join(' ');
}

describe('BandIndex', () => {
  it('finds every article holding a key, in id order, and keeps an entry added twice once', () => {
    const index = new BandIndex(0);
    const a = bandKeys(signatureOf(text(1)));
    const b = bandKeys(signatureOf(text(2)));
    index.add([
      { id: 7, keys: a },
      { id: 3, keys: b },
    ]);
    index.add([
      { id: 5, keys: a },
      { id: 7, keys: a },
    ]);
    expect(index.size).toBe(3 * a.length);
    for (const key of a) expect(index.articlesWith(key)).toEqual([5, 7]);
    for (const key of b) expect(index.articlesWith(key)).toEqual([3]);
    // A key nobody has, between and beyond the stored ones.
    expect(index.articlesWith(Math.min(...a, ...b) - 1)).toEqual([]);
    expect(index.articlesWith(0x1fff_ffff)).toEqual([]);
  });

  describe('on a library', () => {
    let services: Services | null = null;
    afterEach(async () => {
      await services?.close();
      services = null;
    });

    async function storeSignature(s: Services, title: string, words: string): Promise<number> {
      return s.db.write(async (w) => {
        const row = await w.get<{ id: number }>(
          `INSERT INTO articles (title, body, lang, dir, content_hash, origin_format, word_count, imported_at, updated_at)
           VALUES (?, ?, 'en', 'ltr', ?, 'text', 60, '2026-01-01', '2026-01-01') RETURNING id`,
          [title, words, `hash-${title}`],
        );
        await w.run('INSERT INTO article_minhash (article_id, signature) VALUES (?, ?)', [
          row!.id,
          signatureToBytes(signatureOf(words)),
        ]);
        return row!.id;
      });
    }

    it('reads signatures stored after its last look, and starts over once forgotten', async () => {
      services = await createServices({ dbPath: join(tempDir(), 'library.db'), host: 'test' });
      const s = services;
      const first = await storeSignature(s, 'one', text(1));
      const bands = new LibraryBands(s.db);
      const index = bands.current();
      expect(bands.current()).toBe(index);
      await s.db.write((w) => index.catchUp(w));
      const key = bandKeys(signatureOf(text(1)))[0]!;
      expect(index.articlesWith(key)).toEqual([first]);

      // Stored by other code since: the next catch-up reads only that one.
      const second = await storeSignature(s, 'two', text(1));
      await s.db.write((w) => index.catchUp(w));
      expect(index.articlesWith(key)).toEqual([first, second]);
      expect(index.size).toBe(2 * bandKeys(signatureOf(text(1))).length);

      // A batch that added to the index and rolled back: a fresh index reads the file again.
      index.add([{ id: 999, keys: [key] }]);
      bands.forget();
      const fresh = bands.current();
      expect(fresh).not.toBe(index);
      await s.db.write((w) => fresh.catchUp(w));
      expect(fresh.articlesWith(key)).toEqual([first, second]);
    });
  });
});
