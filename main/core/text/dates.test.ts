import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findDates, parseDate } from './dates';

const SEED = path.resolve(__dirname, '../../../../shared/data/seed/hurriya-2021-07-26.txt');

function parsed(s: string, reference?: string): [string, string] | null {
  const d = parseDate(s, reference === undefined ? undefined : { reference });
  return d === null ? null : [d.iso, d.precision];
}

describe('parseDate', () => {
  it('parses numeric dates, day first', () => {
    expect(parsed('26/7/2021')).toEqual(['2021-07-26', 'day']);
    expect(parsed('(26/7/2021)')).toEqual(['2021-07-26', 'day']);
    expect(parsed('26-7-2021')).toEqual(['2021-07-26', 'day']);
    expect(parsed('26.07.2021')).toEqual(['2021-07-26', 'day']);
    expect(parsed('3/4/2021')).toEqual(['2021-04-03', 'day']);
    expect(parsed('7/26/2021')).toEqual(['2021-07-26', 'day']);
    expect(parsed('٢٦/٧/٢٠٢١')).toEqual(['2021-07-26', 'day']);
    expect(parsed('2021-07-26')).toEqual(['2021-07-26', 'day']);
    expect(parsed('2015-07-21T10:00:00Z')).toEqual(['2015-07-21', 'day']);
  });

  it('takes a machine-written date and time as one date (a SaudiNewsNet date field)', () => {
    expect(parseDate('2015-07-21 02:51:32')).toEqual({
      iso: '2015-07-21',
      precision: 'day',
      start: 0,
      end: 19,
      text: '2015-07-21 02:51:32',
    });
    expect(parseDate(' 2010-08-13T23:30:00-05:00 ')).toMatchObject({ iso: '2010-08-13', start: 1, end: 26 });
    expect(parsed('2015-02-29 10:00:00')).toBeNull();
    expect(parsed('2015-07-21 25')).toBeNull();
  });

  it('rejects impossible dates', () => {
    expect(parsed('31/2/2021')).toBeNull();
    expect(parsed('29/2/2021')).toBeNull();
    expect(parsed('29/2/2020')).toEqual(['2020-02-29', 'day']);
    expect(parsed('2021-13-01')).toBeNull();
    expect(parsed('32 تموز 2021')).toBeNull();
    expect(parsed('hello')).toBeNull();
  });

  it('parses the three Arabic month systems and English months', () => {
    expect(parsed('26 تموز 2021')).toEqual(['2021-07-26', 'day']);
    expect(parsed('26 يوليو 2021')).toEqual(['2021-07-26', 'day']);
    expect(parsed('26 جويلية 2021')).toEqual(['2021-07-26', 'day']);
    expect(parsed('1 كانون الثاني 2020')).toEqual(['2020-01-01', 'day']);
    expect(parsed('15 تشرين الأول 2019')).toEqual(['2019-10-15', 'day']);
    expect(parsed('3 جانفي 2020')).toEqual(['2020-01-03', 'day']);
    expect(parsed('أوت 2020')).toEqual(['2020-08', 'month']);
    expect(parsed('١٥ أغسطس ٢٠١٥')).toEqual(['2015-08-15', 'day']);
    expect(parsed('July 26, 2021')).toEqual(['2021-07-26', 'day']);
    expect(parsed('26 July 2021')).toEqual(['2021-07-26', 'day']);
    expect(parsed('Sept. 2015')).toEqual(['2015-09', 'month']);
  });

  it('parses paired month forms with month precision', () => {
    expect(parsed('نيسان/أبريل 2021')).toEqual(['2021-04', 'month']);
    expect(parsed('مارس/آذار 2021')).toEqual(['2021-03', 'month']);
    expect(parsed('نيسان/أبريل', '2021-07-26')).toEqual(['2021-04', 'month']);
    // A pair that disagrees is not one month.
    expect(parsed('نيسان/مايو 2021')).toBeNull();
  });

  it('needs a reference for relative words', () => {
    expect(parsed('أمس')).toBeNull();
    expect(parsed('أمس', '2021-07-26')).toEqual(['2021-07-25', 'day']);
    expect(parsed('غداً', '2021-07-26')).toEqual(['2021-07-27', 'day']);
    expect(parsed('أول أمس', '2021-07-26')).toEqual(['2021-07-24', 'day']);
    expect(parsed('يوم الخميس', '2021-07-26')).toEqual(['2021-07-22', 'day']);
    expect(parsed('الخميس المقبل', '2021-07-26')).toEqual(['2021-07-29', 'day']);
    expect(parsed('الاثنين الماضي', '2021-07-26')).toEqual(['2021-07-19', 'day']);
    expect(parsed('yesterday', '2021-07-26')).toEqual(['2021-07-25', 'day']);
    expect(parsed('last Friday', '2021-07-26')).toEqual(['2021-07-23', 'day']);
    expect(parsed('الشهر الماضي', '2021-01-10')).toEqual(['2020-12', 'month']);
    expect(parsed('العام المقبل', '2021-07-26')).toEqual(['2022', 'year']);
  });
});

