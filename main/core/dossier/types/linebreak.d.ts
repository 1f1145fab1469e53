/**
 * The part of `linebreak` (UAX #14, by PDFKit's author) that Mizan uses. The
 * package ships no types; its CommonJS entry exports the class itself.
 */
declare module 'linebreak' {
  interface Break {
    /** The break falls before this index: a line may end at text.slice(0, position). */
    position: number;
    /** A mandatory break (a newline). */
    required: boolean;
  }
  class LineBreaker {
    constructor(text: string);
    nextBreak(): Break | null;
  }
  export = LineBreaker;
}
