/**
 * EXTRACTOR_VERSION moves with what the extractor reads. A change that makes
 * it find other mentions, keys or names in real articles changes the probe's
 * digest; under the same version number that fails here, because libraries
 * filled by the old reading would keep it (the entity index reads every
 * article again only when the number changes).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { extractEntities } from './index';
import { EXTRACTOR_VERSION, PROBE_DIGEST } from './version';

/** The shared data beside the repository (never copied into it); SaudiNewsNet is CC BY-NC-SA 4.0. */
const shared = (...parts: string[]): string => resolve(__dirname, '..', '..', '..', '..', 'shared', 'data', ...parts);

describe('the extractor version', () => {
  it('changes whenever what the extractor finds in real articles changes', () => {
    // The seed article and the first 250 articles of one SaudiNewsNet day, as the index reads them (title, then body).
    const day = JSON.parse(
      gunzipSync(readFileSync(shared('saudinewsnet', '2015-07-22.json.gz'))).toString('utf8'),
    ) as Array<{
      title: string;
      content: string;
    }>;
    const seed = readFileSync(shared('seed', 'hurriya-2021-07-26.txt'), 'utf8');
    const probe = [{ title: '', body: seed }, ...day.slice(0, 250).map((a) => ({ title: a.title, body: a.content }))];
    const hash = createHash('sha256');
    for (const a of probe) {
      const mentions = extractEntities(`${a.title}\n\n${a.body}`, { lang: 'ar' });
      hash.update(JSON.stringify(mentions.map((m) => [m.kind, m.key, m.canonical, m.written ?? null, m.start, m.end])));
      hash.update('\n');
    }
    const digest = hash.digest('hex');
    if (digest !== PROBE_DIGEST)
      throw new Error(
        `the extractor reads the probe articles differently: raise EXTRACTOR_VERSION (now ${EXTRACTOR_VERSION}) in ` +
          `main/core/entities/version.ts and set PROBE_DIGEST to '${digest}'`,
      );
    expect(digest).toBe(PROBE_DIGEST);
  }, 60_000);
});
