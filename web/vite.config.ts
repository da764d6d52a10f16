import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The API serves the built files itself (redress serve --web-root web/dist); in development Vite
// forwards /api to a running `redress serve` on port 8080.
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // index.html must hold no inline script or style: the server's CSP forbids both.
    assetsInlineLimit: 0,
    sourcemap: false,
  },
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
});
