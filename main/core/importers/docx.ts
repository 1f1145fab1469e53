/**
 * Word documents (.docx) with mammoth, which turns the document's structure
 * (headings, paragraphs, lists, tables, footnotes) into plain HTML: one
 * article per file, its title the first heading (else the first sentence),
 * its text and sanitized HTML read from mammoth's HTML as a page's would be.
 *
 * A file named .docx that is no Word document (another ZIP renamed, a
 * damaged file) is refused naming the file.
 */
import mammoth from 'mammoth';
import { buildArticle, cleanLine } from './article';
import { parseHtmlDocument } from './dom';
import { firstSentenceTitle } from './plainText';
import { htmlToText, sanitizeChildren } from './sanitize';
import { ImportError, type Importer, type ParsedRecord, type SourceFile } from './types';

async function parseDocx(file: SourceFile): Promise<ParsedRecord[]> {
  let html: string;
  try {
    html = (await mammoth.convertToHtml({ buffer: Buffer.from(file.bytes) })).value;
  } catch (error) {
    const reason = error instanceof Error ? error.message.split(/[.:]\s/)[0] : String(error);
    throw new ImportError(
      'IMPORT_PARSE_FAILED',
      `${file.path}: not a Word document (.docx) that Mizan can read (${reason}); a .doc or another ZIP renamed .docx cannot be imported`,
    );
  }
  const doc = parseHtmlDocument(html);
  const body = doc.body ?? doc.documentElement;
  const heading = body.querySelector('h1, h2');
  const title = heading ? cleanLine(heading.textContent ?? '') : '';
  if (heading && title !== '') heading.remove();
  const text = htmlToText(body).trim();
  if (text === '' && title === '') throw new ImportError('IMPORT_EMPTY', `${file.path}: the document holds no text`);
  return [
    {
      ok: true,
      article: buildArticle({
        title: title || firstSentenceTitle(text),
        body: text || title,
        originPath: file.path,
        originFormat: 'docx',
        encoding: null,
        bodyHtml: sanitizeChildren(body),
      }),
    },
  ];
}

export const docxImporter: Importer = {
  id: 'docx',
  label: 'Word document (DOCX)',
  extensions: ['.docx'],
  parseAsync: (file) => parseDocx(file),
};
