import path from 'node:path';
import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';

const root = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  root,
  base: './',
  plugins: [preact()],
  resolve: {
    // simple-keyboard's "main" is a CommonJS bundle whose default export Rollup mis-reads;
    // its ES module build is the same code.
    alias: [{ find: /^simple-keyboard$/, replacement: 'simple-keyboard/build/index.modern.esm.js' }],
  },
  build: {
    outDir: path.resolve(root, '../dist/renderer'),
    emptyOutDir: true,
    // The kiosk runs offline from local files: no inlined data URLs for scripts, a small budget.
    assetsInlineLimit: 0,
    target: 'chrome120',
    sourcemap: false,
  },
});
