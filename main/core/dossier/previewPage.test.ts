import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { inlineScriptHashes, previewCsp, previewDossierId } from './previewPage';

describe('dossier preview headers', () => {
  const sha = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

  it('allows exactly the page’s executable inline script, by hash, and never the JSON data blocks', () => {
    const html =
      '<script type="application/json" id="mizan-index">{"a":1}</script>\n<script>\nvar q = "بحث";\n</script>';
    expect(inlineScriptHashes(html)).toEqual([sha('\nvar q = "بحث";\n')]);
    const csp = previewCsp(html, 'file:');
    expect(csp).toContain(`script-src ${sha('\nvar q = "بحث";\n')};`);
    expect(/script-src ([^;]*)/.exec(csp)![1]).not.toMatch(/unsafe|self|\*/);
    expect(csp).toMatch(/^default-src 'none'; /);
    expect(csp).toMatch(/frame-ancestors file:; sandbox allow-scripts$/);
    // A page without a script runs nothing.
    expect(previewCsp('<p>no script</p>', 'file:')).toContain("script-src 'none';");
  });

  it('reads only a plain positive dossier id from the path', () => {
    expect(previewDossierId('/dossier-preview/12', '/dossier-preview/')).toBe(12);
    expect(previewDossierId('/12', '/')).toBe(12);
    for (const bad of [
      '/dossier-preview/0',
      '/dossier-preview/012',
      '/dossier-preview/1x',
      '/dossier-preview/',
      '/x/1',
    ])
      expect(previewDossierId(bad, '/dossier-preview/'), bad).toBeNull();
    expect(previewDossierId(`/${'9'.repeat(30)}`, '/')).toBeNull();
  });
});
