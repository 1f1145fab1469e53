/**
 * The analyzer's fingerprint (core/search/libraryIndex.ts, which a search
 * compares with the index's to say whether the index is stale) from a file
 * the build writes beside the bundle, instead of analyzing the probe text and
 * hashing the guard and preposition lists (~40,000 words) on every call.
 *
 * The fingerprint is a function of the text code and libraryIndex.js only, so
 * the file names both: the text code's stamp (core/text/textTablesFile.ts,
 * which also holds the runtime's Unicode version) and the size and
 * modification time of the compiled libraryIndex.js, as the text code is
 * named (tsc rewrites a module whenever its code changes; reading and hashing
 * it cost a read of the file on every call). When either differs, or there is
 * no file, it is computed as usual.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { textCodeStamp } from '../core/text/textTablesFile';
import { computeAnalyzerFingerprint, useAnalyzerFingerprint } from '../core/search/libraryIndex';

/** Where tsc puts libraryIndex.js and the build writes the file, from this module's folder. */
const libraryIndexJs = join(__dirname, '..', 'core', 'search', 'libraryIndex.js');
const fingerprintFile = join(__dirname, 'analyzerFingerprint.txt');

function stamp(): string {
  const { size, mtimeMs } = statSync(libraryIndexJs);
  return `${textCodeStamp()} libraryIndex.js:${size}:${mtimeMs}`;
}

/** The build's step (scripts/bundleCli.mjs): the stamp line, then the fingerprint. */
export function writeFingerprintFile(): void {
  writeFileSync(fingerprintFile, `${stamp()}\n${computeAnalyzerFingerprint()}\n`);
}

/** Whether this process took the fingerprint from the file. */
export let fingerprintFromFile = false;

function readFingerprintFile(): void {
  let lines: string[];
  try {
    lines = readFileSync(fingerprintFile, 'utf8').split('\n');
  } catch {
    return;
  }
  if (lines.length !== 3 || lines[0] !== stamp() || !/^[0-9a-f]{16}$/u.test(lines[1]!)) return;
  useAnalyzerFingerprint(lines[1]!);
  fingerprintFromFile = true;
}

readFingerprintFile();
