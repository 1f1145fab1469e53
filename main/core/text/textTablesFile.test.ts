import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../../tests/support/paths';

const dist = join(repoRoot, 'dist');

interface Tables {
  fromFile: boolean;
  fold: string;
  classes: string;
  guards: string;
  folded: string;
  keys: string[];
}

/** In a fresh Node process of the build: digests of the tables it uses, whether they came from the file, and what the analyzer makes of a sentence. */
function tablesIn(viaFile: boolean): Tables {
  const script = `
    const file = ${viaFile} ? require(${JSON.stringify(join(dist, 'main/core/text/textTablesFile.js'))}) : null;
    const n = require(${JSON.stringify(join(dist, 'common/text/normalize.js'))});
    const { CHAR_CLASS } = require(${JSON.stringify(join(dist, 'main/core/text/tokenize.js'))});
    const { buildGuardTable } = require(${JSON.stringify(join(dist, 'main/core/text/guardTable.js'))});
    const { preparedTables } = require(${JSON.stringify(join(dist, 'main/core/text/preparedTables.js'))});
    const { analyze } = require(${JSON.stringify(join(dist, 'main/core/text/index.js'))});
    const sha1 = () => require('node:crypto').createHash('sha1');
    const { map, expansions } = n.foldTablesData();
    const g = preparedTables.guards ?? buildGuardTable();
    process.stdout.write(JSON.stringify({
      fromFile: file ? file.foldTablesFromFile && preparedTables.charClass !== null : false,
      fold: sha1().update(map).update(JSON.stringify(expansions)).digest('hex'),
      classes: sha1().update(CHAR_CLASS).digest('hex'),
      guards: sha1().update(String(g.mask)).update(g.slots).update(g.flags).update(g.starts).update(g.text).digest('hex'),
      folded: n.normalizeForMatching('إِسْتَانْبُول ﻻ Ǆemal ﬁnal Straße ١٢'),
      keys: analyze('وبالمدينة والكاظمي للولايات وواشنطن كتبهم ـــ 2,500 Ǆemal').map((t) => t.exact + '|' + t.stem),
    }));`;
  return JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' })) as Tables;
}

describe('the text tables file of the build', () => {
  it('gives the CLI the same tables the text code builds, entry by entry (needs npm run build)', () => {
    expect(existsSync(join(dist, 'common', 'text', 'textTables.bin'))).toBe(true);
    const read = tablesIn(true);
    const built = tablesIn(false);
    expect(read.fromFile).toBe(true);
    expect(built.fromFile).toBe(false);
    expect({ ...read, fromFile: true }).toEqual({ ...built, fromFile: true });
    expect(read.keys.length).toBeGreaterThan(5);
  });
});
