import { describe, expect, it } from 'vitest';
import { addDays, parseReference, toDays, weekdayOfDays } from './calendar';

describe('calendar day arithmetic', () => {
  it('names the weekday of a day before and after 1970 (0 = Sunday)', () => {
    const weekday = (iso: string) => weekdayOfDays(toDays(parseReference(iso)!));
    expect(weekday('1970-01-01')).toBe(4);
    expect(weekday('1969-12-31')).toBe(3);
    expect(weekday('2015-07-22')).toBe(3); // a Wednesday: the 125 judges' order
    expect(weekday('2016-02-29')).toBe(1);
    expect(weekday('1900-03-01')).toBe(4);
  });

  it('adds days across a leap day and a year', () => {
    expect(addDays({ y: 2016, m: 2, d: 28 }, 1)).toBe('2016-02-29');
    expect(addDays({ y: 2015, m: 12, d: 31 }, 1)).toBe('2016-01-01');
    expect(addDays({ y: 2015, m: 3, d: 1 }, -1)).toBe('2015-02-28');
  });
});
