// Production build: the server and everything it imports (workspace packages and npm
// dependencies) bundled into one ES module run by plain `node dist/main.js`, so the
// runtime image needs no node_modules, no TypeScript and no tsx.
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

await build({
  // The metrics parse worker is its own file beside main.js (new Worker needs a file).
  entryPoints: {
    main: new URL('../src/main.ts', import.meta.url).pathname,
    metricsParseWorker: new URL('../src/kube/metricsParseWorker.ts', import.meta.url).pathname,
  },
  outdir: new URL('../dist/', import.meta.url).pathname,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: 'linked',
  legalComments: 'linked',
  logLevel: 'warning',
  // The bundle has no package.json beside it: the User-Agent's version is built in.
  define: { 'process.env.KUBEGLANCE_BUILD_VERSION': JSON.stringify(version) },
  // CommonJS dependencies bundled into ESM still call require() for Node built-ins.
  banner: {
    js: "import { createRequire as __kgCreateRequire } from 'node:module'; const require = __kgCreateRequire(import.meta.url);",
  },
});
