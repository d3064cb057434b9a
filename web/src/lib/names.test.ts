import { describe, expect, it } from 'vitest';
import { sharedPrefix, splitTail } from './names';

describe('sharedPrefix', () => {
  it('cuts at the last separator of the common start', () => {
    expect(sharedPrefix(['sim-worker-001', 'sim-worker-002', 'sim-worker-010'])).toBe(
      'sim-worker-',
    );
    expect(sharedPrefix(['sim-control-plane-1', 'sim-worker-001'])).toBe('sim-');
    expect(sharedPrefix(['ip-10-0-1-5.ec2.internal', 'ip-10-0-2-7.ec2.internal'])).toBe('ip-10-0-');
  });

  it('is empty when nothing useful is shared', () => {
    expect(sharedPrefix(['alpha', 'beta'])).toBe('');
    expect(sharedPrefix(['node1', 'node2'])).toBe('');
    expect(sharedPrefix(['only-one'])).toBe('');
    expect(sharedPrefix([])).toBe('');
  });

  it('never leaves a name empty', () => {
    expect(sharedPrefix(['a-b-', 'a-b-c'])).toBe('');
    expect(sharedPrefix(['a-b', 'a-b-c'])).toBe('a-');
  });
});

describe('splitTail', () => {
  it('keeps the last segment (pod hash, node number) as the tail', () => {
    expect(splitTail('catalog-api-5bd4bc75cd-22mk7')).toEqual(['catalog-api-5bd4bc75cd', '-22mk7']);
    expect(splitTail('worker-001')).toEqual(['worker', '-001']);
    expect(splitTail('identity-elasticsearch-1')).toEqual(['identity-elasticsearch', '-1']);
  });

  it('falls back to the last characters without a short last segment', () => {
    expect(splitTail('averyveryverylongname')).toEqual(['averyveryverylong', 'name']);
    expect(splitTail('short')).toEqual(['short', '']);
    expect(splitTail('x-averyveryverylongsegment')).toEqual(['x-averyveryverylongseg', 'ment']);
  });

  it('always returns the whole name', () => {
    for (const n of ['a', 'a-', '-a', 'abc-def', 'kube-proxy-m8xsj', 'trailing-'])
      expect(splitTail(n).join('')).toBe(n);
  });
});
