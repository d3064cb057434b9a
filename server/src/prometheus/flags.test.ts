import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../config.js';

const dir = mkdtempSync(join(tmpdir(), 'kubeglance-prom-flags-'));
const file = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};

describe('--prometheus flags', () => {
  it('is off by default', () => {
    expect(parseConfig([], {}).prometheus).toBeUndefined();
  });

  it('reads URLs, token, CA, labels and durations', () => {
    const c = parseConfig(
      [
        ...['--prometheus', 'http://all:9090', '--prometheus', 'prod=https://thanos.example/'],
        ...['--prometheus-token-file', file('token', 'abc\n')],
        ...['--prometheus-ca-file', file('ca.pem', 'PEM')],
        ...['--prometheus-node-label', 'instance', '--prometheus-scrape-interval', '1m'],
      ],
      {},
    ).prometheus!;
    expect(c.targets).toEqual([
      { context: undefined, url: 'http://all:9090' },
      { context: 'prod', url: 'https://thanos.example' },
    ]);
    expect(c.auth).toEqual({ bearerToken: 'abc', caPem: 'PEM' });
    expect(c.labels.node).toBe('instance');
    expect(c.labels.pod).toBe('pod');
    expect(c.scrapeIntervalMs).toBe(60_000);
    expect(c.timeoutMs).toBe(20_000);
  });

  it('reads basic auth', () => {
    const c = parseConfig(
      [
        ...['--prometheus', 'http://p', '--prometheus-user', 'me'],
        ...['--prometheus-password-file', file('pw', 's3cret\n')],
      ],
      {},
    ).prometheus!;
    expect(c.auth.basic).toEqual({ username: 'me', password: 's3cret' });
  });

  it.each([
    [['--prometheus', 'not a url'], /not a URL/],
    [['--prometheus', 'ftp://x'], /http/],
    [['--prometheus-user', 'me'], /needs --prometheus URL/],
    [['--prometheus', 'http://a', '--prometheus', 'http://b'], /twice/],
    [['--prometheus', 'http://a', '--prometheus-user', 'me'], /password-file/],
    [['--prometheus', 'http://a', '--prometheus-node-label', 'no-dash'], /label name/],
    [['--prometheus', 'http://a', '--prometheus-token-file', '/nonexistent/t'], /cannot read/],
    [['--prometheus', 'http://a', '--prometheus-timeout', 'soon'], /invalid duration/],
  ])('rejects %j', (args, message) => {
    expect(() => parseConfig(args, {})).toThrow(ConfigError);
    expect(() => parseConfig(args, {})).toThrow(message);
  });
});
