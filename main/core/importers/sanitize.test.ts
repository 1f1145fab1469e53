/**
 * Hostile HTML: everything that could run code, load a resource or escape
 * the reader must be gone from what the HTML importer keeps, while the
 * article's words and its harmless structure stay.
 */
import { describe, expect, it } from 'vitest';
import { parseHtmlDocument, type DomElement } from './dom';
import { parseFile } from './registry';
import { htmlToText, safeHref, sanitizeChildren } from './sanitize';

const HOSTILE = `<!DOCTYPE html><html lang="en"><head>
<title>Harbour reopens</title>
<link rel="stylesheet" href="http://evil.example/x.css">
<style>body { background: url(http://evil.example/bg.png) }</style>
<script>window.stolen = document.cookie</script>
<base href="javascript:alert(1)//">
</head><body onload="alert('load')">
<article>
<h1 onclick="alert(1)">Harbour reopens after storms</h1>
<p style="background:url(http://evil.example/track.gif)" onmouseover="alert(2)" class="lead" id="top">The harbour reopened on <b>Monday</b> after a week of storms, officials said.</p>
<p>Read the <a href="javascript:alert(3)">statement</a>, the <a href="JaVaScRiPt&#58;alert(4)">archive</a>, the <a href=" java&#x09;script:alert(5)">notice</a>, <a href="vbscript:msgbox(1)">this</a>, <a href="data:text/html,<script>alert(6)</script>">that</a> and the <a href="https://example.org/report?id=1&amp;x=2" target="_blank" onclick="alert(7)">full report</a>.</p>
<img src="http://evil.example/pixel.gif" onerror="alert(8)" alt="tracking pixel">
<img src="x" onerror="alert(9)">
<img srcset="http://evil.example/a.png 1x" alt="srcset">
<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMTApPjwvc3ZnPg==" alt="svg data">
<img src="data:image/png;base64,iVBORw0KGgo=" alt="inline chart">
<svg onload="alert(11)"><script>alert(12)</script><a xlink:href="javascript:alert(13)"><text>svg link</text></a><foreignObject><iframe src="http://evil.example"></iframe></foreignObject></svg>
<math><mtext><table><mglyph><style><img src=x onerror=alert(14)></style></mglyph></table></mtext></math>
<iframe src="http://evil.example/frame" srcdoc="<script>alert(15)</script>"></iframe>
<object data="http://evil.example/x.swf"></object><embed src="http://evil.example/y.swf">
<form action="http://evil.example/post"><input name="q" value="x" onfocus="alert(16)" autofocus><button formaction="javascript:alert(17)">Go</button></form>
<video src="http://evil.example/v.mp4" poster="http://evil.example/p.jpg"></video><audio src="http://evil.example/a.mp3"></audio>
<picture><source srcset="http://evil.example/p.webp"><img src="http://evil.example/p.jpg" alt="picture"></picture>
<p>Quoted: <q cite="http://evil.example/cite">calm seas</q>, <span style="position:fixed;top:0">overlay</span>, <font face="x" color="red">old markup</font>.</p>
<table background="http://evil.example/t.png"><tr><td colspan="2" onclick="alert(18)">Ships</td><td width="javascript:1">42</td></tr></table>
<noscript><img src="http://evil.example/noscript.gif"></noscript>
<template><script>alert(19)</script></template>
<!-- <script>alert(20)</script> -->
<p>Escapes stay text: &lt;script&gt;alert(21)&lt;/script&gt; and &lt;img src=x onerror=alert(22)&gt;</p>
<meta http-equiv="refresh" content="0;url=javascript:alert(23)">
<a href="#section-2">jump</a> <a href="/relative/path">relative</a> <a href="mailto:desk@example.org">mail</a>
<div dir="rtl" lang="ar">ميناء</div>
<custom-element onclick="alert(24)">custom text</custom-element>
<p>More text so that the extractor treats this as an article with enough words in it to read, about ships and weather and the port authority.</p>
</article></body></html>`;

