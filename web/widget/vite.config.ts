import { defineConfig } from 'vite';

// The page the website widget's iframe loads: served by Switchboard at /widget, its hashed files at /widget/assets.
export default defineConfig({
  base: '/widget/',
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2020', sourcemap: false, assetsInlineLimit: 0 },
  oxc: { jsx: { runtime: 'automatic' } },
});
