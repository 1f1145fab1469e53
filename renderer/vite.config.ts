import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin, type ProxyOptions } from 'vite';

// This folder (no node: import here: renderer/ is linted as browser code).
const root = import.meta.dirname;

/**
 * The dev server needs inline scripts (React Refresh) and a websocket (HMR)
 * that the shipped CSP forbids; the meta tag is dropped while serving only.
 * Built output keeps it.
 */
function devRelaxCsp(): Plugin {
  return {
    name: 'mizan-dev-relax-csp',
    apply: 'serve',
    transformIndexHtml(html) {
      return html.replace(/<meta\s+http-equiv="Content-Security-Policy"[^>]*>\s*/i, '');
    },
  };
}

/**
 * `MIZAN_DEV_API=<the URL a web host printed> npx vite --config renderer/vite.config.ts`
 * serves the renderer with hot reload and forwards /api to that host, with its
 * token, and without the dev server's Origin (which the host would refuse).
 */
function devApiProxy(): Record<string, ProxyOptions> | undefined {
  const printed = process.env['MIZAN_DEV_API'];
  if (!printed) return undefined;
  const url = new URL(printed);
  const token = url.searchParams.get('token') ?? '';
  return {
    '/api': {
      target: url.origin,
      changeOrigin: true,
      configure(proxy) {
        proxy.on('proxyReq', (request) => {
          request.removeHeader('origin');
          request.setHeader('X-Mizan-Token', token);
        });
      },
    },
  };
}

/** The app's module, loaded by the entry (`boot.ts`) once the list's first request is sent. */
const APP_MODULE = /[\\/]renderer[\\/]src[\\/]main\.tsx$/;
/** The face of the list's Arabic titles: fetched with the scripts rather than once the first rows are laid out. */
const FIRST_FONT = /amiri-arabic-400-normal-[\w-]+\.woff2$/;

type Bundle = Parameters<NonNullable<Extract<Plugin['generateBundle'], (...args: never[]) => unknown>>>[1];

/** The chunks the first screen runs: the entry's and the app module's, with everything they import statically. */
function firstScreenChunks(bundle: Bundle): Map<string, string> {
  const chunks = new Map<string, { code: string; imports: string[] }>();
  const roots: string[] = [];
  for (const [file, output] of Object.entries(bundle)) {
    if (output.type !== 'chunk') continue;
    chunks.set(file, output);
    if (output.isEntry || APP_MODULE.test(output.facadeModuleId ?? '')) roots.push(file);
  }
  const loaded = new Map<string, string>();
  const visit = (file: string): void => {
    if (loaded.has(file)) return;
    loaded.set(file, chunks.get(file)?.code ?? '');
    for (const imported of chunks.get(file)?.imports ?? []) visit(imported);
  };
  for (const root of roots) visit(root);
  return loaded;
}

/**
 * The HTML names the app's chunks (`modulepreload`) and the list's font
 * (`preload`): the browser fetches them while the entry runs, instead of
 * once the entry asks for them.
 */
function preloadFirstScreen(): Plugin {
  return {
    name: 'mizan-preload-first-screen',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        if (!context.bundle) return html;
        const named = new Set([...html.matchAll(/(?:src|href)="\.\/([^"]+)"/g)].map((m) => m[1]));
        const links = [...firstScreenChunks(context.bundle).keys()]
          .filter((file) => !named.has(file))
          .map((file) => `<link rel="modulepreload" crossorigin href="./${file}">`);
        const font = Object.keys(context.bundle).find((file) => FIRST_FONT.test(file));
        if (font) links.push(`<link rel="preload" as="font" type="font/woff2" crossorigin href="./${font}">`);
        // The entry is async: it runs as soon as it is in, without waiting for the stylesheet (boot.ts waits for
        // it before the app renders), so the list's first request leaves while the rest is still arriving.
        return html
          .replace('<script type="module" crossorigin', '<script type="module" async crossorigin')
          .replace('</head>', `  ${links.join('\n    ')}\n  </head>`);
      },
    },
  };
}

/**
 * Prints what the first screen loads before it can draw: the entry script,
 * the app module and every chunk they import statically (the rest loads on
 * demand), in kB as written.
 */
function firstScreenSize(): Plugin {
  return {
    name: 'mizan-first-screen-size',
    apply: 'build',
    generateBundle(_options, bundle) {
      const loaded = firstScreenChunks(bundle);
      // The interface language's words load at once beside the app (boot.ts): one table, not both.
      const words = (table: RegExp): number => {
        let bytes = 0;
        const seen = new Set(loaded.keys());
        const visit = (file: string): void => {
          const output = bundle[file];
          if (seen.has(file) || output?.type !== 'chunk') return;
          seen.add(file);
          bytes += new TextEncoder().encode(output.code).length;
          for (const imported of output.imports) visit(imported);
        };
        for (const [file, output] of Object.entries(bundle))
          if (output.type === 'chunk' && table.test(output.facadeModuleId ?? '')) visit(file);
        return bytes;
      };
      const sizes = [...loaded].map(([file, code]) => [file, new TextEncoder().encode(code).length] as const);
      const total = sizes.reduce((sum, [, bytes]) => sum + bytes, 0);
      const list = sizes.map(([file, bytes]) => `${file} ${(bytes / 1000).toFixed(1)}`).join(', ');
      const en = words(/i18nEn\.ts$/);
      const ar = words(/i18nAr\.ts$/);
      this.info(
        `first screen: ${((total + en) / 1000).toFixed(1)} kB of script in English, ${((total + ar) / 1000).toFixed(1)} kB in Arabic (${list}; words ${(en / 1000).toFixed(1)} or ${(ar / 1000).toFixed(1)})`,
      );
    },
  };
}

export default defineConfig({
  root,
  // Relative asset URLs: Electron loads the page from file://.
  base: './',
  plugins: [react(), devRelaxCsp(), firstScreenSize(), preloadFirstScreen()],
  server: { proxy: devApiProxy() },
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome120',
    // Fonts are files, never data: URLs in the JS bundle.
    assetsInlineLimit: (file) => (/\.(woff2?|ttf)$/.test(file) ? false : undefined),
    chunkSizeWarningLimit: 1024,
  },
});
