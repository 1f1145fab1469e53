/** `mizan search` across scripts: a Latin name finds the Arabic article, an Arabic name the English one. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mizan } from '../support/cli';
import { seedPath, tempDir } from '../support/paths';

interface SearchJson {
  total: number;
  results: Array<{ id: number; title: string; source: string | null }>;
  transliterated: Array<{ word: string; spellings: string[] }>;
}

describe('mizan search, names across scripts', () => {
  const dir = tempDir();
  const library = join(dir, 'library.db');
  // The seed names مصطفى الكاظمي and جو بايدن; this English report names Biden only.
  const english = join(dir, 'reuters.txt');
  writeFileSync(
    english,
    'Reuters – (27/7/2021)\nPresident Joe Biden met the Iraqi prime minister at the White House on Monday and said the US combat mission in Iraq would end by the close of the year.\n',
  );

  it('finds the Arabic article for Kadhimi, al-Kadhimi and Kazimi, and says it went via transliteration', async () => {
    expect((await mizan(['import', seedPath, english, '--library', library])).code).toBe(0);
    for (const query of ['Kadhimi', 'al-Kadhimi', 'Kazimi']) {
      const result = await mizan(['search', query, '--library', library, '--json']);
      expect(result.code, query).toBe(0);
      const json = JSON.parse(result.stdout) as SearchJson;
      expect(json.results.map((r) => r.source)).toEqual(['حرية']);
      expect(json.transliterated).toEqual([{ word: query, spellings: ['كاظمي'] }]);
    }
    const readable = await mizan(['search', 'Kadhimi', '--library', library]);
    expect(readable.stdout).toContain('[الكاظمي]');
    expect(readable.stdout).toContain('via transliteration: Kadhimi → كاظمي');
  });

  it('finds the English article for بايدن, and nothing extra for a word of one script only', async () => {
    const json = JSON.parse((await mizan(['search', 'بايدن', '--library', library, '--json'])).stdout) as SearchJson;
    expect(json.results.map((r) => r.source).sort()).toEqual(['Reuters', 'حرية']);
    expect(json.transliterated).toEqual([{ word: 'بايدن', spellings: ['biden'] }]);
    const plain = JSON.parse((await mizan(['search', 'mission', '--library', library, '--json'])).stdout) as SearchJson;
    expect(plain.results.map((r) => r.source)).toEqual(['Reuters']);
    expect(plain.transliterated).toEqual([]);
  });
});
