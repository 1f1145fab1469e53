/**
 * The reading order the PDF reader rebuilds from items as a PDF draws them
 * (left to right on the page, each item's own text already in logical
 * order, as PDF.js gives it): Arabic lines with numbers, dates, brackets,
 * English and URLs read as they were written.
 */
import { describe, expect, it } from 'vitest';
import { lineText, type Bidi, type Placed } from '../../main/core/importers/pdfLines';

/** Items laid side by side from x = 100, a 3 pt gap where `gap` says, 10 pt font. */
function drawn(...parts: Array<[string, Bidi] | 'gap'>): Placed[] {
  const items: Placed[] = [];
  let x = 100;
  for (const part of parts) {
    if (part === 'gap') {
      x += 3;
      continue;
    }
    const [text, bidi] = part;
    const width = text.length * 5;
    items.push({ text, left: x, right: x + width, baseline: 700, size: 10, bidi });
    x += width;
  }
  // Drawing order is not reading order: the reader sorts by position.
  return items.reverse();
}

describe('lineText', () => {
  it('reads a right-to-left line from the right, numbers left to right', () => {
    const line = drawn(['جندي', 'R'], 'gap', ['2500', 'EN'], 'gap', ['حوالي', 'R']);
    expect(lineText(line, true)).toBe('حوالي 2500 جندي');
  });

  it('keeps a date and its brackets in order in an Arabic line', () => {
    // "تدوينة (26 تموز 2021)، انه": brackets drawn reflected, alone, as Mizan draws them.
    const line = drawn(
      ['، انه', 'R'],
      [')', 'N'],
      ['2021', 'EN'],
      'gap',
      ['تموز', 'R'],
      'gap',
      ['26', 'EN'],
      ['(', 'N'],
      'gap',
      ['تدوينة', 'R'],
    );
    expect(lineText(line, true)).toBe('تدوينة (26 تموز 2021)، انه');
  });

  it('joins a number cut at its separators', () => {
    const line = drawn(['26', 'EN'], ['/', 'N'], ['7', 'EN'], ['/', 'N'], ['2021', 'EN'], 'gap', ['حرية', 'R']);
    expect(lineText(line, true)).toBe('حرية 26/7/2021');
  });

  it('keeps English and the number that follows it as one left-to-right run in an Arabic line', () => {
    const line = drawn(['صحيفة', 'R'], 'gap', ['Time Warner', 'L'], 'gap', ['2005', 'EN'], 'gap', ['قالت', 'R']);
    expect(lineText(line, true)).toBe('قالت Time Warner 2005 صحيفة');
  });

  it('reads a URL with an Arabic path in logical order in an Arabic paragraph', () => {
    const line = drawn(['.html?weekly', 'L'], ['في-سوريا', 'R'], ['تركيا-تقصف-', 'R'], ['http://x.sa/620856/', 'L']);
    expect(lineText(line, true)).toBe('http://x.sa/620856/تركيا-تقصف-في-سوريا.html?weekly');
  });

  it('reads a left-to-right line from the left, an Arabic word in it from the right', () => {
    const line = drawn(['the words', 'L'], 'gap', ['عربية', 'R'], 'gap', ['كلمة', 'R'], 'gap', ['mean', 'L']);
    expect(lineText(line, false)).toBe('the words كلمة عربية mean');
  });

  it('puts a space where a gap was left without one, and none where glyphs touch', () => {
    expect(lineText(drawn(['Quarterly', 'L'], 'gap', ['profits', 'L'], ['.', 'N']), false)).toBe('Quarterly profits.');
  });

  it('reads an item of punctuation alone from the right in a right-to-left run (LibreOffice: ".“" after "”لله")', () => {
    expect(lineText(drawn(['.“', 'N'], ['لله', 'R'], ['”', 'N'], 'gap', ['باللام:', 'R']), true)).toBe(
      'باللام: ”لله“.',
    );
  });

  it('reads a Latin run whose first bracket closes from the right: a lost RLM laid it out so', () => {
    const line = drawn([')', 'N'], ['Proportional Numbers', 'L'], ['(', 'N'], 'gap', ['pnum', 'L']);
    expect(lineText(line, true)).toBe('pnum (Proportional Numbers)');
    // Laid out left to right, a run opens first and reads from the left.
    const ltr = drawn(['قال', 'R'], 'gap', ['Set', 'L'], 'gap', ['(1)', 'L'], 'gap', ['كلمة', 'R']);
    expect(lineText(ltr, true)).toBe('كلمة Set (1) قال');
  });

  it('keeps a list bullet apart from the word it touches', () => {
    expect(lineText(drawn(['مسبوقا', 'R'], ['•', 'N']), true)).toBe('• مسبوقا');
  });

  it('keeps the space between two words cut from one item, with no gap between them', () => {
    const [left, right] = drawn(['و', 'R'], ['الآخر', 'R']);
    const item = {};
    expect(
      lineText(
        [
          { ...left!, cutFrom: item },
          { ...right!, cutFrom: item },
        ],
        true,
      ),
    ).toBe('الآخر و');
  });
});
