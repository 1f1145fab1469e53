/**
 * The offline HTML dossier: one self-contained file (inline CSS, Amiri as
 * base64 @font-face, inline script, a CSP that forbids every network
 * request), direction per item and per paragraph, contents, citations, and a
 * Lunr index built with Mizan's analyzer, searched in the page by the same
 * analyzer (see pageBundle.ts).
 */
import lunr from 'lunr';
import { mizanLunrPlugin } from '../text/lunrPipeline';
import { scanTokens } from '../text/tokenize';
import { amiriWebFonts } from './fonts';
import { formatCitation, labelsFor, namedDate } from './labels';
import type { CitationData, DossierDocument, ExportItem, ExportSection, ProgressFn, RenderOptions } from './model';
import { buildPageBundle, checkBundle, type PageBundle } from './pageBundle';
import { PAGE_SCRIPT } from './pageScript';
import { comparisonHtml, indexedTableText, TABLE_CSS } from './htmlTable';
import { escapeHtml } from './htmlEscape';

export { escapeHtml };

export interface HtmlResult {
  bytes: Uint8Array;
  /** Size of the serialized search index inside the file. */
  indexBytes: number;
}

/** JSON that can sit inside <script type="application/json"> without ending it. */
function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

function citationHtml(c: CitationData): string {
  const { sentence, url } = formatCitation(c);
  let html = escapeHtml(sentence);
  if (url) {
    const shown = escapeHtml(url);
    const link = /^https?:\/\//i.test(url) ? `<a href="${shown}" rel="noreferrer noopener">${shown}</a>` : shown;
    html += `<br><bdi dir="ltr" class="url">${link}</bdi>`;
  }
  return html;
}

/** The body text of an item as indexed: its blocks joined by newlines (the page rebuilds it the same way). */
function bodyText(item: ExportItem): string {
  return [...item.blocks.map((b) => b.text), ...indexedTableText(item)].join('\n');
}

function itemHtml(item: ExportItem, index: number, align: RenderOptions['align']): string {
  const L = labelsFor(item.lang);
  const cls = `item item-${item.kind}`;
  const parts: string[] = [];
  parts.push(
    `<article id="${escapeHtml(item.anchor)}" class="${cls}" lang="${escapeHtml(item.lang)}" dir="${item.dir}" data-index="${index + 1}">`,
  );
  parts.push(`<h2 dir="${item.titleDir}" data-field="title">${escapeHtml(item.title)}</h2>`);
  if (item.byline) parts.push(`<p class="byline" dir="${item.bylineDir}">${escapeHtml(item.byline)}</p>`);
  const body = item.blocks.map((b) => `<p dir="${b.dir}" data-field="body">${escapeHtml(b.text)}</p>`).join('\n');
  parts.push(
    item.kind === 'highlight'
      ? `<blockquote class="${align}">${body}</blockquote>`
      : `<div class="body ${align}">${body}</div>`,
  );
  if (item.comparison) parts.push(comparisonHtml(item.comparison));
  if (item.annotation)
    parts.push(
      `<p class="annotation" dir="${item.annotation.dir}">${escapeHtml(`${L.note}: ${item.annotation.text}`)}</p>`,
    );
  for (const c of item.citations) {
    const cl = labelsFor(c.lang);
    const dir = cl === labelsFor('ar') ? 'rtl' : 'ltr';
    parts.push(
      `<p class="citation" dir="${dir}" lang="${escapeHtml(c.lang)}"><span class="label">${escapeHtml(cl.citation)}:</span> ${citationHtml(c)}</p>`,
    );
  }
  parts.push('</article>');
  return parts.join('\n');
}

/**
 * Item fragments grouped by section: the items before the first section as
 * they are, then each section wrapped by `wrap` (its heading and its items).
 */
function grouped(
  fragments: readonly string[],
  sections: readonly ExportSection[],
  wrap: (section: ExportSection, inner: string) => string,
): string {
  const out: string[] = [];
  let i = 0;
  for (const section of sections) {
    out.push(...fragments.slice(i, section.first));
    out.push(wrap(section, fragments.slice(section.first, section.first + section.count).join('\n')));
    i = section.first + section.count;
  }
  out.push(...fragments.slice(i));
  return out.join('\n');
}

function sectionHtml(section: ExportSection, inner: string): string {
  const id = escapeHtml(section.anchor);
  return `<section class="dossier-section" id="${id}" aria-labelledby="${id}-title">
<h2 class="section-title" id="${id}-title" dir="${section.titleDir}">${escapeHtml(section.title)}</h2>
${inner}
</section>`;
}

function tocSectionHtml(section: ExportSection, inner: string): string {
  return `<li class="toc-section"><a href="#${escapeHtml(section.anchor)}" dir="${section.titleDir}">${escapeHtml(section.title)}</a>
<ol start="${section.first + 1}">
${inner}
</ol></li>`;
}

