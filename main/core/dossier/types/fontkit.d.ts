/**
 * The part of `fontkit` (PDFKit's font engine) that Mizan uses: parsing a
 * font once so that a long-lived export worker hands the same parsed font to
 * every PDFKit document. The package ships no types.
 */
declare module 'fontkit' {
  interface Font {
    readonly postscriptName: string;
    layout(text: string): unknown;
    hasGlyphForCodePoint(codePoint: number): boolean;
  }
  export function create(buffer: Uint8Array, postscriptName?: string): Font;
}