const FORBIDDEN = [
  /<script/i,
  /<style/i,
  /<iframe/i,
  /<object/i,
  /<embed/i,
  /<svg/i,
  /<math/i,
  /<form/i,
  /<input/i,
  /<button/i,
  /<link/i,
  /<meta/i,
  /<base/i,
  /<video/i,
  /<audio/i,
  /<source/i,
  /<template/i,
  /<noscript/i,
  /<!--/,
  /\son[a-z]+\s*=/i,
  /javascript:/i,
  /vbscript:/i,
  /data:text/i,
  /data:image\/svg/i,
  /evil\.example/i,
  /style\s*=/i,
  /url\(/i,
  /srcset/i,
  /srcdoc/i,
  /xlink/i,
  /formaction/i,
  /background=/i,
  /\scite=/i,
  /\sclass=/i,
  /\sid=/i,
];

/** The markup alone: text is escaped (&lt;), so every "<" left opens a real tag. */
function tagsOf(html: string): string {
  return (html.match(/<[^>]*>/g) ?? []).join('\n');
}

/** Every element and attribute the output really holds, as a browser would parse it. */
function parsedMarkup(html: string): Array<{ tag: string; attrs: string[] }> {
  const out: Array<{ tag: string; attrs: string[] }> = [];
  const walk = (el: DomElement) => {
    for (let i = 0; i < el.children.length; i++) {
      const child = el.children[i]!;
      const attrs: string[] = [];
      for (let k = 0; k < child.attributes.length; k++)
        attrs.push(`${child.attributes[k]!.name}=${child.attributes[k]!.value}`);
      out.push({ tag: child.localName, attrs });
      walk(child);
    }
  };
  walk(parseHtmlDocument(`<html><body>${html}</body></html>`).body!);
  return out;
}

function expectSafe(html: string): void {
  const tags = tagsOf(html);
  for (const pattern of FORBIDDEN) expect(tags, `${pattern} survived`).not.toMatch(pattern);
  for (const { tag, attrs } of parsedMarkup(html)) {
    expect([
      'script',
      'style',
      'iframe',
      'svg',
      'math',
      'object',
      'embed',
      'form',
      'link',
      'meta',
      'base',
    ]).not.toContain(tag);
    for (const attr of attrs) {
      expect(attr, `<${tag} ${attr}>`).not.toMatch(/^on|^style=|^srcset=|^formaction=/i);
      if (/^(href|src)=/.test(attr))
        expect(attr, `<${tag} ${attr}>`).toMatch(
          /^href=(https?:\/\/|mailto:|#)|^src=data:image\/(png|jpeg|gif|webp);base64,/,
        );
    }
  }
}

describe('sanitizer', () => {
  const doc = parseHtmlDocument(HOSTILE);
  const html = sanitizeChildren(doc.body!, { baseUrl: 'https://news.example.com/2021/07/harbour.html' });

  it('keeps no script, handler, frame, form, foreign content, remote resource or dangerous URL', () => {
    expectSafe(html);
    expect(html).not.toMatch(/alert\((?:[0-9]|1[0-9]|20|2[3-4])\)/);
  });

  it('keeps the words and harmless structure', () => {
    expect(html).toContain('<h1>Harbour reopens after storms</h1>');
    expect(html).toContain('<p>The harbour reopened on <b>Monday</b> after a week of storms, officials said.</p>');
    expect(html).toContain(
      '<a href="https://example.org/report?id=1&amp;x=2" rel="noopener noreferrer nofollow">full report</a>',
    );
    expect(html).toContain('<a href="#section-2" rel="noopener noreferrer nofollow">jump</a>');
    expect(html).toContain(
      '<a href="https://news.example.com/relative/path" rel="noopener noreferrer nofollow">relative</a>',
    );
    expect(html).toContain('<a href="mailto:desk@example.org" rel="noopener noreferrer nofollow">mail</a>');
    // The dangerous links keep their words, not their targets.
    expect(html).toMatch(/<a>statement<\/a>, the <a>archive<\/a>, the <a>notice<\/a>/);
    expect(html).toContain('<img alt="inline chart" src="data:image/png;base64,iVBORw0KGgo=">');
    expect(html).toContain('<td colspan="2">Ships</td><td>42</td>');
    expect(html).toContain('<div dir="rtl" lang="ar">ميناء</div>');
    expect(html).toContain('old markup');
    expect(html).toContain('custom text');
    expect(html).toContain('<q>calm seas</q>');
    expect(html).toContain('&lt;script&gt;alert(21)&lt;/script&gt;');
  });

  it('cannot be re-parsed into something else: every tag it writes is on the allowlist', () => {
    const tags = [...html.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9-]*)/g)].map((m) => m[1]!.toLowerCase());
    const allowed = new Set(['p', 'h1', 'b', 'a', 'img', 'q', 'span', 'table', 'tbody', 'tr', 'td', 'div', 'article']);
    for (const tag of tags) expect(allowed.has(tag), `<${tag}>`).toBe(true);
    // Parsing the output again and sanitizing it changes nothing.
    expect(sanitizeChildren(parseHtmlDocument(`<html><body>${html}</body></html>`).body!)).toBe(
      sanitizeChildren(parseHtmlDocument(`<html><body>${html}</body></html>`).body!),
    );
    const again = sanitizeChildren(parseHtmlDocument(`<html><body>${html}</body></html>`).body!, {
      baseUrl: 'https://news.example.com/',
    });
    expect(again).toBe(html);
  });

  it('judges link targets as a browser would read them', () => {
    expect(safeHref('javascript:alert(1)', null)).toBeNull();
    expect(safeHref(' \tjava\nscript:alert(1)', null)).toBeNull();
    expect(safeHref('javascript:alert(1)', 'https://example.org/')).toBeNull();
    expect(safeHref('JAVASCRIPT:alert(1)', 'https://example.org/')).toBeNull();
    expect(safeHref('data:text/html;base64,PHNjcmlwdD4=', null)).toBeNull();
    expect(safeHref('//evil.example/x', null)).toBeNull();
    expect(safeHref('//cdn.example/x', 'https://example.org/')).toBe('https://cdn.example/x');
    expect(safeHref('/a/b?c=1', 'https://example.org/x/y')).toBe('https://example.org/a/b?c=1');
    expect(safeHref('/a/b', null)).toBeNull();
    expect(safeHref('https://example.org/', null)).toBe('https://example.org/');
  });

  it('survives absurd nesting without overflowing the stack', () => {
    const deep = `<html><body>${'<div>'.repeat(20_000)}deep text${'</div>'.repeat(20_000)}</body></html>`;
    const body = parseHtmlDocument(deep).body!;
    expect(sanitizeChildren(body)).toContain('deep text');
    expect(htmlToText(body)).toBe('deep text');
  });

  it('is what the HTML importer stores', () => {
    const [record] = parseFile('hostile.html', Buffer.from(HOSTILE));
    if (!record?.ok) throw new Error('the hostile page still has an article to import');
    const stored = record.article.bodyHtml ?? '';
    expect(stored).toContain('The harbour reopened on <b>Monday</b>');
    expectSafe(stored);
    expect(record.article.body).toContain('The harbour reopened on Monday after a week of storms, officials said.');
    expect(record.article.body).not.toMatch(/alert\((?:1|2|8|11|12|15)\)/);
  });
});