function descriptionHtml(description: string | null): string {
  const paragraphs = (description ?? '').split(/\n+/).filter((p) => p.trim() !== '');
  return paragraphs.map((p) => `<p class="description" dir="auto">${escapeHtml(p.trim())}</p>`).join('\n');
}

function fontCss(): string {
  return amiriWebFonts()
    .map((f) => {
      const mime = f.format === 'woff2' ? 'font/woff2' : 'font/ttf';
      const range = f.unicodeRange ? `\n  unicode-range: ${f.unicodeRange};` : '';
      return `@font-face {
  font-family: 'Amiri';
  font-style: normal;
  font-weight: ${f.weight};
  font-display: block;
  src: url(data:${mime};base64,${f.bytes.toString('base64')}) format('${f.format}');${range}
}`;
    })
    .join('\n');
}

const CSS = `
:root { color-scheme: light; --ink: #161616; --muted: #5a5a5a; --rule: #c9c9c9; --mark: #fff1a8; }
* { box-sizing: border-box; }
html { font-family: 'Amiri', serif; font-size: 18px; line-height: 1.75; color: var(--ink); background: #fff; }
body { margin: 0; }
.page { max-width: 46rem; margin: 0 auto; padding: 2rem 1.5rem 4rem; }
.cover { text-align: center; padding: 4rem 0 2rem; border-bottom: 1px solid var(--rule); }
.cover h1 { font-size: 2.2rem; line-height: 1.4; margin: 0 0 .5rem; }
.cover .subtitle { font-size: 1.3rem; color: #333; margin: 0 0 1rem; }
.cover .meta { color: var(--muted); margin: .2rem 0; }
.search { position: sticky; top: 0; z-index: 1; background: #fff; padding: .75rem 0; border-bottom: 1px solid var(--rule); }
.search input { width: 100%; font: inherit; padding: .35rem .6rem; border: 1px solid #999; border-radius: 4px; }
.search .status { color: var(--muted); font-size: .85rem; min-height: 1.2em; margin: .3rem 0 0; }
.search ol { list-style: none; margin: 0; padding: 0; max-height: 50vh; overflow: auto; }
.search li { padding: .35rem 0; border-bottom: 1px dotted var(--rule); }
.search li a { color: inherit; text-decoration: none; display: block; }
.search li .snippet { color: #333; font-size: .9rem; }
mark { background: var(--mark); color: inherit; }
.toc h2 { font-size: 1.5rem; margin: 2rem 0 .5rem; }
.toc ol { padding-inline-start: 1.6rem; margin: 0; }
.toc li { margin: .2rem 0; }
.toc a { color: inherit; text-decoration: none; border-bottom: 1px dotted #999; }
.cover .description { text-align: start; margin: 1rem 0 0; }
.section-title { font-size: 1.8rem; line-height: 1.4; margin: 3rem 0 0; padding-bottom: .3rem; border-bottom: 2px solid #444; }
.toc .toc-section > a { font-weight: 700; }
.toc .toc-section > ol { list-style: decimal; }
.item { border-top: 1px solid var(--rule); margin-top: 2.5rem; padding-top: 1.5rem; }
.item h2 { font-size: 1.45rem; line-height: 1.5; margin: 0 0 .25rem; }
.item-highlight h2, .item-note h2 { font-size: 1.2rem; }
.byline { color: var(--muted); font-size: .9rem; margin: 0 0 1rem; }
.body p, blockquote p { margin: 0 0 .6rem; }
.justify p { text-align: justify; }
blockquote { margin: 0 0 .8rem; padding-inline-start: 1rem; border-inline-start: 3px solid #b0b0b0; }
.annotation { color: #444; }
.citation { font-size: .85rem; color: #333; margin: .4rem 0 0; overflow-wrap: anywhere; }
.citation:first-of-type { border-top: 1px solid #999; padding-top: .4rem; display: block; }
.citation .label { font-weight: 700; }
.citation a { color: inherit; }
@media print {
  .search { display: none; }
  .item-article, .item-comparison, .dossier-section { break-before: page; }
  .dossier-section > .item:first-of-type { break-before: avoid; }
  .section-title { break-after: avoid; }
  .item h2 { break-after: avoid; }
}
`;

/**
 * The result count's words for each plural form of the dossier's language ("{n} results", "نتيجتان"), for the page
 * script to choose with Intl.PluralRules: one string for every count read "1 results".
 */
function resultsByPluralForm(results: (n: number) => string, lang: string): Record<string, string> {
  const rules = new Intl.PluralRules(lang);
  const forms: Record<string, string> = {};
  for (let n = 0; n <= 200; n++) {
    const form = rules.select(n);
    if (!(form in forms)) forms[form] = results(n).replace(String(n), '{n}');
  }
  return forms;
}

export class HtmlRenderer {
  constructor(
    private readonly dossier: DossierDocument,
    private readonly options: RenderOptions,
    private readonly bundle: PageBundle = buildPageBundle(),
  ) {}

