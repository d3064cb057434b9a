/**
 * Derived columns of the pod table (k9s-style %CPU/R … and flags), computed once
 * per pod so sorting 10,000 rows compares plain numbers.
 */
import type { ContainerRow, CpuUsage, MemoryUsage, PodRow } from '@kubeglance/shared/api';
import type { Accessors } from '../../lib/sort';
import { flagSeverity, flagsOf, percentOf, type PodFlag } from '../../lib/thresholds';

export interface UsageView {
  usage: number | null;
  request: number | null;
  limit: number | null;
  pctRequest: number | null;
  pctLimit: number | null;
}

export interface ResourceView {
  cpu: UsageView;
  memory: UsageView;
  flags: readonly PodFlag[];
}

export interface PodView extends ResourceView {
  pod: PodRow;
  /** Built the first time they are read (an expanded pod): most pods never show them. */
  readonly containers: readonly ContainerView[];
}

export interface ContainerView extends ResourceView {
  container: ContainerRow;
}

/** Shared by every pod without flags (most of them): no array per pod. */
const NO_FLAGS: readonly PodFlag[] = Object.freeze([]);

function usageView(usage: number | null, request: number | null, limit: number | null): UsageView {
  return {
    usage,
    request,
    limit,
    pctRequest: percentOf(usage, request),
    pctLimit: percentOf(usage, limit),
  };
}

/** The flags from the very percentages the row prints (thresholds.ts `flagsOf`). */
function flagsFor(cpu: UsageView, memory: UsageView): readonly PodFlag[] {
  const flags = flagsOf(memory.pctLimit, cpu.pctRequest, memory.pctRequest);
  return flags.length === 0 ? NO_FLAGS : flags;
}

function resourceView(cpu: CpuUsage, memory: MemoryUsage): ResourceView {
  const c = usageView(cpu.usageMillicores, cpu.requestMillicores, cpu.limitMillicores);
  const m = usageView(memory.usageBytes, memory.requestBytes, memory.limitBytes);
  return { cpu: c, memory: m, flags: flagsFor(c, m) };
}

const containerView = (container: ContainerRow): ContainerView => ({
  container,
  ...resourceView(container.cpu, container.memory),
});

/**
 * One pass per pod on a cold load of 10,000: three small objects (the view and its two
 * usages), no intermediate objects or spreads, containers left until a row is expanded.
 */
class PodViewImpl implements PodView {
  readonly cpu: UsageView;
  readonly memory: UsageView;
  readonly flags: readonly PodFlag[];
  private containerViews: readonly ContainerView[] | null = null;

  constructor(readonly pod: PodRow) {
    const { cpu, memory } = pod;
    this.cpu = usageView(cpu.usageMillicores, cpu.requestMillicores, cpu.limitMillicores);
    this.memory = usageView(memory.usageBytes, memory.requestBytes, memory.limitBytes);
    this.flags = flagsFor(this.cpu, this.memory);
  }

  get containers(): readonly ContainerView[] {
    return (this.containerViews ??= this.pod.containers.map(containerView));
  }
}

export function toPodView(pod: PodRow): PodView {
  return new PodViewImpl(pod);
}

export const POD_SORT_KEYS = [
  'name',
  'status',
  'node',
  'restarts',
  'cpu',
  'cpuRequest',
  'cpuLimit',
  'cpuPctRequest',
  'cpuPctLimit',
  'memory',
  'memoryRequest',
  'memoryLimit',
  'memoryPctRequest',
  'memoryPctLimit',
  'flags',
] as const;
export type PodSortKey = (typeof POD_SORT_KEYS)[number];

export const podAccessors: Accessors<PodView, PodSortKey> = {
  name: (v) => v.pod.name,
  status: (v) => v.pod.phase,
  node: (v) => v.pod.node,
  restarts: (v) => v.pod.restarts,
  cpu: (v) => v.cpu.usage,
  cpuRequest: (v) => v.cpu.request,
  cpuLimit: (v) => v.cpu.limit,
  cpuPctRequest: (v) => v.cpu.pctRequest,
  cpuPctLimit: (v) => v.cpu.pctLimit,
  memory: (v) => v.memory.usage,
  memoryRequest: (v) => v.memory.request,
  memoryLimit: (v) => v.memory.limit,
  memoryPctRequest: (v) => v.memory.pctRequest,
  memoryPctLimit: (v) => v.memory.pctLimit,
  // Pods without flags sort as unknown (last), so the flagged ones lead either way.
  flags: (v) => (v.flags.length === 0 ? null : flagSeverity(v.flags)),
};

/** How many of `views` are OOM risks and how many over-provisioned (a pod can be both). */
export function flagCounts(views: readonly PodView[]): { oom: number; idle: number } {
  let oom = 0;
  let idle = 0;
  for (const { flags } of views)
    for (const f of flags)
      if (f.kind === 'oom-risk') oom++;
      else if (f.kind === 'over-provisioned') idle++;
  return { oom, idle };
}

/** Text filter over what people search pods by: name, node, phase, container names. */
export function podSearchText(v: PodView): string[] {
  return [v.pod.name, v.pod.node, v.pod.phase, ...v.pod.containers.map((c) => c.name)].filter(
    (s): s is string => s != null,
  );
}

export type FlatRow =
  | { kind: 'pod'; key: string; view: PodView; expanded: boolean }
  | { kind: 'container'; key: string; view: ContainerView; pod: PodView; last: boolean };

/** Pods in order, each expanded pod followed by its containers: the rows the virtualiser sees. */
export function flattenRows(views: readonly PodView[], expanded: ReadonlySet<string>): FlatRow[] {
  const rows: FlatRow[] = [];
  for (const view of views) {
    const open = expanded.has(view.pod.name);
    rows.push({ kind: 'pod', key: view.pod.name, view, expanded: open });
    if (!open) continue;
    view.containers.forEach((c, i) =>
      rows.push({
        kind: 'container',
        key: `${view.pod.name}/${c.container.name}`,
        view: c,
        pod: view,
        last: i === view.containers.length - 1,
      }),
    );
  }
  return rows;
}
