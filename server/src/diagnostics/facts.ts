import type { ClusterStatus } from '@kubeglance/shared/api';
import type { Inventory, MetricsSample } from '../kube/types.js';
import type { Upstream } from '../kube/upstream.js';
import { denied, reviewAccess, type AccessMap } from './access.js';
import {
  probeNodeMetrics,
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

/** What the pipeline already knows, handed to the checks without another request. */
export interface PipelineFacts {
  status: ClusterStatus;
  inventory: Inventory;
  sample: MetricsSample | null;
  resolutionMs: number;
}

/** Everything the checks judge, gathered once per run. */
export interface Facts {
  nowMs: number;
  pipeline: PipelineFacts;
  version: Read<string>;
  access: Read<AccessMap>;
  apiService: Read<Condition | null>;
  metrics: Read<NodeMetricsProbe>;
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

/**
 * Which nodes have metrics, and of when. While the pipeline's polls succeed, its own sample
 * answers (items absent from the last response are already dropped from it): the metrics API
 * is read once per resolution for everyone, diagnostics included. Only while polls fail or
 * go stale does a check ask again, for the verbatim answer as evidence.
 */
function nodeMetrics(up: Upstream, pipeline: PipelineFacts): Promise<Read<NodeMetricsProbe>> {
  const { sample, status } = pipeline;
  if (status.metrics === 'ok' && sample) {
    const timestamps = new Map<string, number | null>(
      sample.nodes.map((n) => [n.name, n.timestampMs]),
    );
    return Promise.resolve({ kind: 'ok', value: { timestamps } });
  }
  return read({ verb: 'list', group: 'metrics.k8s.io', resource: 'nodes' }, () =>
    probeNodeMetrics(up),
  );
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
    read(REQUIRED_RULES.at(-1), () => readApiService(up)),
    nodeMetrics(up, pipeline),
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
    configMapKeys,
    deploymentArgs,
    pods,
    log,
  };
}
