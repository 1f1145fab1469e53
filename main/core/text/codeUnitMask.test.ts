import { describe, expect, it } from 'vitest';
import { codeUnitMask } from './codeUnitMask';

/** The table as one `test` per code unit would build it (what the tokenizer and language tables did before). */
function perCodeUnit(single: RegExp): Uint8Array {
  const t = new Uint8Array(0x10000);
  for (let c = 0; c < 0x10000; c++) if ((c < 0xd800 || c > 0xdfff) && single.test(String.fromCharCode(c))) t[c] = 1;
  return t;
}

describe('codeUnitMask', () => {
  it.each([
    ['letters', /\p{L}+/gu, /^\p{L}$/u],
    ['marks', /\p{M}+/gu, /^\p{M}$/u],
    ['letters, digits and marks', /[\p{L}\p{N}\p{M}]+/gu, /^[\p{L}\p{N}\p{M}]$/u],
  ])('marks exactly the code units of %s', (_name, runs, single) => {
    const mask = codeUnitMask(runs);
    expect(Buffer.from(mask).equals(Buffer.from(perCodeUnit(single)))).toBe(true);
  });

  it('leaves surrogates and non-members at 0', () => {
    const mask = codeUnitMask(/\p{L}+/gu);
    expect(mask[0x0627]).toBe(1); // ا
    expect(mask[0x20]).toBe(0);
    expect(mask[0x0661]).toBe(0); // ١ is a digit, not a letter
    expect(mask.subarray(0xd800, 0xe000).every((v) => v === 0)).toBe(true);
  });

  it('refuses a regex without the g and u flags', () => {
    expect(() => codeUnitMask(/\p{L}+/u)).toThrow(/g and u flags/);
  });
});