  /** The search index: one document per item, with title, body and outlet fields. */
  buildIndex(): object {
    const items = this.dossier.items;
    return lunr(function build() {
      this.use(mizanLunrPlugin, 'stem');
      // No token positions: they would triple the index. The page finds the
      // matching words for its snippets with the same analyzer instead.
      this.metadataWhitelist = [];
      this.ref('anchor');
      this.field('title', { boost: 3 });
      this.field('body');
      this.field('source');
      for (const item of items) {
        this.add({
          anchor: item.anchor,
          title: item.title,
          body: bodyText(item),
          source: item.citations.map((c) => c.outlet ?? '').join(' '),
        });
      }
    }).toJSON();
  }

  /** Words to compare the page's analyzer with ours on: a sample of the dossier's own vocabulary. */
  private sampleWords(limit = 2000): Set<string> {
    const words = new Set<string>();
    for (const item of this.dossier.items) {
      const text = `${item.title}\n${bodyText(item)}`;
      scanTokens(text, (start, end) => {
        if (words.size < limit) words.add(text.slice(start, end));
      });
      if (words.size >= limit) break;
    }
    return words;
  }

  render(progress: ProgressFn = () => undefined): HtmlResult {
    const d = this.dossier;
    const L = labelsFor(d.lang);
    const steps = d.items.length + 2;
    if (__filename.endsWith('.ts')) checkBundle(this.bundle, this.sampleWords());
    const index = this.buildIndex();
    const indexJson = jsonForScript(index);
    progress(1, steps, 'index');
    const items: string[] = [];
    for (const [i, item] of d.items.entries()) {
      items.push(itemHtml(item, i, this.options.align));
      progress(2 + i, steps, 'items');
    }
    const tocItems = d.items.map(
      (item) => `<li><a href="#${escapeHtml(item.anchor)}" dir="${item.titleDir}">${escapeHtml(item.title)}</a></li>`,
    );
    const toc = grouped(tocItems, d.sections, tocSectionHtml);
    const meta = [
      d.author,
      L.items(d.items.length),
      `${L.exported}: ${namedDate(d.createdAt.slice(0, 10), d.lang)}`,
    ].filter((s): s is string => !!s);
    const pageData = {
      lunrId: this.bundle.lunrId,
      pipelineId: this.bundle.pipelineId,
      analyzeId: this.bundle.analyzeId,
      tokenizeId: this.bundle.tokenizeId,
      labels: { noResults: L.noResults, results: resultsByPluralForm(L.results, d.lang) },
    };
    const html = `<!DOCTYPE html>
<html lang="${escapeHtml(d.lang)}" dir="${d.dir}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; font-src data:; img-src data:; base-uri 'none'; form-action 'none'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Mizan">
${d.author ? `<meta name="author" content="${escapeHtml(d.author)}">\n` : ''}${d.description || d.subtitle ? `<meta name="description" content="${escapeHtml(d.description ?? d.subtitle ?? '')}">\n` : ''}<meta name="keywords" content="${escapeHtml(d.keywords.join(', '))}">
<meta name="dcterms.created" content="${escapeHtml(d.createdAt)}">
<title>${escapeHtml(d.title)}</title>
<style>
${fontCss()}
${CSS}${TABLE_CSS}
</style>
</head>
<body>
<div class="page">
<header class="cover">
<h1>${escapeHtml(d.title)}</h1>
${d.subtitle ? `<p class="subtitle">${escapeHtml(d.subtitle)}</p>\n` : ''}${meta.map((m) => `<p class="meta">${escapeHtml(m)}</p>`).join('\n')}
${descriptionHtml(d.description)}
</header>
<div class="search" role="search">
<input id="mizan-q" type="search" placeholder="${escapeHtml(L.searchPlaceholder)}" aria-label="${escapeHtml(L.search)}" autocomplete="off" dir="auto">
<p id="mizan-status" class="status" aria-live="polite"></p>
<ol id="mizan-results"></ol>
</div>
<nav class="toc" aria-label="${escapeHtml(L.contents)}">
<h2>${escapeHtml(L.contents)}</h2>
<ol>
${toc}
</ol>
</nav>
<main>
${grouped(items, d.sections, sectionHtml)}
</main>
</div>
<script type="application/json" id="mizan-index">${indexJson}</script>
<script type="application/json" id="mizan-page">${jsonForScript(pageData)}</script>
<script>
${this.bundle.code}
${PAGE_SCRIPT}
</script>
</body>
</html>
`;
    progress(steps, steps, 'done');
    const bytes = Buffer.from(html, 'utf8');
    return {
      bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
      indexBytes: Buffer.byteLength(indexJson),
    };
  }
}

export function renderHtml(dossier: DossierDocument, options: RenderOptions, progress?: ProgressFn): HtmlResult {
  return new HtmlRenderer(dossier, options).render(progress);
}