describe('findDates', () => {
  it('gives a weekday the day of the date written after it, even in the week after the reference', () => {
    // The coalition's truce, announced on Saturday 25 July 2015 (SaudiNewsNet, الرياض and الوئام).
    const truce = findDates(
      'هدنة لمدة خمسة أيام اعتباراً من يوم الأحد (10/شوال / 1436هـ ) الموافق (26/7/2015م) الساعة',
      {
        reference: '2015-07-25',
      },
    );
    expect(truce.map((f) => [f.text, f.iso])).toEqual([
      ['يوم الأحد', '2015-07-26'],
      ['10/شوال / 1436هـ', '2015-07-26'],
      ['26/7/2015م', '2015-07-26'],
    ]);
    // A date of another weekday says nothing about which Sunday: the reference decides.
    const other = findDates('وصل يوم الأحد، 2015/7/22', { reference: '2015-07-25' });
    expect(other.map((f) => f.iso)).toEqual(['2015-07-19', '2015-07-22']);
  });

  it('reads a day and year written with slashes around the month name', () => {
    // President Hadi's letter to King Salman, as the coalition's statement quotes it (SaudiNewsNet, 25 July 2015).
    const found = findDates('وأود أن أشير إلى كتابي لمقامكم بتاريخ 7 / يوليو /2015 م والذي طلبت فيه');
    expect(found.map((f) => [f.text, f.iso, f.precision])).toEqual([['7 / يوليو /2015 م', '2015-07-07', 'day']]);
    // Nisan/April stays one month, not a day and a year.
    expect(findDates('في 3 نيسان/أبريل 2021').map((f) => [f.text, f.iso])).toEqual([
      ['3 نيسان/أبريل 2021', '2021-04-03'],
    ]);
  });

  it('finds every date in the seed article with the right ISO value', () => {
    const text = fs.readFileSync(SEED, 'utf8');
    const found = findDates(text, { reference: '2021-07-26' });
    for (const f of found) expect(text.slice(f.start, f.end)).toBe(f.text);
    expect(found.map((f) => [f.text, f.iso, f.precision])).toEqual([
      ['26/7/2021', '2021-07-26', 'day'],
      ['اليوم الاثنين', '2021-07-26', 'day'],
      ['26 تموز 2021', '2021-07-26', 'day'],
      ['اليوم', '2021-07-26', 'day'], // بعد ظهر اليوم
      ['الإثنين', '2021-07-26', 'day'],
      ['ظهر الإثنين', '2021-07-26', 'day'],
      ['نيسان/أبريل', '2021-04', 'month'],
      ['الشهر الماضي', '2021-06', 'month'],
      ['مارس/آذار', '2021-03', 'month'],
      ['العام الماضي', '2020', 'year'],
      ['11 سبتمبر عام 2001', '2001-09-11', 'day'],
      ['عام 2014', '2014', 'year'],
      ['عام 2011', '2011', 'year'],
      ['اليوم', '2021-07-26', 'day'], // في وقت سابق من اليوم
      ['25 تموز 2021', '2021-07-25', 'day'],
      ['25 تموز 2021', '2021-07-25', 'day'],
      ['العام الجاري', '2021', 'year'],
      ['الخميس', '2021-07-22', 'day'],
      ['الإثنين', '2021-07-26', 'day'],
      ['الخميس', '2021-07-22', 'day'],
      ['والجمعة', '2021-07-23', 'day'],
      ['اليوم', '2021-07-26', 'day'], // مع العراق اليوم
    ]);
  });

  it('finds numeric dates in the seed without a reference and skips relative words', () => {
    const text = fs.readFileSync(SEED, 'utf8');
    expect(findDates(text).map((f) => f.iso)).toEqual([
      '2021-07-26',
      '2021-07-26',
      '2001-09-11',
      '2014',
      '2011',
      '2021-07-25',
      '2021-07-25',
    ]);
  });

  it('does not take quantities, Hijri years or ordinary words for dates', () => {
    expect(findDates('بلغ عدد القوات 2500 جندي من أصل 3000 جندي', { reference: '2021-07-26' })).toEqual([]);
    expect(findDates('عام 1436 هـ', { reference: '2015-07-21' })).toEqual([]);
    expect(findDates('مارس الضغط على الأب', { reference: '2021-07-26' })).toEqual([]);
    expect(
      findDates('اجتمع الاثنان وقال أحد المسؤولين إن الاثنين متفقان', { reference: '2021-07-26' }).map((f) => f.text),
    ).toEqual([]);
    expect(findDates('اليوم العالمي للمرأة', { reference: '2021-07-26' })).toEqual([]);
  });

  it('reports spans in the original text', () => {
    const text = 'وصل في ٢٥ تموز ٢٠٢١م.';
    const [d] = findDates(text);
    expect(d).toMatchObject({ iso: '2021-07-25', precision: 'day', start: 7, end: 20, text: '٢٥ تموز ٢٠٢١م' });
  });
});
