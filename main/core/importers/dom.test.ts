/**
 * The importer's DOM: linkedom with its nodes built without event-listener
 * maps (the HTML import's largest cost after the parse itself), which must
 * still read and edit a page as before.
 */
import { describe, expect, it } from 'vitest';
import { listenerMapsDropped, parseHtmlDocument } from './dom';

describe('parseHtmlDocument', () => {
  it('builds nodes without listener maps on the linkedom this build ships', () => {
    // False when a linkedom release lays its classes out otherwise: pages still parse, at the old cost.
    expect(listenerMapsDropped).toBe(true);
  });

  it('still reads, queries and edits a page', () => {
    const doc = parseHtmlDocument(
      '<!DOCTYPE html><html lang="ar"><head><title>عنوان الخبر</title></head>' +
        '<body><div class="story  lead"><p id="first">الفقرة الأولى &amp; الثانية</p><aside>إعلان</aside></div></body></html>',
    );
    expect(doc.title).toBe('عنوان الخبر');
    expect(doc.documentElement.getAttribute('lang')).toBe('ar');
    const story = doc.querySelector('div.lead')!;
    expect(story.getAttribute('class')).toBe('story lead');
    expect(doc.querySelector('#first')!.textContent).toBe('الفقرة الأولى & الثانية');
    doc.querySelector('aside')!.remove();
    expect(story.textContent).toBe('الفقرة الأولى & الثانية');
    expect(doc.body!.querySelectorAll('p').length).toBe(1);
  });

  it('reads a page with inline SVG and entities in attributes as the browser would', () => {
    const doc = parseHtmlDocument(
      '<html><body><p title="a &amp; b">one<svg viewBox="0 0 1 1"><circle r="1"/></svg> two</p><p>three</p></body></html>',
    );
    const paragraphs = doc.querySelectorAll('p');
    expect(paragraphs.length).toBe(2);
    expect(paragraphs[0]!.getAttribute('title')).toBe('a & b');
    expect(paragraphs[0]!.textContent).toBe('one two');
    expect(doc.querySelector('circle')!.getAttribute('r')).toBe('1');
  });

  it('refuses a listener on a parsed node rather than keeping it silently', () => {
    const doc = parseHtmlDocument('<p>text</p>');
    const p = doc.querySelector('p') as unknown as { addEventListener(type: string, f: () => void): void };
    expect(() => p.addEventListener('click', () => undefined)).toThrow();
  });
});
