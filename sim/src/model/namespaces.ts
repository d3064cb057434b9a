import type { Rng } from './random.js';
import { rfc3339 } from './time.js';
import type { KubeObject } from './types.js';

/** Namespaces every cluster has, in addition to the user namespaces. */
export const SYSTEM_NAMESPACES = [
  'default',
  'kube-system',
  'kube-public',
  'kube-node-lease',
] as const;

/**
 * User namespaces in the order they are handed out: what a mid-size company runs. The first
 * ones are the most recognisable, so small demo clusters look familiar.
 */
const PRODUCT_NAMESPACES = [
  'payments',
  'checkout',
  'search',
  'monitoring',
  'ingress-nginx',
  'data-pipeline',
  'ml-training',
  'catalog',
  'identity',
  'notifications',
  'orders',
  'inventory',
  'logging',
  'shipping',
  'recommendations',
  'analytics',
  'cert-manager',
  'argocd',
  'billing',
  'frontend',
  'mobile-api',
  'media',
  'fraud-detection',
  'reporting',
  'customer-portal',
  'experimentation',
  'messaging',
  'kafka',
  'geo',
  'pricing',
  'loyalty',
  'support-tools',
  'feature-flags',
  'vault',
  'observability',
  'ci-runners',
  'batch-jobs',
  'partner-api',
  'content',
  'auth',
] as const;

/** Environment suffixes for the second round of names (`payments-staging`, ...). */
const ENVIRONMENTS = ['staging', 'dev', 'qa', 'perf', 'canary', 'sandbox'] as const;

/** Platform namespaces: not meshed, and they carry their own well-known workloads. */
export const PLATFORM_NAMESPACES: ReadonlySet<string> = new Set([
  'monitoring',
  'ingress-nginx',
  'logging',
  'cert-manager',
  'argocd',
  'kafka',
  'vault',
  'observability',
  'ci-runners',
]);

/**
 * The first `count` user namespace names: product names, then product-environment pairs,
 * then numbered tenants, so any count gets unique, deterministic names.
 */
export function userNamespaceNames(count: number): string[] {
  const names: string[] = [];
  for (const name of PRODUCT_NAMESPACES) {
    if (names.length >= count) return names;
    names.push(name);
  }
  for (const env of ENVIRONMENTS) {
    for (const product of PRODUCT_NAMESPACES) {
      if (names.length >= count) return names;
      if (!PLATFORM_NAMESPACES.has(product)) names.push(`${product}-${env}`);
    }
  }
  const width = Math.max(4, String(count).length);
  for (let i = 1; names.length < count; i++) names.push(`tenant-${String(i).padStart(width, '0')}`);
  return names;
}

/** A namespace as the cluster knows it: name, JSON and whether its pods get the mesh sidecar. */
export interface SimNamespace {
  readonly name: string;
  readonly system: boolean;
  readonly meshed: boolean;
  readonly object: KubeObject;
}

/**
 * Builds the system namespaces plus `userCount` user namespaces. About a third of the product
 * namespaces are labelled for Istio sidecar injection (their pods carry `istio-proxy`).
 */
export function buildNamespaces(
  rng: Rng,
  userCount: number,
  clusterBornMs: number,
  nowMs: number,
  /** One more user namespace by this name, unless it is already among them. */
  extra?: string,
): SimNamespace[] {
  const out: SimNamespace[] = [];
  const make = (name: string, system: boolean, createdMs: number): void => {
    const meshed = !system && !PLATFORM_NAMESPACES.has(name) && rng.chance(0.35);
    const labels: Record<string, string> = { 'kubernetes.io/metadata.name': name };
    if (meshed) labels['istio-injection'] = 'enabled';
    out.push({
      name,
      system,
      meshed,
      object: {
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: {
          name,
          uid: rng.uuid(),
          resourceVersion: '',
          creationTimestamp: rfc3339(createdMs),
          labels,
        },
        spec: { finalizers: ['kubernetes'] },
        status: { phase: 'Active' },
      },
    });
  };
  for (const name of SYSTEM_NAMESPACES) make(name, true, clusterBornMs);
  const span = Math.max(nowMs - clusterBornMs, 1);
  for (const name of userNamespaceNames(userCount)) {
    // Teams onboarded over the cluster's life, none in the last day.
    make(name, false, clusterBornMs + rng.float(0.01, 0.9) * span);
  }
  if (extra !== undefined && !out.some((ns) => ns.name === extra))
    make(extra, false, clusterBornMs + rng.float(0.01, 0.9) * span);
  return out;
}
