/** The renderer says every progress phase the core reports in the interface's language. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { selectionEn } from '../../renderer/src/i18nSelection';
import { selectionAr } from '../../renderer/src/i18nSelectionAr';

/** Every literal label the core passes to a progress callback ("progress(done, total, 'Indexing articles')"). */
function coreProgressLabels(): Set<string> {
  const labels = new Set<string>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.ts') && !name.endsWith('.test.ts')) {
        for (const m of readFileSync(path, 'utf8').matchAll(/progress\??\.?\(?[^;]*?,\s*'([^']+)'\)/g))
          labels.add(m[1]!);
      }
    }
  };
  walk(join(__dirname, '../../main/core'));
  return labels;
}

describe('progress phases', () => {
  it('shows every progress phase the core reports in Arabic, none left in English', () => {
    const labels = coreProgressLabels();
    expect(labels.size).toBeGreaterThan(8);
    const known = selectionAr.phases as Record<string, string>;
    for (const label of labels) {
      expect(known[label], label).toBeDefined();
      expect(known[label], label).not.toMatch(/[A-Za-z]/);
      expect((selectionEn.phases as Record<string, string>)[label], label).toBeDefined();
    }
  });
});
