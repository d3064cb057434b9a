import { KubeConfig } from '@kubernetes/client-node';
import { startSim } from '@kubeglance/sim/index';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SecureContexts } from './secureContexts.js';
import { Upstream } from './upstream.js';

let sim: Awaited<ReturnType<typeof startSim>>;
beforeAll(async () => {
  sim = await startSim({ name: 'tls', nodes: 1, pods: 2, namespaces: 1, port: 0 });
});
afterAll(async () => {
  await sim?.stop();
});

describe('secure contexts', () => {
  it('one context per set of credentials; none for options without any', () => {
    const contexts = new SecureContexts();
    const a = contexts.for({ ca: Buffer.from(sim.caPem) });
    expect(a).toBeDefined();
    expect(contexts.for({ ca: Buffer.from(sim.caPem) })).toBe(a);
    const both = contexts.for({ ca: [sim.caPem, sim.caPem] });
    expect(both).toBeDefined();
    expect(both).not.toBe(a);
    // Unusable credentials get no context (the connection fails as it would without one).
    expect(contexts.for({ ca: sim.caPem, cert: 'not a certificate' })).toBeUndefined();
    expect(contexts.for({ method: 'GET' })).toBeUndefined();
  });

  it("still verifies the apiserver's certificate against the kubeconfig's CA", async () => {
    const kc = new KubeConfig();
    kc.loadFromFile(sim.kubeconfigPath);
    const upstream = new Upstream(kc, kc.getCurrentCluster()!.server);
    // Twice: the second request's connection uses the context the first one built.
    for (let i = 0; i < 2; i++) {
      const answer = await upstream.getJson('/api/v1/nodes', { timeoutMs: 10_000 });
      expect((answer.body as { items: unknown[] }).items).toHaveLength(1);
    }
    // A kubeconfig trusting another CA (here: none but the system's) is refused.
    const wrong = new KubeConfig();
    wrong.loadFromOptions({
      clusters: [{ name: 'c', server: kc.getCurrentCluster()!.server }],
      users: [{ name: 'u', token: 'x' }],
      contexts: [{ name: 'c', cluster: 'c', user: 'u' }],
      currentContext: 'c',
    });
    upstream.reconfigure(wrong, kc.getCurrentCluster()!.server);
    await expect(upstream.getJson('/api/v1/nodes', { timeoutMs: 10_000 })).rejects.toThrow();
    upstream.stop();
  });
});
