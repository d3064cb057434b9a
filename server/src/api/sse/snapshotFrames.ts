import type { ClusterSnapshot } from '@kubeglance/shared/api';
import { encodeEvent } from './broadcaster.js';

/**
 * `snapshot` frames serialised once per snapshot object: a wall of screens reconnecting
 * after a server restart costs one JSON.stringify per cluster, not one per screen.
 */
const frames = new WeakMap<ClusterSnapshot, Buffer>();

export function snapshotFrame(snapshot: ClusterSnapshot): Buffer {
  let frame = frames.get(snapshot);
  if (!frame) {
    frame = encodeEvent('snapshot', snapshot);
    frames.set(snapshot, frame);
  }
  return frame;
}
