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
    // The login route's budget is 250 KB gzipped; antd's full bundle would blow it, so chunks stay per route.
    chunkSizeWarningLimit: 900,
  },
});
