/**
 * `KUBECONFIG=a:b` merges every file as kubectl does: two simulators, each with the kubeconfig
 * it wrote, read through one list, by the function and by the real CLI a user starts.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { CoreV1Api } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSim } from '@kubeglance/sim/index';
import { findKubeconfig, kubeconfigTargets } from '../src/kube/clusterTargets.js';
import type { Sim } from './harness.js';

let alpha: Sim;
let beta: Sim;
let dir: string;

beforeAll(async () => {
  const common = { namespaces: 2, resolutionMs: 1000, churnPerMinute: 0, port: 0 };
  alpha = await startSim({ ...common, name: 'alpha', nodes: 2, pods: 10, seed: 1 });
  beta = await startSim({ ...common, name: 'beta', nodes: 3, pods: 12, seed: 2 });
  dir = await mkdtemp(join(tmpdir(), 'kubeglance-kubeconfigs-'));
});

afterAll(async () => {
  await Promise.allSettled([alpha?.stop(), beta?.stop()]);
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('findKubeconfig', () => {
  it('splits $KUBECONFIG on the platform delimiter, skipping empty entries; the flag is one file', () => {
    const env = { KUBECONFIG: ['a', '', 'b'].join(delimiter), HOME: '/nonexistent' };
    expect(findKubeconfig(undefined, env)).toEqual({ from: 'KUBECONFIG', files: ['a', 'b'] });
    expect(findKubeconfig('x', env)).toEqual({ from: 'flag', files: ['x'] });
    expect(findKubeconfig(undefined, { KUBECONFIG: delimiter, HOME: '/nonexistent' })).toBe(
      undefined,
    );
  });
});

describe('kubeconfigTargets over a list', () => {
  it('merges every context, says which file each came from, and skips a missing file', async () => {
    const missing = join(dir, 'missing.kubeconfig');
    const targets = kubeconfigTargets(
      [alpha.kubeconfigPath, missing, beta.kubeconfigPath],
      [],
      true,
    );
    expect(targets.map((t) => [t.name, t.server, t.kubeconfigFile])).toEqual([
      ['alpha', alpha.url, alpha.kubeconfigPath],
      ['beta', beta.url, beta.kubeconfigPath],
    ]);
    // Each target reaches its own cluster over TLS with its own credentials.
    for (const [target, sim] of [
      [targets[0]!, alpha],
      [targets[1]!, beta],
    ] as const) {
      const nodes = await target.kubeConfig.makeApiClient(CoreV1Api).listNode();
      expect(nodes.items.map((n) => n.metadata?.name).length, target.name).toBe(
        sim.name === 'alpha' ? 2 : 3,
      );
    }
  });

  it("takes the first file's current context and the first definition of a name, as kubectl does", async () => {
    // A second definition of context "alpha" that points at beta's cluster must be ignored.
    const shadow = (await readFile(beta.kubeconfigPath, 'utf8')).replaceAll('beta', 'alpha');
    const shadowPath = join(dir, 'shadow.kubeconfig');
    await writeFile(shadowPath, shadow, { mode: 0o600 });
    const [current] = kubeconfigTargets([alpha.kubeconfigPath, beta.kubeconfigPath], [], false);
    expect(current?.name).toBe('alpha');
    const [first] = kubeconfigTargets([alpha.kubeconfigPath, shadowPath], ['alpha'], false);
    expect([first?.server, first?.kubeconfigFile]).toEqual([alpha.url, alpha.kubeconfigPath]);
    const [reversed] = kubeconfigTargets([shadowPath, alpha.kubeconfigPath], ['alpha'], false);
    expect([reversed?.server, reversed?.kubeconfigFile]).toEqual([beta.url, shadowPath]);
  });

  it('refuses a list in which no file exists, naming the files', () => {
    const list = [join(dir, 'x'), join(dir, 'y')];
    expect(() => kubeconfigTargets(list, [], true)).toThrow(
      `no kubeconfig found in ${list.join(', ')}`,
    );
  });
});

const MAIN = fileURLToPath(new URL('../src/main.ts', import.meta.url));
const TSX = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));

describe('KUBECONFIG=a:b pnpm start -- --all-contexts', () => {
  let child: ChildProcess | undefined;
  afterAll(() => {
    child?.kill('SIGTERM');
  });

  it(
    'watches both clusters and logs the file each context came from',
    { timeout: 90_000 },
    async () => {
      child = spawn(TSX, [MAIN, '--all-contexts', '--port', '0', '--static-dir', '/nonexistent'], {
        env: {
          PATH: process.env.PATH,
          HOME: dir,
          KUBECONFIG: [alpha.kubeconfigPath, beta.kubeconfigPath].join(delimiter),
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
      const watching = new Map<string, string>();
      let url: string | undefined;
      for await (const line of createInterface({ input: child.stdout! })) {
        const entry = JSON.parse(line) as { cluster?: string; kubeconfig?: string; url?: string };
        if (entry.cluster && entry.kubeconfig) watching.set(entry.cluster, entry.kubeconfig);
        if (entry.url) {
          url = entry.url;
          break;
        }
      }
      expect(url, `server did not start: ${stderr}`).toBeDefined();
      expect(Object.fromEntries(watching)).toEqual({
        alpha: alpha.kubeconfigPath,
        beta: beta.kubeconfigPath,
      });
      const clusters = (await (await fetch(`${url}/api/v1/clusters`)).json()) as {
        items: { name: string }[];
      };
      expect(clusters.items.map((c) => c.name).sort()).toEqual(['alpha', 'beta']);
    },
  );
});

describe('--host 0.0.0.0 --auth none', () => {
  let child: ChildProcess | undefined;
  afterAll(() => {
    child?.kill('SIGTERM');
  });

  it(
    'starts, and warns that anyone who can connect reads cluster data',
    { timeout: 90_000 },
    async () => {
      const args = ['--host', '0.0.0.0', '--auth', 'none', '--port', '0', '--static-dir', '/x'];
      child = spawn(TSX, [MAIN, ...args], {
        env: { PATH: process.env.PATH, HOME: dir, KUBECONFIG: alpha.kubeconfigPath },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
      let warning: { level?: number; msg?: string; host?: string } | undefined;
      for await (const line of createInterface({ input: child.stdout! })) {
        const entry = JSON.parse(line) as { level?: number; msg?: string; host?: string };
        if (entry.msg?.startsWith('authentication is off')) {
          warning = entry;
          break;
        }
      }
      expect(warning, `no warning logged: ${stderr}`).toMatchObject({ level: 40, host: '0.0.0.0' });
      expect(warning!.msg).toMatch(/anyone who can connect reads cluster data/);
    },
  );
});
