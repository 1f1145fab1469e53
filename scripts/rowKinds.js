/**
 * The comparison's row kinds (shared / reworded / unique) over a library's largest stories, and with a second
 * build, the rows whose kind differs between the two with their texts, for reading:
 * `node scripts/rowKinds.js LIBRARY.db [STORIES] [--against OTHER_REPO]` after `npm run build` (in both repos).
 */
'use strict';
const { join } = require('node:path');
const sqlite3 = require('sqlite3');

const args = process.argv.slice(2);
const against = args.includes('--against') ? args[args.indexOf('--against') + 1] : undefined;
const [file, stories = '200'] = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--against');
if (!file) {
  console.error('usage: node scripts/rowKinds.js LIBRARY.db [STORIES] [--against OTHER_REPO]');
  process.exit(2);
}

function build(repo) {
  const dist = join(repo, 'dist', 'main', 'core', 'compare');
  const { prepareText } = require(join(dist, 'prepare.js'));
  const { alignTexts } = require(join(dist, 'align.js'));
  return (bodies) => alignTexts(bodies.map((b) => prepareText(b))).rows;
}

const SQL = `SELECT m.cluster_id AS story, a.body FROM cluster_members m JOIN articles a ON a.id = m.article_id
  WHERE m.cluster_id IN (SELECT m2.cluster_id FROM cluster_members m2 JOIN articles a2 ON a2.id = m2.article_id
    GROUP BY m2.cluster_id HAVING count(DISTINCT a2.source_id) BETWEEN 2 AND 8 ORDER BY count(*) DESC LIMIT ?)
  ORDER BY m.cluster_id, a.id`;

const db = new sqlite3.Database(file, sqlite3.OPEN_READONLY);
db.all(SQL, [Number(stories)], (err, rows) => {
  if (err) throw err;
  const byStory = new Map();
  for (const r of rows) byStory.set(r.story, [...(byStory.get(r.story) ?? []), r.body]);
  const builds = [['this', build(join(__dirname, '..'))], ...(against ? [['other', build(against)]] : [])];
  const totals = builds.map(() => ({ shared: 0, reworded: 0, unique: 0 }));
  const changed = [];
  for (const bodies of byStory.values()) {
    const all = builds.map(([, align]) => align(bodies));
    all.forEach((rs, b) => rs.forEach((row) => totals[b][row.kind]++));
    if (all.length < 2) continue;
    // Rows matched by their first carrier's first sentence, which both builds split alike.
    const key = (row) => row.cells.map((c) => c.join(',')).join('|');
    const other = new Map(all[1].map((row) => [key(row), row.kind]));
    for (const row of all[0]) {
      const was = other.get(key(row));
      if (was !== undefined && was !== row.kind) {
        const at = row.cells.findIndex((c) => c.length > 0);
        const s = bodies[at] ? prepareText0(bodies[at], row.cells[at][0]) : '';
        changed.push(`${was} → ${row.kind}\t${s}`);
      }
    }
  }
  console.log(`${byStory.size} stories of 2-8 outlets`);
  builds.forEach(([name], b) => console.log(`${name}\t${JSON.stringify(totals[b])}`));
  if (against) {
    console.log(`${changed.length} rows changed kind`);
    for (const line of changed) console.log(line);
  }
  db.close();
});

function prepareText0(body, sentence) {
  const { prepareText } = require(join(__dirname, '..', 'dist', 'main', 'core', 'compare', 'prepare.js'));
  const s = prepareText(body).sentences[sentence];
  return s ? body.slice(s.start, s.end).replace(/\s+/g, ' ').slice(0, 160) : '';
}
