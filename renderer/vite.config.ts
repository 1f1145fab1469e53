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

/**
 * Prints what the first screen loads before it can draw: the entry script and
 * every chunk it imports statically (the rest loads on demand), in kB as written.
 */
function firstScreenSize(): Plugin {
  return {
    name: 'mizan-first-screen-size',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = new Map<string, { code: string; imports: string[] }>();
      for (const [file, output] of Object.entries(bundle)) if (output.type === 'chunk') chunks.set(file, output);
      const entry = Object.entries(bundle).find(([, output]) => output.type === 'chunk' && output.isEntry)?.[0];
      const loaded = new Set<string>();
      const visit = (file: string): void => {
        if (loaded.has(file)) return;
        loaded.add(file);
        for (const imported of chunks.get(file)?.imports ?? []) visit(imported);
      };
      if (entry) visit(entry);
      const sizes = [...loaded].map(
        (file) => [file, new TextEncoder().encode(chunks.get(file)?.code ?? '').length] as const,
      );
      const total = sizes.reduce((sum, [, bytes]) => sum + bytes, 0);
      const list = sizes.map(([file, bytes]) => `${file} ${(bytes / 1000).toFixed(1)}`).join(', ');
      this.info(`first screen: ${(total / 1000).toFixed(1)} kB of script (${list})`);
    },
  };
}

export default defineConfig({
  root,
  // Relative asset URLs: Electron loads the page from file://.
  base: './',
  plugins: [react(), devRelaxCsp(), firstScreenSize()],
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
