/**
 * Shared live-stream connections. Every component asking for the same set of
 * clusters shares one SSE connection; it closes a little after the last one
 * unmounts, so navigating between screens does not reconnect.
 */
import { useCallback, useSyncExternalStore } from 'react';
import { applyEvent, initialLiveState, withConnection, type LiveState } from './liveState';
import type { ClusterSnapshot } from '@kubeglance/shared/api';
import { openStream } from './streamClient';

interface Connection {
  state: LiveState;
  listeners: Set<() => void>;
  refs: number;
  close: () => void;
  lingerTimer?: ReturnType<typeof setTimeout>;
}

const LINGER_MS = 5_000;
const ALL = '*';
const EMPTY = initialLiveState();
const connections = new Map<string, Connection>();
const snapshotListeners = new Set<(snapshot: ClusterSnapshot) => void>();

/**
 * Calls `listener` with every cluster snapshot a stream receives (the stream's first event
 * per cluster), so the first screen can show its numbers from it. Returns the unsubscribe.
 */
export function onLiveSnapshot(listener: (snapshot: ClusterSnapshot) => void): () => void {
  snapshotListeners.add(listener);
  return () => snapshotListeners.delete(listener);
}

/**
 * Opens the shared stream for `clusters` now, before any screen asks for it (a screen that
 * mounts within the linger time shares it).
 */
export function preconnectLive(clusters: readonly string[] | null): void {
  const key = keyOf(clusters);
  release(key, acquire(key));
}

function keyOf(clusters: readonly string[] | null): string {
  return clusters && clusters.length > 0 ? [...clusters].sort().join(',') : ALL;
}

function acquire(key: string): Connection {
  let conn = connections.get(key);
  if (!conn) {
    const c: Connection = { state: EMPTY, listeners: new Set(), refs: 0, close: () => {} };
    const set = (state: LiveState) => {
      c.state = state;
      c.listeners.forEach((l) => l());
    };
    c.close = openStream({
      clusters: key === ALL ? null : key.split(','),
      onEvent: (name, data) => {
        set(applyEvent(c.state, name, data, Date.now()));
        if (name === 'snapshot') snapshotListeners.forEach((l) => l(data as ClusterSnapshot));
      },
      onConnection: (info) => set(withConnection(c.state, info)),
    });
    connections.set(key, c);
    conn = c;
  }
  clearTimeout(conn.lingerTimer);
  conn.refs += 1;
  return conn;
}

function release(key: string, conn: Connection) {
  conn.refs -= 1;
  if (conn.refs > 0) return;
  conn.lingerTimer = setTimeout(() => {
    if (conn.refs > 0) return;
    conn.close();
    connections.delete(key);
  }, LINGER_MS);
}

/**
 * Live state for `clusters` (`null` or empty: all clusters). Re-renders on every
 * stream event and connection change.
 */
export function useLiveStream(clusters: readonly string[] | null): LiveState {
  const key = keyOf(clusters);
  const subscribe = useCallback(
    (onChange: () => void) => {
      const conn = acquire(key);
      conn.listeners.add(onChange);
      return () => {
        conn.listeners.delete(onChange);
        release(key, conn);
      };
    },
    [key],
  );
  const getSnapshot = useCallback(() => connections.get(key)?.state ?? EMPTY, [key]);
  return useSyncExternalStore(subscribe, getSnapshot);
}
