/**
 * Event translation for filtered watches. When a change moves an object into or out of a
 * watch's selector (a pod gets its `spec.nodeName`, a label flips), the apiserver reports it as
 * ADDED or DELETED from that watch's point of view; this does the same, remembering per watch
 * whether each object last matched.
 */
import type { WatchEventType } from '../model/types.js';

/** key -> did the object match the last time this watch saw it. Absent: never seen. */
export type MatchMemory = Map<string, boolean>;

/**
 * The event type to send for a change, or undefined to drop it. `matches` is whether the
 * object's new state passes the filter.
 */
export function translateEvent(
  memory: MatchMemory,
  key: string,
  type: WatchEventType,
  matches: boolean,
): WatchEventType | undefined {
  const before = memory.get(key);
  if (type === 'DELETED') {
    memory.delete(key);
    // The final state decides unless we know it left the filter earlier (or was in it).
    if (before === false) return undefined;
    return matches || before === true ? 'DELETED' : undefined;
  }
  memory.set(key, matches);
  if (matches) return type === 'MODIFIED' && before === false ? 'ADDED' : type;
  // No longer matching: a watcher that had it must drop it; others never hear of it.
  return before === true ? 'DELETED' : undefined;
}
