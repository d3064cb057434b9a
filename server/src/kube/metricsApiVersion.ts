import { z } from 'zod';
import type { Upstream } from './upstream.js';

/** Versions of metrics.k8s.io kubeglance can read (same schema); the first is the fallback. */
export const METRICS_API_VERSIONS = ['v1beta1', 'v1'] as const;
export type MetricsApiVersionName = (typeof METRICS_API_VERSIONS)[number];

const apiGroup = z.object({
  preferredVersion: z.object({ version: z.string() }).optional(),
  versions: z.array(z.object({ version: z.string() })).optional(),
});

function known(v: string | undefined): v is MetricsApiVersionName {
  return (METRICS_API_VERSIONS as readonly string[]).includes(v ?? '');
}

/**
 * The metrics API version to read, discovered from `GET /apis/metrics.k8s.io` (the group's
 * `preferredVersion`, else the newest served version kubeglance knows) instead of hard-coding
 * `v1beta1`: metrics-server serves only `v1beta1` today, a later one may serve `v1`. Cached
 * until {@link forget} (called when a list request fails, e.g. after an upgrade). A failed
 * discovery throws the upstream error (404: not installed, 503: unavailable), like a list would.
 */
export class MetricsApiVersion {
  private cached: MetricsApiVersionName | undefined;
  /** The version of the last successful discovery, kept across {@link forget}. */
  last: MetricsApiVersionName | undefined;

  constructor(private readonly upstream: Upstream) {}

  async get(timeoutMs: number): Promise<MetricsApiVersionName> {
    if (this.cached) return this.cached;
    const { body } = await this.upstream.getJson('/apis/metrics.k8s.io', { timeoutMs });
    this.cached = pickVersion(body);
    this.last = this.cached;
    return this.cached;
  }

  forget(): void {
    this.cached = undefined;
  }
}

/** The version to use from an APIGroup document; v1beta1 when it names none we know. */
export function pickVersion(raw: unknown): MetricsApiVersionName {
  const group = apiGroup.safeParse(raw);
  if (!group.success) return METRICS_API_VERSIONS[0];
  const preferred = group.data.preferredVersion?.version;
  if (known(preferred)) return preferred;
  const served = (group.data.versions ?? []).map((v) => v.version).filter(known);
  return served.includes('v1') ? 'v1' : METRICS_API_VERSIONS[0];
}
