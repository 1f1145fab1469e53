import { describe, expect, it } from 'vitest';
import { directionOf, splitParagraphs } from './direction';

describe('directionOf', () => {
  it('takes the first strong character', () => {
    expect(directionOf('وقال بايدن، في تدوينة', 'ltr')).toBe('rtl');
    expect(directionOf('Biden said on Monday', 'rtl')).toBe('ltr');
    // Digits, punctuation and quotes are neutral: the first letter decides.
    expect(directionOf('2500 جندي', 'ltr')).toBe('rtl');
    expect(directionOf('“(26/7/2021)” Biden', 'rtl')).toBe('ltr');
    expect(directionOf('— «داعش»', 'ltr')).toBe('rtl');
  });
  it('sees through diacritics and tatweel, and knows Hebrew and Persian', () => {
    expect(directionOf('\u064Bـالْكَاظِمِي', 'ltr')).toBe('rtl');
    expect(directionOf('שלום', 'ltr')).toBe('rtl');
    expect(directionOf('کتاب', 'ltr')).toBe('rtl');
    expect(directionOf('Привет', 'rtl')).toBe('ltr');
  });
  it('honours explicit marks and falls back when there is no letter', () => {
    expect(directionOf('\u200F2021', 'ltr')).toBe('rtl');
    expect(directionOf('\u200E2021 عام', 'rtl')).toBe('ltr');
    expect(directionOf('2021 – 26/7', 'rtl')).toBe('rtl');
    expect(directionOf('', 'ltr')).toBe('ltr');
  });
});

describe('splitParagraphs', () => {
  it('makes one paragraph per non-blank line, whatever the line ends', () => {
    expect(splitParagraphs('أ\r\nب\n\n  \nc\rd\u2029e')).toEqual(['أ', 'ب', 'c', 'd', 'e']);
  });
});
