/** Sort keys and accessors of the node table. */
import type { NodeRow } from '@kubeglance/shared/api';
import type { Accessors } from '../../../lib/sort';

export const NODE_SORT_KEYS = [
  'name',
  'status',
  'roles',
  'cpu',
  'cpuPercent',
  'memory',
  'memoryPercent',
  'pods',
] as const;
export type NodeSortKey = (typeof NODE_SORT_KEYS)[number];

export const nodeAccessors: Accessors<NodeRow, NodeSortKey> = {
  name: (n) => n.name,
  status: (n) => (n.ready ? 'Ready' : 'NotReady'),
  roles: (n) => (n.roles.length > 0 ? n.roles.join(',') : null),
  cpu: (n) => n.cpu.usageMillicores,
  cpuPercent: (n) => n.cpu.percent,
  memory: (n) => n.memory.usageBytes,
  memoryPercent: (n) => n.memory.percent,
  pods: (n) => n.pods,
};
