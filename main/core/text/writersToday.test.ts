import { describe, expect, it } from 'vitest';
import { findDates } from './dates';

// The joint forces' statement on a helicopter's emergency landing at Al-Tuwal, as four outlets stored it on
// Thursday 6 August 2015 (SaudiNewsNet): two reprint the wire's Wednesday text, one rewrote it the next day.
const REPRINT =
  'أصدرت قيادة القوات المشتركة اليوم بياناً أوضحت فيه أنه في صباح اليوم الأربعاء أجرت طائرة اباتشي تابعة للقوات البرية السعودية هبوطاً اضطرارياً.';
const BRACKETED =
  'أصدرت قيادة القوات المشتركة، اليوم (الأربعاء)، بياناً أوضحت فيه أنه في صباح اليوم أجرت طائرة اباتشي هبوطاً.';
const NEXT_DAY =
  'أصدرت قيادة القوات المشتركة امس بياناً أوضحت فيه أنه في صباح امس الأربعاء أجرت طائرة أباتشي هبوطاً اضطرارياً.';
const STORED = '2015-08-06';

const days = (text: string, reference = STORED) => findDates(text, { reference }).map((d) => [d.text, d.iso] as const);

describe("relative days against the writer's own today", () => {
  it("reads a reprint's اليوم as the day its text names, not the day it was stored", () => {
    expect(days(REPRINT)).toEqual([
      ['اليوم', '2015-08-05'],
      ['اليوم الأربعاء', '2015-08-05'],
    ]);
    expect(days(BRACKETED).map(([, iso]) => iso)).toEqual(['2015-08-05', '2015-08-05', '2015-08-05']);
  });

  it('leaves a text whose named day is the stored one alone: every outlet then tells one date', () => {
    expect(new Set(days(NEXT_DAY).map(([, iso]) => iso))).toEqual(new Set(['2015-08-05']));
    expect(days('Officials said today, Wednesday, that the road reopened.', '2015-08-05')).toEqual([
      ['today', '2015-08-05'],
      ['Wednesday', '2015-08-05'],
    ]);
  });

  it('keeps the stored date where the text disagrees with itself or names a day more than three days off', () => {
    const torn = 'قال اليوم الأربعاء إن الوفد وصل. وكان اليوم الخميس موعد اللقاء.';
    expect(days(torn).find(([t]) => t === 'اليوم الخميس')?.[1]).toBe('2015-08-06');
    // "next Wednesday" names no today.
    expect(days('اليوم نعلن أن الافتتاح الأربعاء المقبل').find(([t]) => t === 'اليوم')?.[1]).toBe(STORED);
    // Stored on a Saturday, "today, Wednesday" is three days back; stored on a Sunday, four: no reprint is that late.
    expect(days('أعلنت الوزارة اليوم بياناً، اليوم الأربعاء', '2015-08-08')[0]?.[1]).toBe('2015-08-05');
    expect(days('أعلنت الوزارة اليوم بياناً، اليوم الأربعاء', '2015-08-09')[0]?.[1]).toBe('2015-08-09');
    // Stored late on a Tuesday in another time zone: "today, Wednesday" is the next day.
    expect(days('أعلنت الوزارة اليوم بياناً، اليوم الأربعاء', '2015-08-04')[0]?.[1]).toBe('2015-08-05');
  });
});
