import { resolve } from 'node:path';
import { defineConfig } from 'vite';

// The sandboxed preload must be one CommonJS file that requires only 'electron'.
export default defineConfig({
  build: {
    outDir: resolve(__dirname, '../dist/electron-preload'),
    emptyOutDir: true,
    minify: false,
    sourcemap: true,
    lib: {
      entry: resolve(__dirname, 'index.ts'),
      formats: ['cjs'],
      fileName: () => 'preload.js',
    },
    rollupOptions: { external: ['electron'] },
  },
});
