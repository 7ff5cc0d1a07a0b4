import { defineConfig } from 'vite';

// The dashboard is served by Switchboard itself under /app (index.html) and /assets (hashed files).
export default defineConfig({
  base: '/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    assetsInlineLimit: 0,
    // React Server Components' "use client" (in @xyflow/react) means nothing in a client-only bundle.
    rollupOptions: { onwarn: (warning, warn) => warning.code !== 'MODULE_LEVEL_DIRECTIVE' && warn(warning) },
  },
  oxc: { jsx: { runtime: 'automatic' } },
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:3000',
      '/auth': 'http://127.0.0.1:3000',
      '/cable': { target: 'ws://127.0.0.1:3000', ws: true },
    },
  },
});
