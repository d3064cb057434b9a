import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { KubeConfig } from '@kubernetes/client-node';

/** What the benchmark needs of a simulator (the library's RunningSim has the same fields). */
export interface SimHandle {
  url: string;
  token: string;
  caPem: string;
  kubeconfigPath: string;
  startMs: number;
  /** Process id of the simulator, to read its CPU time (see `processCpuMs`). */
  pid: number;
  stop(): Promise<void>;
}

const CLI = fileURLToPath(new URL('../../sim/src/cli.ts', import.meta.url));

/**
 * Runs the simulator in its own process, as a real apiserver would be, so the benchmark
 * measures kubeglance's work and not the simulator's JSON generation sharing its CPU time.
 */
export async function spawnSim(args: Record<string, string | number>): Promise<SimHandle> {
  const kubeconfigPath = join(mkdtempSync(join(tmpdir(), 'kubeglance-bench-')), 'kubeconfig');
  const argv = Object.entries({ ...args, port: 0, kubeconfig: kubeconfigPath }).flatMap(
    ([k, v]) => [`--${k}`, String(v)],
  );
  const t0 = performance.now();
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', CLI, ...argv], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /ready at (https:\/\/\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`simulator exited with ${code}`)));
  });
  const startMs = performance.now() - t0;
  const kc = new KubeConfig();
  kc.loadFromFile(kubeconfigPath);
  const caData = kc.getCurrentCluster()?.caData ?? '';
  return {
    url,
    token: kc.getCurrentUser()?.token ?? '',
    caPem: Buffer.from(caData, 'base64').toString('utf8'),
    kubeconfigPath,
    startMs,
    pid: child.pid ?? 0,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
