import { describe, expect, it } from 'vitest';
import { plainCounted } from './counted';

describe('plainCounted', () => {
  it('drops the accusative alef (and its tanween) that follows 11–99', () => {
    // As outlets wrote them in SaudiNewsNet: "3850 مترا", "750 نزلاً", "125 قاضيا", "50 مترا مربعا".
    expect(plainCounted('مترا')).toBe('متر');
    expect(plainCounted('نزلاً')).toBe('نزل');
    expect(plainCounted('قاضيا')).toBe('قاضي');
    expect(plainCounted('مترا مربعا')).toBe('متر مربع');
  });

  it('keeps plurals in ايا, short words, words with no accusative and other scripts', () => {
    for (const unit of ['قضايا', 'ضحايا', 'قاضٍ', 'متر', 'جندي', 'أمتار', 'troops', 'ما']) {
      expect(plainCounted(unit)).toBe(unit);
    }
  });
});
