import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The app is built into dist/web, which the server serves at `/` (src/http/web-app.ts).
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    sourcemap: true,
    // The bench (npm run bench -- web) holds the home page's JavaScript under its budget.
    chunkSizeWarningLimit: 600,
  },
  server: { proxy: { '/api': 'http://localhost:8080' } },
});
