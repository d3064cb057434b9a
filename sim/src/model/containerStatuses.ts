import { hashString, mix32 } from './random.js';
import { rfc3339 } from './time.js';

/**
 * `containerStatuses` / `initContainerStatuses` entries with every field a real kubelet fills
 * (image, imageID, containerID, started, an empty `lastState`), so strictly typed clients
 * (Debian's python3-kubernetes rejects a status without `image`/`imageID`) deserialise them.
 * IDs are hashes of the pod uid and container, so they are stable across re-statements.
 */

/** The bit of a `spec.containers` / `spec.initContainers` entry statuses need. */
export type ContainerRef = { name?: unknown; image?: unknown; restartPolicy?: unknown };
type Json = Record<string, unknown>;

/** 64 hex digits (a sha256-sized id) derived from a 32-bit key. */
function hex64(key: number): string {
  const h1 = mix32(key, 1);
  const h2 = mix32(h1, 2);
  const h3 = mix32(h2, 3);
  const h4 = mix32(h3, 4);
  // Eight 32-bit words; the second four are cheap remixes of the first (ids need only look real).
  return [h1, h2, h3, h4, h1 ^ h3, h2 ^ h4, h1 ^ h4, h2 ^ h3]
    .map((h) => (h >>> 0).toString(16).padStart(8, '0'))
    .join('');
}

const imageIds = new Map<string, string>();

/** `repo@sha256:…` as containerd reports the resolved image (same image, same digest). */
export function imageIdOf(image: string): string {
  let id = imageIds.get(image);
  if (id === undefined) {
    const at = image.lastIndexOf(':');
    const repo = at > image.lastIndexOf('/') ? image.slice(0, at) : image;
    id = `${repo}@sha256:${hex64(hashString(image, 0x1a6e))}`;
    imageIds.set(image, id);
  }
  return id;
}

/** `containerd://…` of one run (restart) of one container of a pod. */
export function containerIdOf(podKey: number, index: number, run: number): string {
  return `containerd://${hex64(mix32(mix32(podKey, index), run))}`;
}

/** The hash key a pod's container ids derive from. */
export function podKeyOf(uid: string): number {
  return hashString(uid, 0xc1d);
}

/** What one status entry says; `run` numbers the container's starts (restartCount). */
export interface EntryInput {
  state: Json;
  ready: boolean;
  started: boolean;
  restartCount: number;
  lastState?: Json;
  /** Undefined while the container was never created (waiting for its image). */
  containerID?: string;
}

/** One status entry, always in the kubelet's key order (one hidden class, fast JSON). */
export function statusEntry(c: ContainerRef, input: EntryInput): Json {
  const image = String(c.image ?? '');
  const created = input.containerID !== undefined;
  const entry: Json = {
    name: c.name,
    state: input.state,
    lastState: input.lastState ?? {},
    ready: input.ready,
    restartCount: input.restartCount,
    image,
    imageID: created ? imageIdOf(image) : '',
  };
  if (created) entry.containerID = input.containerID;
  entry.started = input.started;
  return entry;
}

/** `state.terminated` (or `lastState.terminated`) of a finished run. */
export function terminated(
  reason: string,
  exitCode: number,
  startedMs: number,
  finishedMs: number,
  containerID: string,
): Json {
  return {
    terminated: {
      exitCode,
      reason,
      startedAt: rfc3339(startedMs),
      finishedAt: rfc3339(finishedMs),
      containerID,
    },
  };
}

/** Whether an init container is a native sidecar (restartable, runs beside the pod). */
export function isSidecar(c: ContainerRef): boolean {
  return c.restartPolicy === 'Always';
}
