/**
 * PDF documents, read with Mozilla's PDF.js (its Node build, on the parse
 * worker): one article per PDF, or, for a dossier Mizan exported, one per
 * item of its outline. Text in reading order (pdfLines.ts), paragraphs from
 * the lines' geometry and running headers/footers dropped (pdfParagraphs.ts).
 * The HTML kept with the article is its paragraphs, each titled with the
 * page it starts on, so a passage can be cited by page.
 *
 * A PDF without a text layer (a scan) is IMPORT_NO_TEXT: Mizan does no OCR.
 * A password-protected one is IMPORT_ENCRYPTED.
 */
import { dirname, join } from 'node:path';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { findDates } from '../text/dates';
import { buildArticle, cleanLine } from './article';
import { pageItems } from './pdfLines';
import {
  dropRunningLines,
  pageLines,
  paragraphsOf,
  repairMirroredBrackets,
  type PdfLine,
  type PdfParagraph,
} from './pdfParagraphs';
import { firstSentenceTitle } from './plainText';
import { ImportError, type Importer, type ParsedRecord, type SourceFile } from './types';

type PdfJs = typeof import('pdfjs-dist');
let pdfjs: Promise<PdfJs> | undefined;
/** The legacy build is the one meant for Node; an ES module, loaded on the first PDF only. */
const loadPdfJs = (): Promise<PdfJs> =>
  (pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs') as unknown as Promise<PdfJs>);

/** PDF.js's font data (the 14 standard fonts, CJK character maps): read from its package, never fetched. */
function pdfJsData(): { standardFontDataUrl: string; cMapUrl: string } {
  const root = dirname(require.resolve('pdfjs-dist/package.json'));
  return { standardFontDataUrl: join(root, 'standard_fonts') + '/', cMapUrl: join(root, 'cmaps') + '/' };
}

async function openDocument(file: SourceFile): Promise<PDFDocumentProxy> {
  const { getDocument } = await loadPdfJs();
  try {
    // A copy: PDF.js takes the buffer it is given over.
    return await getDocument({
      data: new Uint8Array(file.bytes),
      ...pdfJsData(),
      cMapPacked: true,
      verbosity: 0,
      // The fonts' ToUnicode maps, to drop characters PDF.js makes up for unmapped glyphs (pdfLines.ts).
      fontExtraProperties: true,
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      stopAtErrors: false,
    }).promise;
  } catch (error) {
    const name = (error as { name?: string } | null)?.name;
    if (name === 'PasswordException')
      throw new ImportError(
        'IMPORT_ENCRYPTED',
        `${file.path}: the PDF is password-protected; open it with its password and save an unprotected copy to import`,
      );
    const reason = error instanceof Error ? error.message : String(error);
    throw new ImportError('IMPORT_PARSE_FAILED', `${file.path}: not a readable PDF (${reason})`);
  }
}

interface DocumentText {
  lines: PdfLine[];
  pageHeights: Map<number, number>;
}

async function readLines(doc: PDFDocumentProxy): Promise<DocumentText> {
  const lines: PdfLine[] = [];
  const pageHeights = new Map<number, number>();
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    pageHeights.set(n, page.view[3]! - page.view[1]!);
    lines.push(...pageLines(await pageItems(page), n));
    page.cleanup();
  }
  const repaired = repairMirroredBrackets(lines.map((l) => l.text));
  lines.forEach((l, i) => (l.text = repaired[i]!));
  return { lines, pageHeights };
}

interface PdfMetadata {
  title: string | null;
  author: string | null;
  created: string | null;
  creator: string | null;
}

/** Titles producers write for a document with none ("Untitled", "Microsoft Word - draft.docx", a file name). */
const NO_TITLE = /^(untitled|document\d*|microsoft \w+ - .*|.*\.(docx?|pdf|html?|txt|odt|indd))$/i;

async function readMetadata(doc: PDFDocumentProxy): Promise<PdfMetadata> {
  const { PDFDateString } = await loadPdfJs();
  const info = ((await doc.getMetadata().catch(() => null))?.info ?? {}) as Record<string, unknown>;
  const text = (key: string) => {
    const v = info[key];
    return typeof v === 'string' && cleanLine(v) !== '' ? cleanLine(v) : null;
  };
  const title = text('Title');
  const created = text('CreationDate');
  return {
    title: title && !NO_TITLE.test(title) ? title : null,
    author: text('Author'),
    created: created ? (PDFDateString.toDateObject(created)?.toISOString() ?? null) : null,
    creator: text('Creator'),
  };
}

