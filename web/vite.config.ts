import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The server (pnpm start) serves /api and this build from web/dist on :8080;
// in dev, Vite serves the SPA and forwards /api there.
const API_TARGET = process.env.KUBEGLANCE_API ?? 'http://127.0.0.1:8080';

export default defineConfig({
  plugins: [react()],
  server: {
    host: '127.0.0.1',
    proxy: {
      '/api': {
        target: API_TARGET,
        changeOrigin: true,
        // SSE must reach the browser event by event: ask upstream for an
        // uncompressed body and tell intermediaries not to buffer it.
        configure: (proxy) => {
          proxy.on('proxyReq', (req) => req.setHeader('accept-encoding', 'identity'));
          proxy.on('proxyRes', (res) => {
            if (String(res.headers['content-type']).startsWith('text/event-stream')) {
              res.headers['cache-control'] = 'no-cache, no-transform';
              res.headers['x-accel-buffering'] = 'no';
            }
          });
        },
      },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Size report: Vite prints raw and gzip sizes per chunk.
    reportCompressedSize: true,
    chunkSizeWarningLimit: 400,
    rolldownOptions: {
      output: {
        // Recharts (and its d3/redux dependencies) only load with the first chart,
        // never with the initial route's JS.
        codeSplitting: {
          groups: [
            {
              name: 'charts',
              test: /node_modules[\\/].*(recharts|d3-|victory-vendor|@reduxjs|redux|immer|reselect|decimal\.js|internmap|es-toolkit|eventemitter3)/,
              priority: 2,
            },
            {
              name: 'vendor',
              test: /node_modules[\\/].*(react|react-dom|scheduler|react-router|@tanstack)[\\/]/,
              priority: 1,
            },
          ],
        },
      },
    },
  },
});
