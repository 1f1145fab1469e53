/**
 * The text a LaTeX document prints, from its source: what a PDF import of its
 * build is scored against. Written for the macros of the fixtures in
 * tests/fixtures/pdf (the Amiri documentation), not for LaTeX at large.
 *
 * Left out: what the build makes up (the contents page, page numbers, the
 * footnote marks), footnotes (printed at the foot of a page, away from the
 * words around them; URLs mostly) and font-feature switches. Kept: section
 * titles, item labels, table cells, `\U{0660}` as the "U+0660" it prints,
 * `^^^600` as the character it stands for.
 */

/** Where the group opened at `open` (a "{") closes. */
function groupEnd(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i;
  }
  return text.length;
}

/** The text without each `\name{…}` (with its argument). */
function withoutCommand(text: string, name: string): string {
  const pattern = new RegExp(`\\\\${name}\\{`);
  let out = text;
  for (let at = out.search(pattern); at >= 0; at = out.search(pattern))
    out = out.slice(0, at) + out.slice(groupEnd(out, out.indexOf('{', at)) + 1);
  return out;
}

export interface LatexTextOptions {
  /** The title and section titles (a PDF can draw them in a font that maps no glyph to text). */
  headings?: boolean;
}

export function latexText(source: string, options: LatexTextOptions = {}): string {
  const title = /\\title\{(.*)\}\s*$/m.exec(source)?.[1] ?? '';
  const author = /\\author\{(.*)\}\s*$/m.exec(source)?.[1] ?? '';
  let text = source.slice(source.indexOf('\\begin{document}') + 16, source.indexOf('\\end{document}'));
  text = text.replace(/(^|[^\\])%.*$/gm, '$1');
  text = text.replace('\\maketitle', options.headings === false ? author : `${title} ${author}`);
  if (options.headings === false) text = withoutCommand(text, '(?:sub)*section');
  for (const name of ['footnote', 'url', 'pageref', 'label', 'F', 'L']) text = withoutCommand(text, name);
  return text
    .replace(/\\U\{([0-9A-F]+)\}/g, 'U+$1')
    .replace(/\^\^\^([0-9a-f]{3})/g, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/\\(?:begin|end)\{[^}]*\}(?:\[[^\]]*\])?(?:\{[^}]*\})?/g, ' ')
    .replace(/\\(?:tableofcontents|hline|setstretch\{[^}]*\})/g, ' ')
    .replace(/\\item(?:\[([^\]]*)\])?/g, ' $1 ')
    .replace(/\\\\/g, ' ')
    .replace(/\\&/g, '\u0000')
    .replace(/&/g, ' ')
    .replace(/\u0000/g, '&')
    .replace(/\\[a-zA-Z]+\*?/g, ' ')
    .replace(/[{}]/g, '');
}
