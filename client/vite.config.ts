import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The contracts package ships CommonJS in dist; the client bundles its TypeScript source instead. */
export const contractsAlias = {
  '@songnodes/contracts': fileURLToPath(new URL('../contracts/src/index.ts', import.meta.url)),
};

/** The API the dev server proxies to (`npm start` serves both on one origin, so production needs no proxy). */
const apiOrigin = process.env.SONGNODES_API_ORIGIN ?? 'http://127.0.0.1:4000';

export default defineConfig({
  base: '/',
  plugins: [react()],
  resolve: { alias: contractsAlias },
  worker: { format: 'es' },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 1500 },
  server: { proxy: { '/graphql': { target: apiOrigin, ws: true, changeOrigin: true } } },
  preview: { proxy: { '/graphql': { target: apiOrigin, ws: true, changeOrigin: true } } },
});
