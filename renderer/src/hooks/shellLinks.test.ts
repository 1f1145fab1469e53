import { describe, expect, it } from 'vitest';
import { parseRoute } from './shellLinks';

describe('parseRoute', () => {
  it('reads the routes mizan:// links and hashes name', () => {
    expect(parseRoute('#article/12')).toEqual({ kind: 'article', id: 12 });
    expect(parseRoute('dossier/3')).toEqual({ kind: 'dossier', id: 3 });
    expect(parseRoute(`#search?q=${encodeURIComponent('الأمريكي العراق')}`)).toEqual({
      kind: 'search',
      query: 'الأمريكي العراق',
    });
  });

  it('refuses anything else, strictly', () => {
    for (const bad of [
      '',
      '#',
      '#article/',
      '#article/0',
      '#article/012',
      '#article/1/../../x',
      '#article/1?x=1',
      '#article/99999999999999999',
      '#notes/1',
      '#search?q=',
      '#search?q=%20%20',
      `#search?q=${'x'.repeat(1001)}`,
      '#javascript:alert(1)',
      '#dossier/-1',
    ]) {
      expect(parseRoute(bad), bad).toBeNull();
    }
  });
});
