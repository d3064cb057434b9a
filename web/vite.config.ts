import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The server (pnpm start) serves /api and this build from web/dist on :8080;
// in dev, Vite serves the SPA and forwards /api there.
const API_TARGET = process.env.KUBEGLANCE_API ?? 'http://127.0.0.1:8080';

const APP_LIBS =
  /node_modules[\\/](\.pnpm[\\/][^\\/]+[\\/]node_modules[\\/])?(@tanstack|react|react-dom|react-router|scheduler)[\\/]/;

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
        // Vendor code the first screen needs goes in one long-cached chunk;
        // Recharts and its d3/redux dependencies load only with the first chart.
        codeSplitting: {
          // A group would otherwise also take everything its modules import
          // (React included), and the entry would preload the charts chunk.
          includeDependenciesRecursively: false,
          groups: [
            {
              name: 'virtual',
              test: /node_modules[\\/].*@tanstack[\\/](react-)?virtual/,
              priority: 3,
            },
            { name: 'vendor', test: /node_modules/, tags: ['$initial'], priority: 2 },
            // The rest of node_modules, minus late-used parts of the app's own
            // libraries (e.g. react-query's useQueries), is what the charts pull in.
            {
              name: 'charts',
              test: (id) => /node_modules/.test(id) && !APP_LIBS.test(id),
              priority: 1,
            },
          ],
        },
      },
    },
  },
});
