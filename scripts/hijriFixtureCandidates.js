/**
 * Lists SaudiNewsNet articles that give a Hijri day with its Gregorian twin
 * ("10 شوال 1436هـ الموافق 26 يوليو 2015م"), for tests/fixtures/hijriSaudi.json.
 * Independent of the parser under test: a broad pattern finds the Hijri date,
 * the twin is read by the small Gregorian table below, and the Hijri day is
 * cross-checked with ICU's Umm al-Qura calendar (Intl), not @internationalized/date.
 * Writes the fixture's JSON (file, record index, the Hijri date as written,
 * the twin as written, the twin's day, and ICU's Hijri reading of that day):
 *   node scripts/hijriFixtureCandidates.js > tests/fixtures/hijriSaudi.json && npx prettier --write tests/fixtures/hijriSaudi.json
 */
'use strict';
const fs = require('fs');
const zlib = require('zlib');
const path = require('path');

const dir = process.argv[2] || path.join(__dirname, '../../shared/data/saudinewsnet');
/** The fold below, with each folded character's offset in the original. */
function foldMapped(s) {
  let out = '';
  const at = [];
  for (let i = 0; i < s.length; i++) {
    if (/[\u064b-\u065f\u0670\u0640]/.test(s[i])) continue;
    out += s[i];
    at.push(i);
  }
  return { folded: fold(out), at };
}
const fold = (s) =>
  s
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ى/g, 'ي')
    .replace(/ة/g, 'ه')
    .replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x660));
const GREG = {
  يناير: 1,
  فبراير: 2,
  مارس: 3,
  ابريل: 4,
  مايو: 5,
  يونيو: 6,
  يونيه: 6,
  يوليو: 7,
  يوليه: 7,
  اغسطس: 8,
  سبتمبر: 9,
  اكتوبر: 10,
  نوفمبر: 11,
  ديسمبر: 12,
  'كانون الثاني': 1,
  شباط: 2,
  اذار: 3,
  نيسان: 4,
  ايار: 5,
  حزيران: 6,
  تموز: 7,
  اب: 8,
  ايلول: 9,
  'تشرين الاول': 10,
  'تشرين الثاني': 11,
  'كانون الاول': 12,
};
const HMONTH = /(محرم|صفر|ربيع|جماد|رجب|شعبان|رمضان|شوال|القعده|الحجه)/;
// A day (or غره), up to four words holding a Hijri month name, a 13xx/14xx year, then ه; or a numeric d/m/14xx.
const BROAD =
  /(?<![\p{L}\p{N}])(?:(?:\d{1,2}|غره)\s*(?:[^\s\d]+\s+){1,4}?(?:[^\s\d]+\s+)?(?:من\s+)?(?:عام\s+|لعام\s+)?1[34]\d\d|\d{1,2}\/\d{1,2}\/1[34]\d\d)\s*ه(?![\p{L}])/gu;
const TWIN = new RegExp(
  `^\\s*[,،)(]?\\s*(?:و?الموافق|و?يوافق|الموافق\\s+ل)\\s*[(]?\\s*(?:(\\d{1,2})\\s+(?:من\\s+)?(${Object.keys(GREG)
    .sort((a, b) => b.length - a.length)
    .join('|')})\\s*,?\\s*(?:عام\\s+)?(20\\d\\d|19\\d\\d)|(\\d{1,2})[/-](\\d{1,2})[/-](20\\d\\d|19\\d\\d))(?![\\d/-])`,
  'u',
);
const icu = new Intl.DateTimeFormat('en-u-ca-islamic-umalqura-nu-latn', {
  timeZone: 'UTC',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
});
const hijriOf = (iso) => {
  const p = Object.fromEntries(icu.formatToParts(new Date(`${iso}T12:00:00Z`)).map((x) => [x.type, x.value]));
  return `${parseInt(p.year)}-${p.month}-${p.day}`;
};
const pad = (n) => String(n).padStart(2, '0');
const seen = new Set();
const rows = [];
for (const f of fs
  .readdirSync(dir)
  .filter((x) => x.endsWith('.json.gz'))
  .sort()) {
  const arr = JSON.parse(zlib.gunzipSync(fs.readFileSync(path.join(dir, f))));
  arr.forEach((a, i) => {
    const text = a.content || '';
    const { folded, at } = foldMapped(text);
    for (const m of folded.matchAll(BROAD)) {
      if (!/\d\/\d/.test(m[0]) && !HMONTH.test(m[0])) continue;
      const t = TWIN.exec(folded.slice(m.index + m[0].length, m.index + m[0].length + 60));
      if (!t) continue;
      const iso = t[1] ? `${t[3]}-${pad(GREG[t[2]])}-${pad(t[1])}` : `${t[6]}-${pad(t[5])}-${pad(t[4])}`;
      const key = `${m[0]}|${iso}|${folded.slice(0, 80)}`;
      if (seen.has(key)) continue; // the same story syndicated to several outlets counts once
      seen.add(key);
      const written = text.slice(at[m.index], at[m.index + m[0].length - 1] + 1);
      const twin = text.slice(at[m.index + m[0].length], at[m.index + m[0].length + t[0].length - 1] + 1).trim();
      rows.push({ file: f, id: i, date: written, twin, expected: iso, icuUmalqura: hijriOf(iso) });
      return; // one date per article
    }
  });
}
process.stdout.write(`[\n${rows.map((r) => JSON.stringify(r)).join(',\n')}\n]\n`);
