/**
 * Vite config for the SPA. In development the API runs on :3000 and is reached through the proxy,
 * so the browser sees one origin (the refresh cookie is SameSite=Strict and path-scoped to /api).
 * `vite build` writes dist/, which the API server serves in production (SERVE_WEB=true).
 */
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const API = 'http://localhost:3000';

export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    strictPort: true,
    proxy: {
      '/api': { target: API, changeOrigin: false },
      '/health': { target: API, changeOrigin: false },
    },
  },
  preview: { port: 5173 },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    // dist/.vite/manifest.json lets scripts/bundle-size.mjs measure what each route loads.
    manifest: true,
    // The sign-in route's budget is 250 KB gzipped (scripts/bundle-size.mjs checks it); pages load lazily.
    chunkSizeWarningLimit: 900,
    rolldownOptions: {
      treeshake: {
        // The contract's modules only declare schemas and constants: a page that uses one
        // constant need not evaluate the modules it does not touch. (Within a used module every
        // schema is still built — which is why the shell must not import runtime values from
        // @thidua/contract: see pages.tsx.)
        moduleSideEffects: [{ test: /packages[\\/]contract[\\/]src[\\/]/, sideEffects: false }],
      },
    },
  },
});
