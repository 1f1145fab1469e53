import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitSentences } from './sentences';

const SEED = path.resolve(__dirname, '../../../../shared/data/seed/hurriya-2021-07-26.txt');

describe('splitSentences', () => {
  it('splits the seed into 39 sentences (counted by hand: 36 lines, 3 with a second sentence)', () => {
    const text = fs.readFileSync(SEED, 'utf8');
    const s = splitSentences(text);
    expect(s).toHaveLength(39);
    for (const x of s) expect(text.slice(x.start, x.end)).toBe(x.text);
    expect(s[0]?.text).toBe('حرية – (26/7/2021)');
    // The closing quote stays with its sentence.
    expect(s[2]?.text.endsWith('البيضاوي”.')).toBe(true);
    // The three lines with an inner full stop.
    expect(s.filter((x) => x.text.startsWith('ومع ذلك،')).length).toBe(1);
    expect(s.filter((x) => x.text.startsWith('وجاء هذا الإجراء')).length).toBe(1);
    expect(s.filter((x) => x.text.startsWith('ومن التعقيدات')).length).toBe(1);
  });

  it('does not end at ، or ؛, does at ؟ ! and …', () => {
    expect(splitSentences('قال، ثم أضاف؛ وهل انتهى؟ نعم! ربما… لا.').map((x) => x.text)).toEqual([
      'قال، ثم أضاف؛ وهل انتهى؟',
      'نعم!',
      'ربما…',
      'لا.',
    ]);
  });

  it('handles decimals, abbreviations, initials and quotes', () => {
    expect(
      splitSentences(
        'Dr. Smith met J. Doe in the U.S. on Monday. Growth was 2.5 percent. "Stop." he said. The end.',
      ).map((x) => x.text),
    ).toEqual([
      'Dr. Smith met J. Doe in the U.S. on Monday.',
      'Growth was 2.5 percent.',
      '"Stop." he said.',
      'The end.',
    ]);
    expect(splitSentences('He lives in the U.S. The rest is history.').map((x) => x.text)).toEqual([
      'He lives in the U.S.',
      'The rest is history.',
    ]);
    expect(splitSentences('قال د. محمد إن النمو بلغ 2.5 بالمئة. وأضاف: «انتهى». ثم غادر').map((x) => x.text)).toEqual([
      'قال د. محمد إن النمو بلغ 2.5 بالمئة.',
      'وأضاف: «انتهى».',
      'ثم غادر',
    ]);
  });

  it('treats line breaks as ends and a missing space after an Arabic full stop as an end', () => {
    expect(splitSentences('سطر أول\nسطر ثان\n\nالعراق.وقال').map((x) => x.text)).toEqual([
      'سطر أول',
      'سطر ثان',
      'العراق.',
      'وقال',
    ]);
  });
});
