import { describe, expect, it } from 'vitest';
import { methodSpec } from './areas';
import { contract } from './index';
import { isMethodName, methodNames } from './methodList';

describe('methodSpec', () => {
  it('gives every method the very spec the contract holds', async () => {
    for (const name of methodNames) expect(await methodSpec(name), name).toBe(contract[name]);
  });
});

describe('isMethodName', () => {
  it('knows the contract’s methods and nothing else', () => {
    for (const name of Object.keys(contract)) expect(isMethodName(name), name).toBe(true);
    for (const name of ['library', 'search.', 'toString', '__proto__', 'search.query ', ''])
      expect(isMethodName(name), name).toBe(false);
  });
});
