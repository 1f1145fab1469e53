/**
 * Quotations' speakers of two builds side by side, with the CPU time of `extractFacts` in each:
 * `node scripts/compareSpeakers.js LIBRARY.db OTHER_ROOT [SHOWN]` after `npm run build` here and in OTHER_ROOT.
 * Reads the articles whose id is 3 mod 10; a statement is the same in both builds when its text starts and ends at
 * the same offsets. Prints how many gain a name, change it, lose it, the statements only one build finds (new, gone),
 * and SHOWN of each (default 40).
 */
'use strict';
const path = require('path');
const sqlite3 = require('sqlite3');

const [file, otherRoot, shown = '40'] = process.argv.slice(2);
if (!file || !otherRoot) {
  console.error('usage: node scripts/compareSpeakers.js LIBRARY.db OTHER_ROOT [SHOWN]');
  process.exit(2);
}

function build(root) {
  const dist = path.resolve(root, 'dist/main/core/compare');
  return { facts: require(`${dist}/facts.js`), prepare: require(`${dist}/prepare.js`) };
}
const builds = { before: build(otherRoot), after: build(path.join(__dirname, '..')) };

const db = new sqlite3.Database(file, sqlite3.OPEN_READONLY);
db.all(
  'SELECT id, body, title, published_iso AS day, lang FROM articles WHERE id % 10 = 3 ORDER BY id',
  (err, rows) => {
    if (err) throw err;
    const cpu = { before: 0, after: 0 };
    const wall = { before: 0, after: 0 };
    const speakers = { before: [], after: [] };
    const run = (name, row) => {
      const { facts, prepare } = builds[name];
      const t0 = process.cpuUsage();
      const w0 = process.hrtime.bigint();
      const options = { lang: row.lang, title: row.title, ...(row.day ? { reference: row.day.slice(0, 10) } : {}) };
      const out = facts.extractFacts(prepare.prepareText(row.body), options);
      const t = process.cpuUsage(t0);
      cpu[name] += (t.user + t.system) / 1e6;
      wall[name] += Number(process.hrtime.bigint() - w0) / 1e9;
      return out.quotes;
    };
    // Each build once outside the timing: the tagger's weights load on first use.
    run('before', rows[0]);
    run('after', rows[0]);
    cpu.before = cpu.after = wall.before = wall.after = 0;
    const changes = { gained: [], changed: [], lost: [], new: [], gone: [] };
    let statements = 0;
    rows.forEach((row, i) => {
      // Alternate the order so neither build always runs on a warm cache.
      const [first, second] = i % 2 ? ['before', 'after'] : ['after', 'before'];
      const quotes = { [first]: run(first, row), [second]: run(second, row) };
      const before = new Map(quotes.before.map((q) => [`${q.start}:${q.end}`, q]));
      const after = new Map(quotes.after.map((q) => [`${q.start}:${q.end}`, q]));
      const sentence = (q) => row.body.slice(Math.max(0, q.start - 160), q.start + 40).replace(/\s+/gu, ' ');
      for (const [at, q] of before)
        if (!after.has(at)) changes.gone.push({ id: row.id, was: q.speakerName, now: null, sentence: sentence(q) });
      for (const [at, q] of after) {
        const b = before.get(at);
        if (!b) {
          changes.new.push({ id: row.id, was: null, now: q.speakerName, sentence: sentence(q) });
          continue;
        }
        statements++;
        const was = b.speakerName;
        const now = q.speakerName;
        if (was === now) continue;
        const item = { id: row.id, was, now, sentence: sentence(q) };
        if (!was) changes.gained.push(item);
        else if (!now) changes.lost.push(item);
        else changes.changed.push(item);
      }
    });
    console.log(`${rows.length} articles, ${statements} statements found by both builds`);
    for (const name of ['before', 'after'])
      console.log(`extractFacts ${name}: ${cpu[name].toFixed(2)} s CPU, ${wall[name].toFixed(2)} s wall`);
    for (const [kind, list] of Object.entries(changes)) {
      console.log(`\n${list.length} ${kind}`);
      for (const c of list.slice(0, Number(shown)))
        console.log(`${c.id}\t${c.was ?? '-'} -> ${c.now ?? '-'}\t…${c.sentence}`);
    }
    db.close();
  },
);
