import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parseCliArgs, UsageError } from '../src/cli.js';
import { testCluster } from '../src/model/testing.js';

const podsIn = (c: ReturnType<typeof testCluster>['cluster'], ns: string) =>
  c.store.list('pods').filter((p) => p.metadata.namespace === ns).length;

describe('--big-namespace', () => {
  it('puts exactly COUNT of the pods into one new namespace, the rest elsewhere', () => {
    const { cluster } = testCluster({
      nodes: 40,
      pods: 3000,
      namespaces: 6,
      bigNamespace: { name: 'shop', pods: 2000 },
    });
    const pods = cluster.store.list('pods');
    expect(cluster.store.list('namespaces').map((n) => n.metadata.name)).toContain('shop');
    expect(podsIn(cluster, 'shop')).toBe(2000);
    expect(pods.length).toBe(3000);
  });

  it('changes nothing when absent: same seed, same cluster', () => {
    const names = (c: ReturnType<typeof testCluster>['cluster']) =>
      c.store.list('pods').map((p) => `${p.metadata.namespace}/${p.metadata.name}`);
    const a = testCluster({ nodes: 10, pods: 300 }).cluster;
    const b = testCluster({ nodes: 10, pods: 300, bigNamespace: undefined }).cluster;
    expect(names(b)).toEqual(names(a));
  });

  it('parses NAME:COUNT and refuses anything else, or more pods than --pods', () => {
    expect(parseCliArgs(['--pods', '20000', '--big-namespace', 'shop:10000'])).toMatchObject({
      bigNamespace: { name: 'shop', pods: 10000 },
    });
    for (const bad of ['shop', 'Shop:10', 'shop:', 'shop:-1', ':5', 'shop:0'])
      expect(() => parseCliArgs(['--big-namespace', bad])).toThrow(UsageError);
    expect(() => parseCliArgs(['--pods', '100', '--big-namespace', 'shop:101'])).toThrow(
      /more pods/,
    );
  });
});

describe('startSim with a big namespace', () => {
  it('serves the big namespace it was asked for (real kubectl)', async () => {
    const { startSim } = await import('../src/index.js');
    const sim = await startSim({
      port: 0,
      nodes: 20,
      pods: 1200,
      bigNamespace: { name: 'shop', pods: 1000 },
    });
    try {
      const { stdout } = await promisify(execFile)(
        '/usr/bin/kubectl',
        ['--kubeconfig', sim.kubeconfigPath, 'get', 'pods', '-n', 'shop', '-o', 'name'],
        { maxBuffer: 1 << 24 },
      );
      expect(stdout.trim().split('\n')).toHaveLength(1000);
    } finally {
      await sim.stop();
    }
  });
});
