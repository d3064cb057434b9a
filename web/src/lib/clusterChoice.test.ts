import { describe, expect, it } from 'vitest';
import { chooseCluster } from './clusterChoice';

describe('chooseCluster', () => {
  const names = ['sim-prod', 'sim-staging'];

  it('uses the URL cluster when it exists, even before the list loads', () => {
    expect(chooseCluster(names, 'sim-staging', 'sim-prod')).toEqual({
      kind: 'ok',
      name: 'sim-staging',
    });
    expect(chooseCluster(undefined, 'x', null)).toEqual({ kind: 'loading' });
  });

  it('reports an unknown URL cluster', () => {
    expect(chooseCluster(names, 'nope', null)).toEqual({ kind: 'unknown', name: 'nope' });
  });

  it('falls back to the remembered, then the first cluster', () => {
    expect(chooseCluster(names, undefined, 'sim-staging')).toEqual({
      kind: 'ok',
      name: 'sim-staging',
    });
    expect(chooseCluster(names, undefined, 'gone')).toEqual({ kind: 'ok', name: 'sim-prod' });
    expect(chooseCluster([], undefined, null)).toEqual({ kind: 'none' });
  });
});
