import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * The web build. In production the server serves `dist/` (FORMFLOW_WEB_ROOT or the CLI's default); in development
 * `pnpm --filter @formflow/web dev` proxies `/api` to a server on FORMFLOW_API (default http://127.0.0.1:3000).
 * `FORMFLOW_WEB_OUT` builds elsewhere (the browser tests build into a private folder).
 */
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: process.env.FORMFLOW_WEB_OUT ?? 'dist',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 900,
  },
  server: {
    proxy: { '/api': process.env.FORMFLOW_API ?? 'http://127.0.0.1:3000' },
  },
});
