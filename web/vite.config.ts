import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { translationParts } from './translation-parts.ts';

// src/core's cycle verifier runs in the browser (the verify pages and their worker) on a shim of
// the node:crypto functions it uses (web/src/shared/verify/node-crypto.ts). The alias is part of
// `resolve`, which the worker bundle shares with the app's.
const nodeCryptoShim = fileURLToPath(new URL('./src/shared/verify/node-crypto.ts', import.meta.url));

// The app is built into dist/web, which the server serves at `/` (src/http/web-app.ts).
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react(), translationParts(fileURLToPath(new URL('./src/shared/i18n', import.meta.url)))],
  resolve: { alias: { 'node:crypto': nodeCryptoShim } },
  worker: { format: 'es' },
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    sourcemap: true,
    // The bench (npm run bench -- web) holds the home page's JavaScript under its budget.
    chunkSizeWarningLimit: 600,
  },
  server: { proxy: { '/api': 'http://localhost:8080' } },
});
