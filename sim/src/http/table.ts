/**
 * Server-side printing (`meta.k8s.io` Table). `kubectl get` asks for
 * `application/json;as=Table;v=v1;g=meta.k8s.io`; answering with a Table gives it the same
 * columns a real cluster shows (READY, STATUS, RESTARTS, ROLES, ...) instead of NAME/AGE only.
 */
import type { IncomingMessage } from 'node:http';
import { formatAge } from '@kubeglance/shared/humanFormat';
import type { KubeObject, ResourceKind } from '../model/types.js';

interface Column {
  name: string;
  type: string;
  format: string;
  description: string;
  priority: number;
}

const col = (name: string, type = 'string', priority = 0, format = ''): Column => ({
  name,
  type,
  format,
  description: `${name} column`,
  priority,
});

const COLUMNS: Record<ResourceKind, Column[]> = {
  pods: [
    col('Name', 'string', 0, 'name'),
    col('Ready'),
    col('Status'),
    col('Restarts'),
    col('Age'),
    col('IP', 'string', 1),
    col('Node', 'string', 1),
    col('Nominated Node', 'string', 1),
    col('Readiness Gates', 'string', 1),
  ],
  nodes: [
    col('Name', 'string', 0, 'name'),
    col('Status'),
    col('Roles'),
    col('Age'),
    col('Version'),
    col('Internal-IP', 'string', 1),
    col('External-IP', 'string', 1),
    col('OS-Image', 'string', 1),
    col('Kernel-Version', 'string', 1),
    col('Container-Runtime', 'string', 1),
  ],
  namespaces: [col('Name', 'string', 0, 'name'), col('Status'), col('Age')],
};

/** The Table version the client accepts (`meta.k8s.io/v1` preferred), or undefined for none. */
export function acceptedTableVersion(req: IncomingMessage): string | undefined {
  const accept = req.headers.accept ?? '';
  const versions = accept.split(',').flatMap((part) => {
    const params = new Map(
      part
        .split(';')
        .slice(1)
        .map((p) => p.trim().split('=') as [string, string]),
    );
    return params.get('as') === 'Table' && params.get('g') === 'meta.k8s.io'
      ? [params.get('v')]
      : [];
  });
  if (versions.includes('v1')) return 'meta.k8s.io/v1';
  if (versions.includes('v1beta1')) return 'meta.k8s.io/v1beta1';
  return undefined;
}

type Json = Record<string, unknown>;
const rec = (v: unknown): Json => (v !== null && typeof v === 'object' ? (v as Json) : {});
const arr = (v: unknown): Json[] => (Array.isArray(v) ? (v as Json[]) : []);
const text = (v: unknown, fallback = '<none>'): string =>
  typeof v === 'string' && v !== '' ? v : fallback;

function age(obj: KubeObject, now: number): string {
  const created = Date.parse(obj.metadata.creationTimestamp);
  return Number.isNaN(created) ? '<unknown>' : formatAge(now - created);
}

/** Init containers as kubectl's printer reads them: reason while initialising, sidecars. */
function initProgress(
  spec: Json,
  status: Json,
): { reason?: string; readySidecars: number; sidecars: number; restarts: number; last: number } {
  const init = arr(spec.initContainers);
  const sidecarNames = new Set(
    init.filter((c) => c.restartPolicy === 'Always').map((c) => String(c.name)),
  );
  let readySidecars = 0;
  let restarts = 0;
  let last = 0;
  let reason: string | undefined;
  for (const [i, cs] of arr(status.initContainerStatuses).entries()) {
    restarts += typeof cs.restartCount === 'number' ? cs.restartCount : 0;
    const finished = Date.parse(String(rec(rec(cs.lastState).terminated).finishedAt ?? ''));
    if (!Number.isNaN(finished)) last = Math.max(last, finished);
    const state = rec(cs.state);
    const done = rec(state.terminated);
    const waiting = text(rec(state.waiting).reason, '');
    if (state.terminated !== undefined && done.exitCode === 0) continue;
    if (sidecarNames.has(String(cs.name)) && cs.started === true) {
      if (cs.ready === true) readySidecars++;
      continue;
    }
    if (state.terminated !== undefined) reason = `Init:${text(done.reason, 'Error')}`;
    else if (waiting !== '' && waiting !== 'PodInitializing') reason = `Init:${waiting}`;
    else reason = `Init:${i}/${init.length}`;
    break;
  }
  return {
    ...(reason === undefined ? {} : { reason }),
    readySidecars,
    sidecars: sidecarNames.size,
    restarts,
    last,
  };
}

