import { defineConfig } from 'vitest/config';
import { contractsAlias } from './vite.config.ts';

/**
 * Two tiers (STYLE.md item 8): `unit` — pure modules beside the code, no I/O; `e2e` — Debian Chromium driven by
 * playwright-core against the built client, the real server and real databases (test/browser, sequential).
 */
export default defineConfig({
  resolve: { alias: contractsAlias },
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['src/**/*.test.ts'], environment: 'node' },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/browser/**/*.test.ts'],
          environment: 'node',
          fileParallelism: false,
          testTimeout: 600_000,
          hookTimeout: 900_000,
        },
      },
    ],
  },
});
