import { describe, expect, it } from 'vitest';
import { classify, scrapeFailures } from './scrapeLog.js';

const x509 =
  'E1127 15:20:01.000000       1 scraper.go:149] "Failed to scrape node" err="Get \\"https://10.0.0.5:10250/metrics/resource\\": tls: failed to verify certificate: x509: cannot validate certificate for 10.0.0.5 because it doesn\'t contain any IP SANs" node="worker-1"';

describe('scrapeFailures', () => {
  it('reads the node and the cause of each failing scrape, the latest per node', () => {
    const log = [
      'I1127 15:19:00.000000       1 secure_serving.go:213] Serving securely on [::]:10250',
      x509,
      'E1127 15:20:01.000000       1 scraper.go:149] "Failed to scrape node" err="Get \\"https://10.0.0.6:10250/metrics/resource\\": dial tcp 10.0.0.6:10250: i/o timeout" node="worker-2"',
      x509.replace('15:20:01', '15:20:16'),
    ].join('\n');
    const failures = scrapeFailures(log);
    expect(failures.map((f) => [f.node, f.cause])).toEqual([
      ['worker-1', 'x509'],
      ['worker-2', 'port'],
    ]);
    expect(failures[0]!.line).toContain('15:20:16');
  });

  it('finds nothing in a healthy log', () => {
    expect(scrapeFailures('I1127 15:19:00.000000 1 x.go:1] ok\n')).toEqual([]);
  });

  it('classifies the usual causes', () => {
    expect(classify('dial tcp: lookup worker-3 on 10.96.0.10:53: no such host')).toBe('address');
    expect(classify('dial tcp 10.0.0.7:10250: connect: connection refused')).toBe('port');
    expect(classify('request failed, status: "401 Unauthorized"')).toBe('other');
  });
});
