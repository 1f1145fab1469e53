/**
 * What the analyzer measurement scripts share: every Arabic word token of SaudiNewsNet's titles and bodies (test
 * data: the scripts only print figures), analysed by this build and, when given, by an older build's analyzer
 * token for token; and the printing of the most frequent changes.
 */
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

const dir = path.resolve(__dirname, '..', '..', 'shared', 'data', 'saudinewsnet');

/** Calls `visit(token, baseToken)` for each Arabic word token (`baseToken` undefined without a base analyzer). */
function forEachArabicWord(current, base, visit) {
  for (const name of fs
    .readdirSync(dir)
    .filter((n) => n.endsWith('.json.gz'))
    .sort()) {
    for (const article of JSON.parse(zlib.gunzipSync(fs.readFileSync(path.join(dir, name))).toString('utf8'))) {
      for (const text of [article.title, article.content]) {
        if (!text) continue;
        const there = base ? base.analyze(text) : null;
        current.analyze(text).forEach((t, i) => {
          if (t.kind !== 'word' || !/^[\u0621-\u064a]+$/.test(t.norm)) return;
          visit(t, there?.[i]);
        });
      }
    }
  }
}

const bump = (m, k) => m.set(k, (m.get(k) ?? 0) + 1);

/** The `count` most frequent keys of a count map, "key n" joined by commas. */
const top = (m, count) =>
  [...m]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([w, n]) => `${w} ${n}`)
    .join(', ');

module.exports = { forEachArabicWord, bump, top };
