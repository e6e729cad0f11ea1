import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/** `@shared/…` is the wire contract, as tsconfig.json's paths and vite.config.ts name it. */
const resolve = { alias: { '@shared': fileURLToPath(new URL('./shared', import.meta.url)) } };

export default defineConfig({
  test: {
    projects: [
      {
        resolve,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        resolve,
        test: {
          name: 'api',
          include: ['tests/api/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/api/globalSetup.ts'],
          // One database for the run; the embedded engine is a single session, so files take turns.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
