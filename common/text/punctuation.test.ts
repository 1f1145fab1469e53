import { describe, expect, it } from 'vitest';
import { arabicPunctuation } from './punctuation';

describe('arabicPunctuation', () => {
  it('writes Arabic comma, semicolon and question mark after Arabic words', () => {
    expect(arabicPunctuation('بايدن, الكاظمي; والعراق?')).toBe('بايدن، الكاظمي؛ والعراق؟');
    expect(arabicPunctuation('هل انتهت المهمة القتالية?')).toBe('هل انتهت المهمة القتالية؟');
    expect(arabicPunctuation('«داعش», ثم')).toBe('«داعش»، ثم');
  });
  it('leaves numbers and Latin text alone', () => {
    expect(arabicPunctuation('2,500 جندي')).toBe('2,500 جندي');
    expect(arabicPunctuation('Biden, Kadhimi; Iraq?')).toBe('Biden, Kadhimi; Iraq?');
    expect(arabicPunctuation('Iraq, العراق')).toBe('Iraq, العراق');
  });
});
