/** The layering rules are real: a wrong import fails the lint that `npm test` runs. */
import { ESLint } from 'eslint';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/paths';

async function ruleIds(code: string, file: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: repoRoot });
  const [result] = await eslint.lintText(code, { filePath: join(repoRoot, file) });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe('layering', () => {
  it('refuses electron in main/core', async () => {
    expect(
      await ruleIds("import { app } from 'electron';\nexport const x = app;\n", 'main/core/library/x.ts'),
    ).toContain('no-restricted-imports');
  });
  it('refuses Node modules and main/ in the renderer', async () => {
    expect(
      await ruleIds("import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n", 'renderer/src/x.ts'),
    ).toContain('no-restricted-imports');
    expect(
      await ruleIds(
        "import { createServices } from '../../main/core/services';\nexport const x = createServices;\n",
        'renderer/src/x.ts',
      ),
    ).toContain('no-restricted-imports');
  });
  it('keeps main/core/workers below the rest of the core: Node and the contract only', async () => {
    expect(
      await ruleIds(
        "import { createIndexer } from '../search/indexer';\nexport const x = createIndexer;\n",
        'main/core/workers/x.ts',
      ),
    ).toContain('no-restricted-imports');
    expect(
      await ruleIds(
        "import { MizanError } from '../../../preload/contract';\nimport { toWire } from './protocol';\nexport const x = [MizanError, toWire];\n",
        'main/core/workers/x.ts',
      ),
    ).toEqual([]);
  });
  it('allows the contract in the renderer and electron in main/electron', async () => {
    expect(
      await ruleIds(
        "import { contract } from '../../preload/contract';\nexport const x = contract;\n",
        'renderer/src/x.ts',
      ),
    ).toEqual([]);
    expect(await ruleIds("import { app } from 'electron';\nexport const x = app;\n", 'main/electron/x.ts')).toEqual([]);
  });
});
