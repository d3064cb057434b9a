import { InventoryWatcher, type InventoryEvents } from '../kube/inventoryWatcher.js';
import type { InformerTiming } from '../kube/resourceInformer.js';
import type { Upstream } from '../kube/upstream.js';
import { trackInventory } from '../store/inventoryIndex.js';
import { LiveInventoryIndex } from '../store/liveInventoryIndex.js';

/**
 * The informers of one cluster, with the index the row builders read kept current event by
 * event (pods by node and namespace, totals), so no request rebuilds it from 150,000 pods.
 */
export function indexedInventory(
  upstream: Upstream,
  events: Pick<InventoryEvents, 'failed' | 'recovered' | 'churn'>,
  timing: InformerTiming,
): InventoryWatcher {
  const index = new LiveInventoryIndex();
  const watcher = new InventoryWatcher(
    upstream,
    {
      changed: () => undefined,
      podChanged: (old, value) => index.pod(old, value),
      otherChanged: (kind) => index.other(kind),
      ...events,
    },
    timing,
  );
  trackInventory(watcher.inventory.pods, index);
  return watcher;
}
