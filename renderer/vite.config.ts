import path from 'node:path';
import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';

const root = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  root,
  base: './',
  plugins: [preact()],
  build: {
    outDir: path.resolve(root, '../dist/renderer'),
    emptyOutDir: true,
    // The kiosk runs offline from local files: no inlined data URLs for scripts, a small budget.
    assetsInlineLimit: 0,
    target: 'chrome120',
    sourcemap: false,
  },
});
