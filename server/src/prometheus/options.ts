/** How kubeglance reaches and reads a Prometheus-compatible store (from `--prometheus*` flags). */

/** Label names of the kubelet series; kube-prometheus-stack's by default. */
export interface PrometheusLabels {
  node: string;
  namespace: string;
  pod: string;
  container: string;
}

export const DEFAULT_LABELS: PrometheusLabels = {
  node: 'node',
  namespace: 'namespace',
  pod: 'pod',
  container: 'container',
};

export interface PrometheusAuth {
  /** `Authorization: Bearer …` (read from --prometheus-token-file). */
  bearerToken?: string | undefined;
  basic?: { username: string; password: string } | undefined;
  /** PEM CA bundle to trust for an https URL. */
  caPem?: string | undefined;
}

export interface PrometheusTarget {
  /** Kubeconfig context the URL belongs to; undefined = every cluster without its own. */
  context: string | undefined;
  url: string;
}

export interface PrometheusOptions {
  targets: PrometheusTarget[];
  auth: PrometheusAuth;
  labels: PrometheusLabels;
  /**
   * The longest scrape interval in the stored data: `rate()` windows are at least 4× this, so
   * every window holds enough samples (backfilled data is often sparser than live scrapes).
   */
  scrapeIntervalMs: number;
  /** Per-request timeout (also sent as the API's `timeout` parameter). */
  timeoutMs: number;
}

/**
 * `URL` or `CONTEXT=URL`. The context form is recognised by what follows the first `=`
 * being an http(s) URL, so context names with `:` or `/` (EKS ARNs) work.
 */
export function parsePrometheusTarget(raw: string): PrometheusTarget {
  const eq = raw.indexOf('=');
  const tail = eq > 0 ? raw.slice(eq + 1) : '';
  const target = /^https?:\/\//i.test(tail)
    ? { context: raw.slice(0, eq), url: tail }
    : { context: undefined, url: raw };
  let parsed: URL;
  try {
    parsed = new URL(target.url);
  } catch {
    throw new Error(`--prometheus: "${target.url}" is not a URL (use URL or CONTEXT=URL)`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new Error(`--prometheus: "${target.url}" must be http:// or https://`);
  }
  return { context: target.context, url: target.url.replace(/\/+$/, '') };
}

/** The URL for a cluster: its own `CONTEXT=URL`, else the unqualified one, else none. */
export function prometheusUrlFor(targets: PrometheusTarget[], context: string): string | undefined {
  return (
    targets.find((t) => t.context === context)?.url ??
    targets.find((t) => t.context === undefined)?.url
  );
}
