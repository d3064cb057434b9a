import { describe, expect, it, vi } from 'vitest';
import { ObjectStore } from './objectStore.js';
import type { KubeObject } from './types.js';

function pod(namespace: string, name: string, phase = 'Running'): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace,
      uid: `${namespace}-${name}`,
      resourceVersion: '',
      creationTimestamp: '2026-11-21T10:00:00Z',
    },
    status: { phase },
  };
}

const names = (objects: readonly KubeObject[]) =>
  objects.map((o) => `${o.metadata.namespace ?? ''}/${o.metadata.name}`);

describe('ObjectStore', () => {
  it('stamps every change with a new, monotonically increasing resourceVersion', () => {
    const store = new ObjectStore();
    store.load('pods', [pod('b', 'x'), pod('a', 'y')]);
    expect(store.currentResourceVersion()).toBe(2);
    const added = store.create('pods', pod('a', 'z'));
    const modified = store.update('pods', pod('a', 'z', 'Succeeded'));
    const deleted = store.delete('pods', 'a', 'z');
    expect([added.resourceVersion, modified.resourceVersion, deleted?.resourceVersion]).toEqual([
      3, 4, 5,
    ]);
    expect(deleted?.object.metadata.resourceVersion).toBe('5');
    // The DELETED object carries the last state, and history keeps its own RV.
    expect(deleted?.object.status?.phase).toBe('Succeeded');
    expect(modified.object.metadata.resourceVersion).toBe('4');
    expect(store.currentResourceVersion()).toBe(5);
  });

  it('lists sorted by namespace then name, cached until something changes', () => {
    const store = new ObjectStore();
    store.load('pods', [pod('b', 'a'), pod('a', 'c'), pod('a', 'b'), pod('a-x', 'a')]);
    const first = store.list('pods');
    expect(names(first)).toEqual(['a/b', 'a/c', 'a-x/a', 'b/a']);
    expect(store.list('pods')).toBe(first);
    store.create('pods', pod('a', 'bb'));
    const second = store.list('pods');
    expect(second).not.toBe(first);
    // Earlier snapshots are not mutated by later changes.
    expect(names(first)).toEqual(['a/b', 'a/c', 'a-x/a', 'b/a']);
    expect(names(second)).toEqual(['a/b', 'a/bb', 'a/c', 'a-x/a', 'b/a']);
    store.delete('pods', 'a', 'c');
    expect(names(store.list('pods'))).toEqual(['a/b', 'a/bb', 'a-x/a', 'b/a']);
    expect(store.get('pods', 'a', 'bb')?.metadata.name).toBe('bb');
    expect(store.get('pods', 'a', 'c')).toBeUndefined();
    expect(store.count('pods')).toBe(4);
  });

  it('rejects duplicate creates and updates of missing objects', () => {
    const store = new ObjectStore();
    store.create('pods', pod('a', 'x'));
    expect(() => store.create('pods', pod('a', 'x'))).toThrow(/already exists/);
    expect(() => store.update('pods', pod('a', 'y'))).toThrow(/not found/);
    expect(store.delete('pods', 'a', 'y')).toBeUndefined();
  });

  it('answers eventsSince within the window and "gone" before it', () => {
    const store = new ObjectStore({ eventWindow: 3 });
    store.load('pods', [pod('a', 'x')]); // RV 1
    store.load('nodes', []);
    expect(store.eventsSince('pods', 0)).toBe('gone');
    expect(store.eventsSince('pods', 1)).toEqual([]);
    for (const name of ['p1', 'p2', 'p3', 'p4']) store.create('pods', pod('a', name)); // RV 2..5
    // Window holds RVs 3, 4, 5: resuming from 2 still sees everything after it.
    expect(store.eventsSince('pods', 1)).toBe('gone');
    expect(store.eventsSince('pods', 2).length).toBe(3);
    const since3 = store.eventsSince('pods', 3);
    expect(since3 === 'gone' ? since3 : since3.map((e) => e.resourceVersion)).toEqual([4, 5]);
    expect(store.eventsSince('pods', 5)).toEqual([]);
    // Other kinds have their own window: no node changed since their load at RV 1.
    expect(store.eventsSince('nodes', 0)).toBe('gone');
    expect(store.eventsSince('nodes', 1)).toEqual([]);
    expect(store.eventsSince('nodes', 4)).toEqual([]);
  });

  it('notifies subscribers until they unsubscribe, surviving a throwing listener', () => {
    const store = new ObjectStore();
    const seen: string[] = [];
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    store.subscribe('pods', () => {
      throw new Error('boom');
    });
    const off = store.subscribe('pods', (e) => seen.push(`${e.type}:${e.object.metadata.name}`));
    store.subscribe('nodes', () => seen.push('node'));
    store.create('pods', pod('a', 'x'));
    store.update('pods', pod('a', 'x'));
    off();
    store.delete('pods', 'a', 'x');
    expect(seen).toEqual(['ADDED:x', 'MODIFIED:x']);
    vi.restoreAllMocks();
  });
});
