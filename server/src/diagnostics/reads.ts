import { z } from 'zod';
import { UpstreamError, type Upstream } from '../kube/upstream.js';
import { ruleText, type Rule } from './rules.js';

/**
 * The upstream reads behind the checks, each parsed once (zod) into what the checks need.
 * A read the RBAC rules do not allow comes back as `denied` naming the rule, never as an
 * exception; any other failure keeps its UpstreamError for the evidence.
 */
export type Read<T> =
  | { kind: 'ok'; value: T }
  | { kind: 'denied'; rule: string; message?: string }
  | { kind: 'error'; error: Error; status?: number; message: string };

const TIMEOUT_MS = 5_000;

export async function read<T>(rule: Rule | undefined, fetch: () => Promise<T>): Promise<Read<T>> {
  try {
    return { kind: 'ok', value: await fetch() };
  } catch (e) {
    if (e instanceof UpstreamError && e.status === 403 && rule) {
      return {
        kind: 'denied',
        rule: ruleText(rule),
        ...(e.statusMessage ? { message: e.statusMessage } : {}),
      };
    }
    const error = e instanceof Error ? e : new Error(String(e));
    const message = e instanceof UpstreamError ? (e.statusMessage ?? e.message) : error.message;
    return e instanceof UpstreamError && e.status !== undefined
      ? { kind: 'error', error, status: e.status, message }
      : { kind: 'error', error, message };
  }
}

const versionSchema = z.object({ gitVersion: z.string() });

export async function readVersion(up: Upstream): Promise<string> {
  const { body } = await up.getJson('/version', { timeoutMs: TIMEOUT_MS });
  return versionSchema.parse(body).gitVersion;
}

const conditionSchema = z.object({
  type: z.string(),
  status: z.string(),
  reason: z.string().optional(),
  message: z.string().optional(),
  lastTransitionTime: z.string().optional(),
});
export type Condition = z.infer<typeof conditionSchema>;

const apiServiceSchema = z.object({
  status: z.object({ conditions: z.array(conditionSchema).optional() }).optional(),
});

/**
 * The Available condition of the metrics APIService (`<version>.metrics.k8s.io`, the version
 * the poller reads); null when the APIService does not exist.
 */
export async function readApiService(up: Upstream, version: string): Promise<Condition | null> {
  try {
    const { body } = await up.getJson(
      `/apis/apiregistration.k8s.io/v1/apiservices/${version}.metrics.k8s.io`,
      { timeoutMs: TIMEOUT_MS },
    );
    const conditions = apiServiceSchema.parse(body).status?.conditions ?? [];
    return (
      conditions.find((c) => c.type === 'Available') ?? { type: 'Available', status: 'Unknown' }
    );
  } catch (e) {
    if (e instanceof UpstreamError && e.status === 404) return null;
    throw e;
  }
}

/** Which nodes have metrics, as the pipeline's last poll saw them. */
export interface NodeMetricsProbe {
  /** Node name → its metrics timestamp (ms). */
  timestamps: Map<string, number | null>;
}

const configMapSchema = z.object({ data: z.record(z.string(), z.string()).optional() });

/** The keys of kube-system/extension-apiserver-authentication. */
export async function readAuthConfigMapKeys(up: Upstream): Promise<string[]> {
  const { body } = await up.getJson(
    '/api/v1/namespaces/kube-system/configmaps/extension-apiserver-authentication',
    { timeoutMs: TIMEOUT_MS },
  );
  return Object.keys(configMapSchema.parse(body).data ?? {}).sort();
}

const deploymentSchema = z.object({
  spec: z.object({
    template: z.object({
      spec: z.object({
        containers: z.array(
          z.object({
            name: z.string(),
            args: z.array(z.string()).optional(),
            command: z.array(z.string()).optional(),
          }),
        ),
      }),
    }),
  }),
});

/** The metrics-server container's args. */
export async function readDeploymentArgs(up: Upstream): Promise<string[]> {
  const { body } = await up.getJson(
    '/apis/apps/v1/namespaces/kube-system/deployments/metrics-server',
    { timeoutMs: TIMEOUT_MS },
  );
  const containers = deploymentSchema.parse(body).spec.template.spec.containers;
  const c = containers.find((x) => x.name === 'metrics-server') ?? containers[0];
  return [...(c?.command ?? []), ...(c?.args ?? [])];
}

const podListSchema = z.object({
  items: z.array(
    z.object({
      metadata: z.object({ name: z.string(), creationTimestamp: z.string().optional() }),
      status: z
        .object({
          phase: z.string().optional(),
          conditions: z.array(conditionSchema).optional(),
          containerStatuses: z
            .array(
              z.object({
                ready: z.boolean().optional(),
                restartCount: z.number().optional(),
                state: z
                  .object({
                    running: z.object({ startedAt: z.string().optional() }).optional(),
                    waiting: z.object({ reason: z.string().optional() }).optional(),
                  })
                  .optional(),
              }),
            )
            .optional(),
        })
        .optional(),
    }),
  ),
});

export interface MetricsServerPod {
  name: string;
  phase: string;
  ready: boolean;
  /** When the container (last) started; null when it is not running. */
  startedMs: number | null;
  /** The Ready condition's reason/message, or the container's waiting reason. */
  notReadyWhy: string | null;
}

/** The metrics-server pods (`k8s-app=metrics-server` in kube-system). */
export async function readMetricsServerPods(up: Upstream): Promise<MetricsServerPod[]> {
  const { body } = await up.getJson('/api/v1/namespaces/kube-system/pods', {
    timeoutMs: TIMEOUT_MS,
    query: { labelSelector: 'k8s-app=metrics-server' },
  });
  return podListSchema.parse(body).items.map((p) => {
    const ready = p.status?.conditions?.find((c) => c.type === 'Ready');
    const container = p.status?.containerStatuses?.[0];
    const started = container?.state?.running?.startedAt;
    const waiting = container?.state?.waiting?.reason;
    return {
      name: p.metadata.name,
      phase: p.status?.phase ?? 'Unknown',
      ready: ready?.status === 'True',
      startedMs: started ? Date.parse(started) : null,
      notReadyWhy:
        ready?.status === 'True'
          ? null
          : (waiting ?? ([ready?.reason, ready?.message].filter(Boolean).join(': ') || null)),
    };
  });
}

/** The last lines of a metrics-server pod's log. */
export function readPodLog(up: Upstream, pod: string, lines = 200): Promise<string> {
  return up.getText(`/api/v1/namespaces/kube-system/pods/${pod}/log`, {
    timeoutMs: TIMEOUT_MS,
    query: { tailLines: String(lines) },
  });
}
