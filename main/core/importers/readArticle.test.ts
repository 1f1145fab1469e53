/**
 * Readability as the HTML importer runs it: with its own passes cut short
 * where the importer already knows the answer, it must find what it finds
 * on its own.
 */
import { describe, expect, it } from 'vitest';
import { parseHtmlDocument } from './dom';
import { scanPage } from './htmlMetadata';
import { readArticle } from './readArticle';
import { htmlToText } from './sanitize';

const story =
  '<p>The council met on Friday and agreed the budget after a long debate about roads and schools and the harbour.</p>'.repeat(
    4,
  );

describe('readArticle', () => {
  it('drops hidden elements during its walk, reading visibility from the attributes', () => {
    const doc = parseHtmlDocument(`<html><body><article>${story}
      <div hidden><p>${'Hidden teaser text. '.repeat(30)}</p></div>
      <div style="color: red; display: none"><p>${'Invisible promo. '.repeat(30)}</p></div>
      <div style="visibility:hidden"><p>${'Unseen banner. '.repeat(30)}</p></div>
      <aside aria-hidden="true"><p>${'Screen-reader skip. '.repeat(30)}</p></aside>
      <p class="mwe-math-fallback-image" aria-hidden="true">${'Formula shown as an image. '.repeat(3)}</p>
      <p style="display: block">${'Styled but shown. '.repeat(3)}</p></article></body></html>`);
    // Nothing removed beforehand: Readability's own walk meets every hidden element.
    const text = htmlToText(readArticle(doc, { ...scanPage(doc), hidden: [] })!.content!);
    expect(text).toMatch(/^The council met/);
    expect(text).not.toMatch(/Hidden teaser|Invisible promo|Unseen banner|Screen-reader skip/);
    expect(text).toContain('Formula shown as an image.');
    expect(text).toContain('Styled but shown.');
  });

  it('stops after a short first pass when asked, where it would otherwise try again', () => {
    const html =
      '<html><body><div class="comments"><p>A short note of under three hundred characters, nothing more.</p></div></body></html>';
    const short = parseHtmlDocument(html);
    expect(readArticle(short, scanPage(short), true)).toBe('short');
    const full = parseHtmlDocument(html);
    const again = readArticle(full, scanPage(full), false);
    expect(again === 'short' ? '' : htmlToText(again!.content!)).toContain('A short note');
  });
});
