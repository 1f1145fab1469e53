import { describe, expect, it } from 'vitest';
import { contract } from './index';
import { methodList, methodNames } from './methodList';

describe('methodList', () => {
  it('names every method of the contract once, with the contract’s progress flag', () => {
    expect([...methodNames].sort()).toEqual(Object.keys(contract).sort());
    for (const name of methodNames) {
      expect('progress' in methodList[name], name).toBe(contract[name].progress === true);
    }
  });
});
