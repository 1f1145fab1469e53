import { describe, expect, it } from 'vitest';
import { afterFirstRows, firstRowsShown } from './firstRows';

describe('afterFirstRows', () => {
  it('holds the sidebar’s calls until the list’s first page is in, then lets them and later ones go', async () => {
    const asked: string[] = [];
    const sources = afterFirstRows(async () => {
      asked.push('sources');
      return 3;
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(asked).toEqual([]);
    firstRowsShown();
    expect(await sources).toBe(3);
    await afterFirstRows(async () => asked.push('names'));
    expect(asked).toEqual(['sources', 'names']);
  });
});
