/**
 * The metrics APIService's `Available` condition as kube-aggregator's availability controller
 * (pkg/controllers/status) sets it: `Passed` / `all checks passed`, `ServiceNotFound`,
 * `MissingEndpoints` when the Service has no ready endpoint, `FailedDiscoveryCheck` when the
 * discovery request to the Service fails.
 */
import type { SimDeps } from './context.js';
import { metricsServerReady } from './metricsAvailability.js';

/** The ClusterIP the metrics-server Service would have; it only appears in messages. */
export const METRICS_SERVICE_IP = '10.96.112.47';
const SERVICE_URL = `https://${METRICS_SERVICE_IP}:443/apis/metrics.k8s.io/v1beta1`;

export interface AvailableCondition {
  type: 'Available';
  status: 'True' | 'False';
  lastTransitionTime: string;
  reason: string;
  message: string;
}

const discoveryFailure = (cause: string): string =>
  `failing or missing response from ${SERVICE_URL}: Get "${SERVICE_URL}": dial tcp ${METRICS_SERVICE_IP}:443: ${cause}`;

/** The condition now; `undefined` when the APIService does not exist. */
export function metricsAvailableCondition(
  deps: SimDeps,
  now = Date.now(),
): AvailableCondition | undefined {
  const { faults, startedAt } = deps;
  if (faults.has('apiservice-missing')) return undefined;
  const since = (name: Parameters<typeof faults.since>[0]): string =>
    new Date(faults.since(name) ?? now).toISOString();
  const down = (reason: string, message: string, at: string): AvailableCondition => ({
    type: 'Available',
    status: 'False',
    lastTransitionTime: at,
    reason,
    message,
  });
  if (faults.has('apiservice-timeout')) {
    return down(
      'FailedDiscoveryCheck',
      discoveryFailure('i/o timeout'),
      since('apiservice-timeout'),
    );
  }
  if (faults.has('metrics-unavailable')) {
    return down(
      'FailedDiscoveryCheck',
      discoveryFailure('connect: connection refused'),
      since('metrics-unavailable'),
    );
  }
  if (!metricsServerReady(deps, now)) {
    const at =
      faults.since('missing-endpoints') ?? faults.since('kubelet-x509-all') ?? startedAt.getTime();
    return down(
      'MissingEndpoints',
      'endpoints for service/metrics-server in "kube-system" have no addresses with port name "https"',
      new Date(at).toISOString(),
    );
  }
  return {
    type: 'Available',
    status: 'True',
    lastTransitionTime: startedAt.toISOString(),
    reason: 'Passed',
    message: 'all checks passed',
  };
}
