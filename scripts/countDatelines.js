/**
 * How many articles of a library open with a dateline or byline (compare/align.ts, isDateline) and how many
 * close with a tag list (isTagLine), with the most frequent datelines and some tag lines for reading:
 * `node scripts/countDatelines.js LIBRARY.db [N]` after `npm run build`.
 */
'use strict';
const sqlite3 = require('sqlite3');
const { prepareText } = require('../dist/main/core/compare/prepare.js');
const { isDateline, isTagLine } = require('../dist/main/core/compare/align.js');

const [file, shown = '40'] = process.argv.slice(2);
if (!file) {
  console.error('usage: node scripts/countDatelines.js LIBRARY.db [N]');
  process.exit(2);
}
const db = new sqlite3.Database(file, sqlite3.OPEN_READONLY);
db.all('SELECT substr(body, 1, 300) AS head, substr(body, -400) AS tail FROM articles', (err, rows) => {
  if (err) throw err;
  const lines = new Map();
  let count = 0;
  const tagLines = [];
  for (const { head, tail } of rows) {
    const t = prepareText(tail);
    // The tail's first sentence may be cut; a last sentence that is its only one is not judged.
    if (t.sentences.length > 1 && isTagLine(t, t.sentences.length - 1)) {
      const last = t.sentences[t.sentences.length - 1];
      tagLines.push(t.text.slice(last.start, last.end).trim());
    }
    const p = prepareText(head);
    if (p.sentences.length < 2 || !isDateline(p, 0)) continue;
    count++;
    const line = p.text.slice(p.sentences[0].start, p.sentences[0].end).trim();
    lines.set(line, (lines.get(line) ?? 0) + 1);
  }
  console.log(`${count} of ${rows.length} articles open with a dateline`);
  for (const [line, n] of [...lines].sort((a, b) => b[1] - a[1]).slice(0, Number(shown))) console.log(`${n}\t${line}`);
  console.log(`${tagLines.length} of ${rows.length} articles close with a tag list`);
  for (const line of tagLines.slice(0, Number(shown))) console.log(`\t${line}`);
  db.close();
});
