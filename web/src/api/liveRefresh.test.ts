import { QueryClient, type QueryKey } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { queryKeys } from './keys';
import { invalidateForSample } from './liveRefresh';

function cachedClient(keys: QueryKey[]): QueryClient {
  const client = new QueryClient();
  for (const key of keys) client.setQueryData(key, { cached: true });
  return client;
}

const stale = (client: QueryClient, key: QueryKey) =>
  client.getQueryState(key)?.isInvalidated ?? 'missing';

describe('invalidateForSample', () => {
  it("refreshes everything of the sampled cluster except node histories, and no other cluster's", async () => {
    const a = {
      summary: queryKeys.summary('a'),
      nodes: queryKeys.nodes('a'),
      namespaces: queryKeys.namespaces('a'),
      pods: queryKeys.pods('a', 'shop'),
      top: queryKeys.topPods('a', { sort: 'cpu', limit: 10 }),
      topNs: queryKeys.topPods('a', { sort: 'memory', limit: 5, namespace: 'shop' }),
      clusterHistory: queryKeys.history('a', { scope: 'cluster' }, '1h'),
      containerHistory: queryKeys.history(
        'a',
        { scope: 'container', namespace: 'shop', pod: 'web-1', name: 'app' },
        '15m',
      ),
    };
    const nodeHistory = queryKeys.history('a', { scope: 'node', name: 'n1' }, '1h');
    const otherCluster = [queryKeys.summary('b'), queryKeys.pods('b', 'shop')];
    const client = cachedClient([
      ...Object.values(a),
      nodeHistory,
      ...otherCluster,
      queryKeys.clusters(),
    ]);

    await invalidateForSample(client, 'a');

    for (const key of Object.values(a)) expect(stale(client, key), JSON.stringify(key)).toBe(true);
    expect(stale(client, queryKeys.clusters())).toBe(true);
    expect(stale(client, nodeHistory)).toBe(false);
    for (const key of otherCluster) expect(stale(client, key), JSON.stringify(key)).toBe(false);
  });

  it('keys differ by every parameter, so two namespaces never share a cache entry', () => {
    const client = cachedClient([queryKeys.pods('a', 'x')]);
    expect(client.getQueryData(queryKeys.pods('a', 'y'))).toBeUndefined();
    expect(client.getQueryData(queryKeys.pods('a', 'x'))).toEqual({ cached: true });
  });
});
