import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../tests/support/paths';

const dist = join(repoRoot, 'dist');

describe("the build's analyzer fingerprint file", () => {
  it('gives the CLI the fingerprint the analyzer computes, so an index is called stale exactly as before (needs npm run build)', () => {
    expect(existsSync(join(dist, 'main', 'cli', 'analyzerFingerprint.txt'))).toBe(true);
    const script = `
      const file = require(${JSON.stringify(join(dist, 'main/cli/fingerprintFile.js'))});
      const index = require(${JSON.stringify(join(dist, 'main/core/search/libraryIndex.js'))});
      process.stdout.write(JSON.stringify({ fromFile: file.fingerprintFromFile, used: index.analyzerFingerprint(),
        computed: index.computeAnalyzerFingerprint() }));`;
    const out = JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' })) as {
      fromFile: boolean;
      used: string;
      computed: string;
    };
    expect(out.fromFile).toBe(true);
    expect(out.used).toMatch(/^[0-9a-f]{16}$/u);
    expect(out.used).toBe(out.computed);
  });
});
