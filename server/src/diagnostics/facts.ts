import type { ClusterStatus } from '@kubeglance/shared/api';
import type { Inventory, MetricsSample } from '../kube/types.js';
import type { Upstream } from '../kube/upstream.js';
import { denied, reviewAccess, type AccessMap } from './access.js';
import { UpstreamError } from '../kube/upstream.js';
import {
  read,
  readApiService,
  readAuthConfigMapKeys,
  readDeploymentArgs,
  readMetricsServerPods,
  readPodLog,
  readVersion,
  type Condition,
  type MetricsServerPod,
  type NodeMetricsProbe,
  type Read,
} from './reads.js';
import {
  CONFIGMAP_RULE,
  DEPLOYMENT_RULE,
  LOGS_RULE,
  OPTIONAL_RULES,
  REQUIRED_RULES,
  ruleText,
  type Rule,
} from './rules.js';

/** How the pipeline's last metrics poll ended. */
export type PollOutcome = { kind: 'ok' } | { kind: 'failed'; error: unknown };

/** What the pipeline already knows, handed to the checks without another request. */
export interface PipelineFacts {
  status: ClusterStatus;
  inventory: Inventory;
  sample: MetricsSample | null;
  resolutionMs: number;
  /** The poller's last outcome; null until its first poll ends. */
  lastPoll: PollOutcome | null;
  /** The metrics.k8s.io version the poller negotiated (`v1beta1` before any discovery). */
  metricsApiVersion: string;
}

/** Everything the checks judge, gathered once per run. */
export interface Facts {
  nowMs: number;
  pipeline: PipelineFacts;
  version: Read<string>;
  access: Read<AccessMap>;
  apiService: Read<Condition | null>;
  metrics: Read<NodeMetricsProbe>;
  /** The request behind `metrics`, for evidence: `GET /apis/metrics.k8s.io/<version>/…`. */
  metricsRequest: string;
  configMapKeys: Read<string[]>;
  deploymentArgs: Read<string[]>;
  pods: Read<MetricsServerPod[]>;
  /** The first metrics-server pod's log tail; denied/error as any read. */
  log: Read<string> | null;
}

const deniedRead = (rule: Rule): Read<never> => ({ kind: 'denied', rule: ruleText(rule) });

/** A read guarded by its rule: skipped (denied) when the access review already said no. */
async function guarded<T>(
  access: Read<AccessMap>,
  rule: Rule,
  fetch: () => Promise<T>,
): Promise<Read<T>> {
  return denied(access, rule) ? deniedRead(rule) : read(rule, fetch);
}

const METRICS_RULE: Rule = { verb: 'list', group: 'metrics.k8s.io', resource: 'nodes' };

/**
 * Which nodes have metrics, and of when, from the poller's last outcome: the metrics API is
 * read once per resolution for everyone, diagnostics included (no second NodeMetricsList).
 * A successful poll answers with its sample (items absent from the response are already
 * dropped from it); a failed one with its error, the upstream's words verbatim.
 */
function nodeMetrics(pipeline: PipelineFacts): Promise<Read<NodeMetricsProbe>> {
  const { sample, lastPoll } = pipeline;
  if (lastPoll === null) {
    const error = new Error('no metrics poll has finished yet');
    return Promise.resolve({ kind: 'error', error, message: error.message });
  }
  if (lastPoll.kind === 'failed') {
    return read(METRICS_RULE, () => Promise.reject(lastPoll.error));
  }
  const timestamps = new Map<string, number | null>(
    (sample?.nodes ?? []).map((n) => [n.name, n.timestampMs]),
  );
  return Promise.resolve({ kind: 'ok', value: { timestamps } });
}

/** The request the last poll failed on, else the node list it reads. */
function metricsRequest(pipeline: PipelineFacts): string {
  const last = pipeline.lastPoll;
  if (last?.kind === 'failed' && last.error instanceof UpstreamError)
    return `GET ${last.error.path}`;
  return `GET /apis/metrics.k8s.io/${pipeline.metricsApiVersion}/nodes`;
}

/** Two rounds of concurrent requests: access reviews and core reads, then the guarded reads. */
export async function gatherFacts(
  up: Upstream,
  pipeline: PipelineFacts,
  nowMs: number,
): Promise<Facts> {
  const podsRule: Rule = { verb: 'list', group: '', resource: 'pods', namespace: 'kube-system' };
  const [version, access, apiService, metrics, pods] = await Promise.all([
    read(undefined, () => readVersion(up)),
    reviewAccess(up, [...REQUIRED_RULES, ...OPTIONAL_RULES]),
    read(REQUIRED_RULES.at(-1), () => readApiService(up, pipeline.metricsApiVersion)),
    nodeMetrics(pipeline),
    read(podsRule, () => readMetricsServerPods(up)),
  ]);
  const first = pods.kind === 'ok' ? pods.value[0] : undefined;
  const [configMapKeys, deploymentArgs, log] = await Promise.all([
    guarded(access, CONFIGMAP_RULE, () => readAuthConfigMapKeys(up)),
    guarded(access, DEPLOYMENT_RULE, () => readDeploymentArgs(up)),
    first ? guarded(access, LOGS_RULE, () => readPodLog(up, first.name)) : null,
  ]);
  return {
    nowMs,
    pipeline,
    version,
    access,
    apiService,
    metrics,
    metricsRequest: metricsRequest(pipeline),
    configMapKeys,
    deploymentArgs,
    pods,
    log,
  };
}
