/**
 * How many articles of a library open with a dateline or byline (compare/align.ts, isDateline), with the
 * most frequent ones for reading: `node scripts/countDatelines.js LIBRARY.db [N]` after `npm run build`.
 */
'use strict';
const sqlite3 = require('sqlite3');
const { prepareText } = require('../dist/main/core/compare/prepare.js');
const { isDateline } = require('../dist/main/core/compare/align.js');

const [file, shown = '40'] = process.argv.slice(2);
if (!file) {
  console.error('usage: node scripts/countDatelines.js LIBRARY.db [N]');
  process.exit(2);
}
const db = new sqlite3.Database(file, sqlite3.OPEN_READONLY);
db.all('SELECT substr(body, 1, 300) AS head FROM articles', (err, rows) => {
  if (err) throw err;
  const lines = new Map();
  let count = 0;
  for (const { head } of rows) {
    const p = prepareText(head);
    if (p.sentences.length < 2 || !isDateline(p, 0)) continue;
    count++;
    const line = p.text.slice(p.sentences[0].start, p.sentences[0].end).trim();
    lines.set(line, (lines.get(line) ?? 0) + 1);
  }
  console.log(`${count} of ${rows.length} articles open with a dateline`);
  for (const [line, n] of [...lines].sort((a, b) => b[1] - a[1]).slice(0, Number(shown))) console.log(`${n}\t${line}`);
  db.close();
});
