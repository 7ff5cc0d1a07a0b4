import { defineConfig } from 'vite';

// The page script websites load (`/packs/js/sdk.js`, Chatwoot's path): one small file, no framework, no chunks.
export default defineConfig({
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2019',
    sourcemap: false,
    lib: { entry: 'src/sdk.ts', name: 'switchboardSdk', formats: ['iife'], fileName: () => 'sdk.js' },
  },
});
