import { describe, expect, it } from 'vitest';
import { analyze, type AnalyzedToken } from './analyze';

/** The analyzed token written `word` in `sentence` (sentences from news articles). */
function tokenIn(sentence: string, word: string): AnalyzedToken {
  const t = analyze(sentence).find((x) => x.text === word);
  if (t === undefined) throw new Error(`${word} is not a token of ${sentence}`);
  return t;
}

describe('guards: words the small corpora never show', () => {
  it('keeps the و of a plural the dictionary knows (وجبات is meals, not و + جبات)', () => {
    const meals = tokenIn('وجبات ريفية يتم طبخها في مطابخ منزلية داخل المزارع نفسها', 'وجبات');
    expect(meals.exact).toBe('وجبات');
    // Meals and a meal share a stem; the conjunction before them still goes.
    expect(meals.stem).toBe(tokenIn('تناول وجبة الإفطار', 'وجبة').stem);
    expect(tokenIn('تناول الماء ووجبات خفيفة', 'ووجبات').exact).toBe('وجبات');
  });

  it('keeps اللهم whole: its ال is no article on the function word لهم', () => {
    const t = tokenIn('اللهم الحمد والثناء على نعمك التي لا تقدر ولا تحصى', 'اللهم');
    expect(t.exact).toBe('اللهم');
    expect(t.stop).toBe(false);
    expect(tokenIn('وقدمت لهم المساعدات', 'لهم').stop).toBe(true);
  });

  it('keeps the ال of a word whose rest the dictionary knows only as a verb (التهاب, التحق)', () => {
    expect(tokenIn('فقد يؤدي التهاب المفاصل وتمزق الأربطة والغضاريف', 'التهاب').exact).toBe('التهاب');
    expect(tokenIn('عمل بوكالة الطاقة الذرية ببلده ثم التحق بالوكالة الدولية', 'التحق').exact).toBe('التحق');
    expect(tokenIn('والتقت الوزيرة نظيرها في الرياض', 'والتقت').exact).toBe('التقت');
  });

  it('still reads ال before a relative as the article (فالذي is the stop word الذي)', () => {
    expect(tokenIn('فالذي حدث أمس لم يكن متوقعا', 'فالذي').stop).toBe(true);
  });
});
