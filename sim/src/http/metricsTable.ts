/**
 * metrics-server's server-side printing (its `addPodMetricsToTable`/`addNodeMetricsToTable`):
 * columns Name, one per resource (named as the resource, `cpu` and `memory`, sorted, format
 * `quantity`) and Window. The resource columns come from the *first* item's usage, so a list
 * whose first pod reports no containers has none, exactly as upstream. Pod cells are the sum
 * over containers, printed canonically.
 */
import { parseQuantity } from '@kubeglance/shared/quantity';
import { formatQuantity } from '@kubeglance/shared/quantityFormat';
import type { NodeMetricsItem, PodMetricsItem } from '../model/types.js';

type Json = Record<string, unknown>;
type Usage = Readonly<Record<string, string>>;

function usageOf(item: NodeMetricsItem | PodMetricsItem): Record<string, bigint> {
  const sums: Record<string, bigint> = {};
  const add = (usage: Usage): void => {
    for (const [resource, text] of Object.entries(usage)) {
      sums[resource] = (sums[resource] ?? 0n) + parseQuantity(text).nanos;
    }
  };
  if ('usage' in item) add(item.usage);
  else for (const c of item.containers) add(c.usage);
  return sums;
}

function column(name: string, format: string, description = ''): Json {
  return { name, type: 'string', format, description, priority: 0 };
}

/** A Table of metrics items; `apiVersion` is the Table version the client asked for. */
export function metricsTable(
  items: readonly (NodeMetricsItem | PodMetricsItem)[],
  apiVersion: string,
): Json {
  let names: string[] | undefined;
  let columnDefinitions: Json[] | null = null;
  const rows = items.map((item) => {
    const usage = usageOf(item);
    if (names === undefined) {
      names = Object.keys(usage).sort();
      columnDefinitions = [
        column('Name', 'name', 'Name of the resource'),
        ...names.map((n) => column(n, 'quantity')),
        column('Window', 'duration'),
      ];
    }
    const cells = [
      item.metadata.name,
      ...names.map((n) =>
        formatQuantity(usage[n] ?? 0n, n === 'memory' ? 'BinarySI' : 'DecimalSI'),
      ),
      item.window,
    ];
    const object = {
      kind: 'PartialObjectMetadata',
      apiVersion: 'meta.k8s.io/v1',
      metadata: item.metadata,
    };
    return { cells, object };
  });
  return {
    kind: 'Table',
    apiVersion,
    metadata: {},
    columnDefinitions,
    rows: rows.length > 0 ? rows : null,
  };
}
