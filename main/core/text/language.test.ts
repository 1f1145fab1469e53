import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { directionOf } from '../../../common/text/direction';
import { describeLanguage, describeScripts, detectDirection, detectLanguage, paragraphDirections } from './language';

const SEED = path.resolve(__dirname, '../../../../shared/data/seed/hurriya-2021-07-26.txt');

describe('language and direction', () => {
  it('detects the seed as Arabic, right to left', () => {
    const text = fs.readFileSync(SEED, 'utf8');
    expect(detectLanguage(text)).toBe('ar');
    expect(detectDirection(text)).toBe('rtl');
    expect(describeLanguage(text).mixed).toBe(false);
    expect(paragraphDirections(text)).toHaveLength(36);
    expect(paragraphDirections(text).every((p) => p.dir === 'rtl' && p.lang === 'ar')).toBe(true);
  });

  it('counts letters by script', () => {
    expect(describeScripts('قالت CNN 2021')).toEqual({ arabic: 4, latin: 3, other: 0 });
  });

  it('detects English, other Latin languages, Persian, other scripts, and no letters', () => {
    expect(detectLanguage('The president said that the talks were over.')).toBe('en');
    expect(detectLanguage('Le président a dit que les discussions sont terminées et que la paix est proche.')).toBe(
      'fr',
    );
    expect(detectLanguage('این یک متن فارسی است که در آن کلمات زیادی وجود دارد')).toBe('fa');
    expect(detectLanguage('Президент заявил')).toBe('ru');
    expect(detectLanguage('12345 !!!')).toBe('und');
  });

  it('decides direction by majority, first strong letter on ties', () => {
    expect(detectDirection('Biden بايدن')).toBe('ltr');
    expect(detectDirection('بايدن Biden')).toBe('rtl');
    expect(detectDirection('قال Joe Biden إن')).toBe('ltr');
    expect(detectDirection('2021')).toBe('ltr');
  });

  it('gives each paragraph its own direction and offsets', () => {
    const text = 'Hello world\n\n  مرحبا بكم في ميزان  \nThe end';
    expect(paragraphDirections(text)).toEqual([
      { start: 0, end: 11, dir: 'ltr', lang: 'en' },
      { start: 15, end: 33, dir: 'rtl', lang: 'ar' },
      { start: 36, end: 43, dir: 'ltr', lang: 'en' },
    ]);
  });

  it('flags mixed text', () => {
    expect(describeLanguage('قال الرئيس Joe Biden في خطاب').mixed).toBe(true);
  });

  it('knows the same right-to-left letters as the reader, and breaks ties as it does', () => {
    // Syriac and Thaana are right-to-left scripts, as the reader's directionOf says.
    expect(detectDirection('ܫܠܡܐ ܠܟܘܢ')).toBe('rtl');
    expect(detectDirection('ދިވެހި')).toBe('rtl');
    expect(detectDirection('ܫܠܡܐ')).toBe(directionOf('ܫܠܡܐ', 'ltr'));
    // As many letters each way: the first strong character decides, an explicit RLM included.
    expect(detectDirection('ab جد')).toBe('ltr');
    expect(detectDirection('\u200Fab جد')).toBe('rtl');
  });
});