function podCells(pod: KubeObject, now: number): unknown[] {
  const spec = rec(pod.spec);
  const status = rec(pod.status);
  const statuses = arr(status.containerStatuses);
  const init = initProgress(spec, status);
  let ready = init.readySidecars;
  let reason = text(status.reason, text(status.phase, 'Unknown'));
  let restarts = init.restarts;
  let lastRestart = init.last;
  if (init.reason !== undefined) reason = init.reason;
  else {
    for (const cs of statuses) {
      if (cs.ready === true) ready++;
      restarts += typeof cs.restartCount === 'number' ? cs.restartCount : 0;
      const finished = Date.parse(String(rec(rec(cs.lastState).terminated).finishedAt ?? ''));
      if (!Number.isNaN(finished)) lastRestart = Math.max(lastRestart, finished);
      const state = rec(cs.state);
      const waiting = text(rec(state.waiting).reason, '');
      const terminated = text(rec(state.terminated).reason, '');
      if (waiting) reason = waiting;
      else if (terminated) reason = terminated;
    }
  }
  if (pod.metadata && (pod.metadata as unknown as Json).deletionTimestamp) reason = 'Terminating';
  const restartText =
    restarts > 0 && lastRestart > 0
      ? `${restarts} (${formatAge(now - lastRestart)} ago)`
      : String(restarts);
  return [
    pod.metadata.name,
    `${ready}/${arr(spec.containers).length + init.sidecars}`,
    reason,
    restartText,
    age(pod, now),
    text(status.podIP),
    text(spec.nodeName),
    text(status.nominatedNodeName),
    '<none>',
  ];
}

function nodeCells(node: KubeObject, now: number): unknown[] {
  const status = rec(node.status);
  const readyCond = arr(status.conditions).find((c) => c.type === 'Ready');
  let state =
    readyCond?.status === 'True' ? 'Ready' : readyCond?.status === 'False' ? 'NotReady' : 'Unknown';
  if (rec(node.spec).unschedulable === true) state += ',SchedulingDisabled';
  const roles = Object.keys(node.metadata.labels ?? {})
    .filter((k) => k.startsWith('node-role.kubernetes.io/'))
    .map((k) => k.slice('node-role.kubernetes.io/'.length))
    .sort();
  const address = (type: string): string =>
    text(arr(status.addresses).find((a) => a.type === type)?.address);
  const info = rec(status.nodeInfo);
  return [
    node.metadata.name,
    state,
    roles.length > 0 ? roles.join(',') : '<none>',
    age(node, now),
    text(info.kubeletVersion, ''),
    address('InternalIP'),
    address('ExternalIP'),
    text(info.osImage, '<unknown>'),
    text(info.kernelVersion, '<unknown>'),
    text(info.containerRuntimeVersion, '<unknown>'),
  ];
}

function namespaceCells(ns: KubeObject, now: number): unknown[] {
  return [ns.metadata.name, text(rec(ns.status).phase, 'Active'), age(ns, now)];
}

const CELLS: Record<ResourceKind, (obj: KubeObject, now: number) => unknown[]> = {
  pods: podCells,
  nodes: nodeCells,
  namespaces: namespaceCells,
};

/** The Table head (kind, apiVersion, metadata, columnDefinitions) for a list or watch event. */
export function tableHead(kind: ResourceKind, apiVersion: string, listMeta: Json): Json {
  return { kind: 'Table', apiVersion, metadata: listMeta, columnDefinitions: COLUMNS[kind] };
}

/** One row; `object` is PartialObjectMetadata, the default `includeObject=Metadata`. */
export function tableRow(kind: ResourceKind, obj: KubeObject, now = Date.now()): Json {
  return {
    cells: CELLS[kind](obj, now),
    object: { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: obj.metadata },
  };
}
