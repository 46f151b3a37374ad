import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/** Builds the bench page (bench-page.ts + the client's store, layout and renderer) into bench/results/tmp. */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  logLevel: 'warn',
  resolve: {
    alias: { '@songnodes/contracts': fileURLToPath(new URL('../../contracts/src/index.ts', import.meta.url)) },
  },
  worker: { format: 'es' },
  build: {
    outDir: fileURLToPath(new URL('../results/tmp/client-bench', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
});
