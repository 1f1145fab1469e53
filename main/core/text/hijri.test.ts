import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { sharedData } from '../../../tests/support/paths';
import { findDates } from './dates';
import { formatHijri, hijriToIso, isoToHijri } from './hijri';

const hijriOf = (text: string, reference?: string) =>
  findDates(text, reference ? { reference } : undefined)
    .filter((d) => d.calendar === 'islamic-umalqura')
    .map((d) => [d.text, d.iso]);

// 1 Shawwal 1436 (Eid al-Fitr) was Friday 17 July 2015 in Saudi Arabia; the
// expected days below count from it or are the sentence's own Gregorian twin.
describe('Hijri dates in SaudiNewsNet sentences', () => {
  it('reads a named month with its twin, both to the same day', () => {
    // 2015-07-27.json.gz #1128
    const s = 'وذلك يوم الخميس 12 من ذي القعدة ١٤٣٦هـ، الموافق 27 أغسطس 2015م. وذلك بحضور وزير الخدمة المدنية';
    const dates = findDates(s);
    expect(dates.filter((d) => d.precision === 'day').map((d) => [d.text, d.iso, d.calendar ?? 'gregorian'])).toEqual([
      ['12 من ذي القعدة ١٤٣٦هـ', '2015-08-27', 'islamic-umalqura'],
      ['27 أغسطس 2015م', '2015-08-27', 'gregorian'],
    ]);
  });

  it('reads the bracketed and slashed forms papers print', () => {
    // 2015-08-07.json.gz #884 and 2015-07-25.json.gz #363
    expect(hijriOf('وتسري عروض هذا الأسبوع ابتداءً من الخميس (21) شوال  1436ه الموافق 6 أغسطس 2015')).toEqual([
      ['21) شوال  1436ه', '2015-08-06'],
    ]);
    expect(
      hijriOf('هدنة إنسانية لمدة خمسة أيام اعتباراً من يوم الأحد (10/شوال / 1436هـ ) الموافق (26/7/2015م)'),
    ).toEqual([['10/شوال / 1436هـ', '2015-07-26']]);
  });

  it('reads numeric Hijri days, and never as a Gregorian day in the year 1436', () => {
    // 2015-07-31.json.gz #901: registration from Sunday 15-11-1436 to Thursday 4-12-1436.
    const s = 'سيبدأ تسجيل المرشحين اعتباراً من يوم الأحد 15-11-1436هـ وينتهي يوم الخميس 4-12-1436 هـ ولمدة «17» يوماً.';
    const dates = findDates(s).filter((d) => d.precision === 'day');
    expect(dates.map((d) => [d.iso, d.calendar])).toEqual([
      ['2015-08-30', 'islamic-umalqura'],
      ['2015-09-17', 'islamic-umalqura'],
    ]);
    expect(new Date(`${dates[0]!.iso}T00:00:00Z`).getUTCDay()).toBe(0); // the sentence's Sunday
    expect(new Date(`${dates[1]!.iso}T00:00:00Z`).getUTCDay()).toBe(4); // and Thursday
    expect(hijriOf('بدأ من 2/10/1436ه وحتى نهاية يوم 14/10/1436')).toEqual([
      ['2/10/1436ه', '2015-07-18'],
      ['14/10/1436', '2015-07-30'],
    ]);
  });

  it('reads day / month / year written with spaces around the slashes, in both calendars', () => {
    // عين اليوم, 2015-08-06, the Saudi–Jordanian statement (SaudiNewsNet)
    const s = 'الذي عقده جلالة الملك عبدالله الثاني يوم الثلاثاء 19 / 10 / 1436هـ الموافق 4 / 8 / 2015م.';
    const dates = findDates(s, { reference: '2015-08-06' });
    expect(dates.map((d) => [d.text, d.iso, d.calendar ?? 'gregorian'])).toEqual([
      ['يوم الثلاثاء', '2015-08-04', 'gregorian'],
      ['19 / 10 / 1436هـ', '2015-08-04', 'islamic-umalqura'],
      ['4 / 8 / 2015م', '2015-08-04', 'gregorian'],
    ]);
  });

  it('reads epithets and غرة, takes a year-less day near the reference, and leaves a score alone', () => {
    expect(hijriOf('يبدأ الدوام غرة شوال 1436 هـ')).toEqual([['غرة شوال 1436 هـ', '2015-07-17']]);
    expect(hijriOf('في 28 رمضان المبارك 1436هـ')).toEqual([['28 رمضان المبارك 1436هـ', '2015-07-15']]);
    // Joined ذو; the day is 2015-07-27.json.gz #390's twin ("23 ذي القعدة 1436ه, الموافق 7 سبتمبر 2015م").
    expect(hijriOf('يوم 23 ذوالقعدة 1436هـ')).toEqual([['23 ذوالقعدة 1436هـ', '2015-09-07']]);
    expect(hijriOf('حتى 26 شوال', '2015-07-22')).toEqual([['26 شوال', '2015-08-11']]);
    expect(hijriOf('حتى 26 شوال')).toEqual([]); // no year, no reference
    expect(hijriOf('فاز الهلال 3 صفر على الشباب', '2015-07-22')).toEqual([]);
    expect(hijriOf('في 31 شوال 1436هـ')).toEqual([]); // no month has 31 days
  });

  it('converts both ways with the Umm al-Qura tables', () => {
    expect(hijriToIso(1436, 9, 1)).toBe('2015-06-18'); // 1 Ramadan 1436
    expect(hijriToIso(1436, 10, 1)).toBe('2015-07-17');
    expect(isoToHijri('2015-07-26T09:00:00Z')).toEqual({ year: 1436, month: 10, day: 10 });
    expect(formatHijri('2015-08-27')).toBe('12 ذو القعدة 1436 هـ');
    expect(isoToHijri('2015-02-30')).toBeNull();
  });
});

interface FixtureRow {
  file: string;
  id: number;
  date: string;
  twin: string;
  expected: string;
  icuUmalqura: string;
}

describe('SaudiNewsNet fixture: Hijri days against the article’s own Gregorian twin', () => {
  it('parses at least 98 % to the twin’s day', () => {
    const rows = JSON.parse(
      readFileSync(resolve(__dirname, '../../../tests/fixtures/hijriSaudi.json'), 'utf8'),
    ) as FixtureRow[];
    expect(rows.length).toBeGreaterThanOrEqual(200);
    const files = new Map<string, Array<{ content?: string }>>();
    let right = 0;
    const misses: string[] = [];
    for (const row of rows) {
      if (!files.has(row.file))
        files.set(row.file, JSON.parse(gunzipSync(readFileSync(sharedData('saudinewsnet', row.file))).toString()));
      const body = files.get(row.file)![row.id]?.content ?? '';
      const at = body.indexOf(row.date);
      expect(at, `${row.file} #${row.id}`).toBeGreaterThanOrEqual(0);
      const found = findDates(body).find((d) => d.calendar && d.start <= at && at < d.end);
      if (found?.iso === row.expected) right++;
      else misses.push(`${row.file} #${row.id} ${row.date}: ${found?.iso ?? 'none'}, twin ${row.expected}`);
    }
    console.log(`Hijri fixture: ${right}/${rows.length} = ${((100 * right) / rows.length).toFixed(2)} %`);
    console.log(misses.join('\n'));
    expect(right / rows.length).toBeGreaterThanOrEqual(0.98);
  });
});
