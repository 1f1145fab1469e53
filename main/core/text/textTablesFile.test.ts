import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../../tests/support/paths';

const dist = join(repoRoot, 'dist');

/** In a fresh Node process of the build: the fold tables it uses (a digest), and whether they came from the file. */
function tablesIn(viaFile: boolean): { fromFile: boolean; digest: string; folded: string } {
  const script = `
    const file = ${viaFile} ? require(${JSON.stringify(join(dist, 'main/core/text/textTablesFile.js'))}) : null;
    const n = require(${JSON.stringify(join(dist, 'common/text/normalize.js'))});
    const { map, expansions } = n.foldTablesData();
    const digest = require('node:crypto').createHash('sha1').update(map).update(JSON.stringify(expansions)).digest('hex');
    process.stdout.write(JSON.stringify({ fromFile: file ? file.foldTablesFromFile : false, digest,
      folded: n.normalizeForMatching('إِسْتَانْبُول ﻻ Ǆemal ﬁnal Straße ١٢') }));`;
  return JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' })) as {
    fromFile: boolean;
    digest: string;
    folded: string;
  };
}

describe('the fold tables file of the build', () => {
  it('gives the CLI the same tables the text code builds, code unit by code unit (needs npm run build)', () => {
    expect(existsSync(join(dist, 'common', 'text', 'textTables.bin'))).toBe(true);
    const read = tablesIn(true);
    const built = tablesIn(false);
    expect(read.fromFile).toBe(true);
    expect(read.digest).toBe(built.digest);
    expect(read.folded).toBe(built.folded);
  });
});
