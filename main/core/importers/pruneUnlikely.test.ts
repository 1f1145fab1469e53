/**
 * The page furniture cut before the DOM is built: what Readability's first
 * pass would drop unseen goes, what anything reads stays, and on the 45
 * saved pages Readability finds the same article with or without it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sharedData } from '../../../tests/support/paths';
import { decodeText, sniffDeclaredCharset } from './decode';
import { parseHtmlDocument } from './dom';
import { findPageDateTexts, scanPage } from './htmlMetadata';
import { parsePruned, pruneUnlikely } from './pruneUnlikely';
import { readPrunedArticle } from './readArticle';
import { parseFile } from './registry';
import { stripInert } from './stripInert';

const story = `<p>${'The council voted to reopen the harbour on Monday, after a week of repairs. '.repeat(8)}</p>`;

describe('pruneUnlikely', () => {
  it('cuts a sidebar, comments and a navigation role, keeping the story', () => {
    const html = `<html><head><title>Harbour reopens after a week</title></head><body><div id="main">${story}</div>
<div class="sidebar"><ul><li>Most read</li></ul></div><section id="comments"><p>First!</p></section><div role="navigation"><a href="/">Home</a></div></body></html>`;
    const out = pruneUnlikely(html);
    expect(out).toContain('The council voted');
    expect(out).not.toMatch(/Most read|First!|Home/);
  });

  it('keeps a container Readability would keep: inside a table, named like content, or a byline', () => {
    for (const html of [
      `<table><tr><td><div class="sidebar">in a layout table</div></td></tr></table>`,
      `<div class="sidebar-content">a column of the story</div>`,
      `<div class="header byline">By Ann Smith</div>`,
    ])
      expect(pruneUnlikely(`<html><body>${html}</body></html>`)).toBe(`<html><body>${html}</body></html>`);
  });

  it('keeps a container holding what the metadata scan reads (a date, a time, microdata)', () => {
    for (const inner of [
      `<span class="timestamp">August 13, 2010</span>`,
      `<time datetime="2010-08-13">Aug 13</time>`,
      `<span itemprop="author">Ann Smith</span>`,
    ]) {
      const html = `<html><body><div class="related">${inner}</div>${story}</body></html>`;
      expect(pruneUnlikely(html)).toBe(html);
    }
  });

  it('cuts a container around its date-named elements, which stay in place for the metadata scan', () => {
    const html = `<html><body><div class="related"><ul><li>Most read</li></ul><p><span class="dateline">August 13, 2010</span> <b>Share</b></p><div id="post-date">Aug 14</div>tail</div>${story}</body></html>`;
    const out = pruneUnlikely(html);
    expect(out).toContain(
      '<div class="related"><span class="dateline">August 13, 2010</span><div id="post-date">Aug 14</div></div>',
    );
    expect(out).not.toMatch(/Most read|Share|tail/);
    const doc = parseHtmlDocument(out);
    expect(findPageDateTexts(scanPage(doc))).toEqual(['August 13, 2010', 'Aug 14']);
  });

  it("ends a container where the parser does: an unclosed one at its parent's end", () => {
    const html = `<html><body><ul><li><div class="comment">unclosed</li><li>kept item</li></ul>${story}</body></html>`;
    const out = pruneUnlikely(html);
    expect(out).not.toContain('unclosed');
    expect(out).toContain('<li>kept item</li>');
    expect(out).toContain('The council voted');
  });

  it('leaves a container that closes an open paragraph (the text after it would join the paragraph)', () => {
    const html = `<html><body><p>Lead<div class="social">share</div>tail</p></body></html>`;
    expect(pruneUnlikely(html)).toBe(html);
  });

  it('imports a story that only sits in a furniture-named container (Readability looks again without its test)', () => {
    const note =
      '<div><p>Opening hours of the harbour office are posted at the gate and on the council notice board.</p></div>';
    const [record] = parseFile(
      'comment-only.html',
      Buffer.from(
        `<html><head><title>Harbour reopens</title></head><body><div class="comment">${story}</div>${note}</body></html>`,
      ),
    );
    expect(record?.ok && record.article.body).toMatch(/^The council voted to reopen the harbour/);
  });

  it('changes nothing Readability extracts from the 45 saved pages, at two fifths less markup', () => {
    const dir = sharedData('html-pages');
    let before = 0;
    let after = 0;
    // As the importer reads a cut page: the whole page again where the cut one gives less than an article.
    const article = (html: string, pruned: string) => {
      const doc = parseHtmlDocument(pruned);
      return readPrunedArticle(html, pruned !== html, doc, scanPage(doc)).text;
    };
    for (const name of readdirSync(dir).filter((f) => f.endsWith('.html'))) {
      const bytes = readFileSync(`${dir}/${name}`);
      const html = stripInert(decodeText(bytes, name, { declared: sniffDeclaredCharset(bytes) }).text);
      const pruned = pruneUnlikely(html);
      before += html.length;
      after += pruned.length;
      expect(article(html, pruned), name).toBe(article(html, html));
    }
    expect(after / before).toBeLessThan(0.65);
  });

  describe('parsePruned: the cut and the tree in one reading of the page', () => {
    /** A tree node by node, text nodes as they were split (linkedom's JSDON). */
    const nodes = (doc: unknown) => (doc as { toJSON(): unknown }).toJSON();
    const sameTree = (html: string, name = html) => {
      const once = parsePruned(html);
      expect(once, name).not.toBeNull();
      const pruned = pruneUnlikely(html);
      expect(nodes(once!.doc), name).toEqual(nodes(parseHtmlDocument(pruned)));
      expect(once!.cut, name).toBe(pruned !== html);
    };

    it('builds the tree the cut page parses to: text joined across a cut, character references kept apart', () => {
      for (const body of [
        `before<div class="sidebar">x</div>after`,
        `a &amp; b<div class="sidebar">x</div>&lt;c<div id="comments">y</div> d<div class="share">z</div>`,
        `<p>one</p><div class="related"><span class="dateline">August 13, 2010</span>junk<div id="post-date">Aug 14</div>tail</div>rest`,
        `<ul><li><div class="comment">unclosed</li><li>kept item</li></ul>`,
        `<div CLASS="sidebar">upper-case attribute</div><p Class="x y  x">kept</p>`,
        `<p>Lead<div class="social">share</div>tail</p>`,
        `text<div class="sidebar">left open at the end`,
      ])
        sameTree(`<!DOCTYPE html><html><head><title>Harbour</title></head><body>${body}</body></html>`, body);
    });

    it('builds the same tree on the 45 saved pages, and leaves SVG and fragments to the two steps', () => {
      const dir = sharedData('html-pages');
      for (const name of readdirSync(dir).filter((f) => f.endsWith('.html'))) {
        const bytes = readFileSync(`${dir}/${name}`);
        const html = stripInert(decodeText(bytes, name, { declared: sniffDeclaredCharset(bytes) }).text);
        if (/<svg/i.test(html) || !/<html[\s>]/i.test(html)) expect(parsePruned(html), name).toBeNull();
        else sameTree(html, name);
      }
      expect(parsePruned(`<p>a fragment</p><div class="sidebar">x</div>`)).toBeNull();
    });
  });
});
