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
  it('lets main/core take only errors and defaults from the contract at run time, the rest as types', async () => {
    expect(
      await ruleIds(
        "import { ImportReport } from '../../../preload/contract/library';\nexport const x = ImportReport;\n",
        'main/core/library/x.ts',
      ),
    ).toContain('@typescript-eslint/no-restricted-imports');
    expect(
      await ruleIds(
        "import { contract } from '../../../preload/contract';\nexport const x = contract;\n",
        'main/core/library/x.ts',
      ),
    ).toContain('@typescript-eslint/no-restricted-imports');
    expect(
      await ruleIds(
        "import { MizanError } from '../../../preload/contract/errors';\n" +
          "import type { ImportReport } from '../../../preload/contract/library';\n" +
          "export const x = (r: ImportReport) => new MizanError('INTERNAL', String(r.imported.length));\n",
        'main/core/library/x.ts',
      ),
    ).toEqual([]);
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
  it('keeps common/ pure: no Node module, package or other layer, while the core and the renderer use it', async () => {
    for (const code of [
      "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n",
      "import { z } from 'zod';\nexport const x = z;\n",
      "import { MizanError } from '../../preload/contract/errors';\nexport const x = MizanError;\n",
    ])
      expect(await ruleIds(code, 'common/text/x.ts')).toContain('no-restricted-imports');
    expect(
      await ruleIds(
        "import { sameName } from '../../../common/text/names';\nexport const x = sameName;\n",
        'main/core/library/x.ts',
      ),
    ).toEqual([]);
    expect(
      await ruleIds(
        "import { findAll } from '../../common/text/find';\nexport const x = findAll;\n",
        'renderer/src/x.ts',
      ),
    ).toEqual([]);
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
        "import { MizanError } from '../../../preload/contract/errors';\nimport { toWire } from './protocol';\nexport const x = [MizanError, toWire];\n",
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
