/**
 * How many articles of a library name a day of their own ("اليوم الأربعاء", "أمس الخميس") other than the
 * stored date (text/writersToday.ts), by how many days, with examples to read:
 * `node scripts/countWritersToday.js LIBRARY.db [N]` after `npm run build`.
 */
'use strict';
const sqlite3 = require('sqlite3');
const { foldWithOffsets } = require('../dist/common/text/normalize.js');
const { parseReference, toDays } = require('../dist/main/core/text/calendar.js');
const { writersToday } = require('../dist/main/core/text/writersToday.js');

const [file, shown = '20'] = process.argv.slice(2);
if (!file) {
  console.error('usage: node scripts/countWritersToday.js LIBRARY.db [N]');
  process.exit(2);
}
const db = new sqlite3.Database(file, sqlite3.OPEN_READONLY);
db.all(
  `SELECT a.id, a.body, a.published_iso AS day, s.name AS outlet FROM articles a LEFT JOIN sources s ON s.id = a.source_id
   WHERE a.published_precision = 'day'`,
  (err, rows) => {
    if (err) throw err;
    const shifts = new Map();
    const examples = [];
    for (const { id, body, day, outlet } of rows) {
      const ref = parseReference(day);
      const today = writersToday(foldWithOffsets(body).folded, ref);
      if (today === ref) continue;
      const shift = toDays(today) - toDays(ref);
      shifts.set(shift, (shifts.get(shift) ?? 0) + 1);
      if (examples.length < Number(shown)) {
        const at = body.search(/(?:اليوم|أمس|امس|غدا|today|yesterday|tomorrow)\s*[(,،]?\s*(?:ال|on\s+)?\p{L}+/iu);
        examples.push(
          `${id}\t${outlet}\t${day}\t${shift}\t${body.slice(Math.max(0, at - 40), at + 50).replace(/\s+/gu, ' ')}`,
        );
      }
    }
    const moved = [...shifts.values()].reduce((a, b) => a + b, 0);
    console.log(`${moved} of ${rows.length} articles name a day of their own other than the stored one`);
    for (const [shift, n] of [...shifts].sort((a, b) => a[0] - b[0]))
      console.log(`  ${shift > 0 ? '+' : ''}${shift} day(s): ${n}`);
    for (const line of examples) console.log(line);
    db.close();
  },
);
