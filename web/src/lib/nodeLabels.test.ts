import { describe, expect, it } from 'vitest';
import { nodeLabels, sharedSuffix } from './nodeLabels';

describe('nodeLabels', () => {
  it('drops the stem of the largest family and the shared prefix of the rest', () => {
    const names = [
      'sim-control-plane-1',
      'sim-control-plane-2',
      'sim-worker-001',
      'sim-worker-002',
      'sim-worker-003',
    ];
    expect(nodeLabels(names)).toEqual({
      labels: ['control-plane-1', 'control-plane-2', '001', '002', '003'],
      prefix: 'sim-worker-',
    });
  });

  it('drops a shared suffix (EKS names)', () => {
    const names = [
      'ip-10-0-1-5.ec2.internal',
      'ip-10-0-1-7.ec2.internal',
      'ip-10-0-2-9.ec2.internal',
    ];
    expect(sharedSuffix(names)).toBe('.ec2.internal');
    expect(nodeLabels(names).labels).toEqual(['5', '7', 'ip-10-0-2-9'.slice('ip-10-0-'.length)]);
  });

  it('keeps GKE pools apart by their hash and node id', () => {
    const names = [
      'gke-prod-default-pool-1a2b3c4d-x7k2',
      'gke-prod-default-pool-1a2b3c4d-q9zz',
      'gke-prod-highmem-9f8e7d6c-ab12',
    ];
    expect(nodeLabels(names).labels).toEqual(['x7k2', 'q9zz', 'highmem-9f8e7d6c-ab12']);
  });

  it('never returns an empty label and keeps single names whole', () => {
    expect(nodeLabels(['minikube']).labels).toEqual(['minikube']);
    expect(nodeLabels(['a-1', 'a-2']).labels).toEqual(['1', '2']);
    for (const l of nodeLabels(['x-', 'x-1', 'y']).labels) expect(l.length).toBeGreaterThan(0);
  });
});
