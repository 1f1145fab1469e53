import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// The sandboxed preload must be one CommonJS file that requires only 'electron'.
export default defineConfig({
  build: {
    outDir: here('../dist/electron-preload'),
    emptyOutDir: true,
    minify: false,
    sourcemap: true,
    lib: {
      entry: here('./index.ts'),
      formats: ['cjs'],
      fileName: () => 'preload.js',
    },
    rollupOptions: { external: ['electron'] },
  },
});
