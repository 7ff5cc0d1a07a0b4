import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // n8n loads n8n-workflow as CommonJS; its ESM build has extensionless imports Node cannot load and costs
    // vite seconds to transform, so the n8n node tests take the CommonJS build n8n itself runs.
    alias: [{ find: /^n8n-workflow$/, replacement: require.resolve('n8n-workflow') }],
  },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'packages/*/test/**/*.test.ts', 'web/*/src/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    setupFiles: ['test/setup-file.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
    isolate: false,
    maxWorkers: 2,
  },
});
