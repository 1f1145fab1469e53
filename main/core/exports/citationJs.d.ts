// The part of citation-js (MIT; no type declarations of its own) that the exports use.
declare module '@citation-js/core' {
  export class Cite {
    constructor(data: unknown);
    data: Array<Record<string, unknown>>;
    format(format: string, options?: Record<string, unknown>): string;
  }
  export const plugins: {
    config: {
      get(plugin: '@bibtex'): { format: { asciiOnly: boolean; useIdAsLabel: boolean } };
      get(plugin: '@csl'): {
        styles: { add(name: string, style: unknown): void; has(name: string): boolean };
        locales: { add(name: string, xml: string): void; has(name: string): boolean };
      };
    };
  };
}
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-ris';
declare module '@citation-js/plugin-csl';
declare module 'style-chicago' {
  const style: unknown;
  export = style;
}