/** The first page's largest line(s): the headline of an article printed to PDF. */
function headlineOf(lines: readonly PdfLine[]): string | null {
  const first = lines.filter((l) => l.page === lines[0]?.page).slice(0, 12);
  if (first.length === 0) return null;
  const biggest = Math.max(...first.map((l) => l.size));
  const body = [...first].sort((a, b) => a.size - b.size)[Math.floor(first.length / 2)]!.size;
  if (biggest < body * 1.2) return null;
  const start = first.findIndex((l) => l.size === biggest);
  const parts: string[] = [];
  for (let i = start; i < first.length && first[i]!.size >= biggest * 0.95 && parts.length < 3; i++)
    parts.push(first[i]!.text);
  return cleanLine(parts.join(' ')) || null;
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The article's paragraphs as HTML, each titled with its page ("Page 3"). */
function pagedHtml(paragraphs: readonly PdfParagraph[]): string {
  return paragraphs.map((p) => `<p title="Page ${p.page}">${escapeHtml(p.text)}</p>`).join('\n');
}

/** Paragraphs without the headline when it opens the text (it is stored as the title). */
function withoutHeadline(paragraphs: PdfParagraph[], title: string | null): PdfParagraph[] {
  if (!title || paragraphs.length < 2) return paragraphs;
  const key = (s: string) => s.replace(/[^\p{L}\p{N}]+/gu, '');
  return key(paragraphs[0]!.text) === key(title) ? paragraphs.slice(1) : paragraphs;
}

function article(
  file: SourceFile,
  paragraphs: PdfParagraph[],
  parts: { title: string | null; author: string | null; date: string | null; originPath: string },
): ParsedRecord {
  const kept = withoutHeadline(paragraphs, parts.title);
  const body = kept.map((p) => p.text).join('\n\n');
  return {
    ok: true,
    article: buildArticle({
      title: parts.title ?? firstSentenceTitle(body),
      body,
      author: parts.author,
      date: parts.date,
      originPath: parts.originPath,
      originFormat: 'pdf',
      encoding: null,
      bodyHtml: pagedHtml(kept),
    }),
  };
}

/** Where an outline entry points: its page (1-based) and the height on it (points, y up). */
interface Anchor {
  title: string;
  page: number;
  y: number;
}

async function outlineLeaves(doc: PDFDocumentProxy): Promise<Anchor[]> {
  type Node = Awaited<ReturnType<PDFDocumentProxy['getOutline']>>[number];
  const out: Anchor[] = [];
  const walk = async (nodes: readonly Node[]) => {
    for (const node of nodes) {
      if (node.items.length > 0) {
        await walk(node.items as Node[]);
        continue;
      }
      const dest = typeof node.dest === 'string' ? await doc.getDestination(node.dest) : node.dest;
      const ref: unknown = dest?.[0];
      let page = -1;
      if (typeof ref === 'number') page = ref + 1;
      else if (ref && typeof ref === 'object')
        page = (await doc.getPageIndex(ref as Parameters<typeof doc.getPageIndex>[0])) + 1;
      const y = typeof dest?.[3] === 'number' ? dest[3] : Infinity;
      if (page > 0) out.push({ title: cleanLine(node.title), page, y });
    }
  };
  await walk((await doc.getOutline()) ?? []);
  return out.sort((a, b) => a.page - b.page || b.y - a.y);
}

/**
 * A dossier exported by Mizan (Creator "Mizan", an outline entry per item):
 * each item's lines, from its heading to the next item's, become an article
 * again; the cover and the contents before the first item are left out.
 */
function dossierItems(file: SourceFile, lines: readonly PdfLine[], anchors: readonly Anchor[]): ParsedRecord[] {
  const at = (l: PdfLine, a: Anchor) => l.page > a.page || (l.page === a.page && l.baseline <= a.y + 2);
  return anchors.flatMap((anchor, k) => {
    const next = anchors[k + 1];
    const own = lines.filter((l) => at(l, anchor) && !(next && at(l, next)));
    const paragraphs = paragraphsOf(own);
    if (paragraphs.length === 0) return [];
    return [
      article(file, paragraphs, { title: anchor.title, author: null, date: null, originPath: `${file.path}#${k + 1}` }),
    ];
  });
}

async function parsePdf(file: SourceFile): Promise<ParsedRecord[]> {
  const doc = await openDocument(file);
  try {
    const meta = await readMetadata(doc);
    const { lines: drawn, pageHeights } = await readLines(doc);
    const letters = drawn.reduce((n, l) => n + (l.text.match(/\p{L}/gu)?.length ?? 0), 0);
    if (letters < 20)
      throw new ImportError(
        'IMPORT_NO_TEXT',
        `${file.path}: the PDF has no text layer (${doc.numPages} page(s), a scan?); Mizan does not do OCR (text recognition): run OCR on it first and import the result`,
      );
    const lines = dropRunningLines(drawn, pageHeights);
    if (meta.creator === 'Mizan') {
      const anchors = await outlineLeaves(doc);
      if (anchors.length > 0) return dossierItems(file, lines, anchors);
    }
    const paragraphs = paragraphsOf(lines);
    const firstPage = paragraphs
      .filter((p) => p.page === paragraphs[0]!.page)
      .map((p) => p.text)
      .join('\n')
      .slice(0, 800);
    const dateInText = findDates(firstPage).find((d) => d.precision === 'day' && /\d{4}|[٠-٩]{4}/.test(d.text));
    return [
      article(file, paragraphs, {
        title: meta.title ?? headlineOf(lines),
        author: meta.author,
        date: dateInText?.text ?? meta.created,
        originPath: file.path,
      }),
    ];
  } finally {
    await doc.destroy();
  }
}

export const pdfImporter: Importer = {
  id: 'pdf',
  label: 'PDF document',
  extensions: ['.pdf'],
  parseAsync: (file) => parsePdf(file),
};
