import { describe, expect, it } from 'vitest';
import { nameKey, sameName } from './names';

describe('sameName', () => {
  it('matches names across case, hamza forms, diacritics and spacing', () => {
    expect(sameName('Okaz', 'okaz')).toBe(true);
    expect(sameName('الأهرام', 'الاهرام')).toBe(true);
    expect(sameName('  تقارير   العراق ', 'تقاريرُ العراق')).toBe(true);
    expect(sameName('Café', 'cafe')).toBe(true);
  });
  it('keeps different names apart', () => {
    expect(sameName('العراق', 'عراق')).toBe(false);
    expect(sameName('Iraq 2021', 'Iraq 2020')).toBe(false);
    expect(nameKey('الأهرام')).not.toBe(nameKey('الأخبار'));
  });
});
