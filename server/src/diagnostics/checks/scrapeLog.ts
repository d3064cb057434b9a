/**
 * Reading metrics-server's log (klog, structured since v0.6): which kubelets it fails to
 * scrape, and why, e.g.
 * `E1127 15:20:01.000000 1 scraper.go:149] "Failed to scrape node" err="Get \"https://10.0.0.5:10250/metrics/resource\": tls: failed to verify certificate: x509: cannot validate certificate for 10.0.0.5 because it doesn't contain any IP SANs" node="worker-1"`.
 */

export type ScrapeCause = 'x509' | 'address' | 'port' | 'other';

export interface ScrapeFailure {
  node: string;
  /** The last failing line for this node, verbatim. */
  line: string;
  cause: ScrapeCause;
}

const FAILED = /"Failed to scrape node" err="((?:[^"\\]|\\.)*)".*?node="([^"]+)"/;

export function classify(err: string): ScrapeCause {
  if (/x509:/.test(err)) return 'x509';
  if (/no such host|lookup .* on /.test(err)) return 'address';
  if (/i\/o timeout|connection refused|no route to host|deadline exceeded/.test(err)) return 'port';
  return 'other';
}

/** The latest failure per node found in the log text. */
export function scrapeFailures(log: string): ScrapeFailure[] {
  const byNode = new Map<string, ScrapeFailure>();
  for (const line of log.split('\n')) {
    const m = FAILED.exec(line);
    if (!m) continue;
    const err = (m[1] ?? '').replace(/\\"/g, '"');
    const node = m[2] as string;
    byNode.set(node, { node, line, cause: classify(err) });
  }
  return [...byNode.values()].sort((a, b) => a.node.localeCompare(b.node));
}
