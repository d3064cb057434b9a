import { execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const MAIN = fileURLToPath(new URL('../src/main.ts', import.meta.url));
/** The shipped server: `pnpm --filter @kubeglance/server build`, run by plain node. */
const BUNDLE = fileURLToPath(new URL('../dist/main.js', import.meta.url));
const BUILD = fileURLToPath(new URL('../scripts/build.mjs', import.meta.url));
let built = false;

/** Builds the bundle from the current sources, once per benchmark run (~1 s of esbuild). */
function buildBundle(): void {
  if (built) return;
  execFileSync(process.execPath, [BUILD], { stdio: 'inherit' });
  built = true;
}

export interface ServerHandle {
  url: string;
  /** Resident memory of the server process, from /proc. */
  rssMiB(): number;
  stop(): Promise<void>;
}

/**
 * Runs kubeglance in its own process so load-generator and server do not share a CPU queue.
 * By default the production bundle, as the container image runs it: from source, tsx's
 * loader (in the main thread and the parse worker) added ~70 MiB of RSS at 30,000 pods.
 */
export async function spawnServer(
  args: string[],
  { fromSource = false }: { fromSource?: boolean } = {},
): Promise<ServerHandle> {
  if (!fromSource) buildBundle();
  const entry = fromSource ? ['--import', 'tsx', MAIN] : [BUNDLE];
  const child = spawn(process.execPath, [...entry, '--port', '0', '--log-level', 'info', ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /kubeglance listening on (http:\/\/\S+?)"/.exec(out);
      if (m) {
        out = '';
        resolve(m[1]!);
      }
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  child.stdout.resume();
  return {
    url,
    rssMiB: () => {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
      return Math.round(kb / 102.4) / 10;
    },
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** Polls /readyz; a server busy with its first 150k-pod list may drop a keep-alive socket. */
export async function waitReady(url: string): Promise<void> {
  for (;;) {
    const ok = await fetch(`${url}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 500));
  }
}
