import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from './config.js';

describe('parseConfig', () => {
  it('has defaults', () => {
    const c = parseConfig([], {});
    expect(c).toMatchObject({
      host: '127.0.0.1',
      port: 8080,
      retentionMs: 3_600_000,
      demo: false,
      contexts: [],
    });
    expect(c.resolutionMs).toBeUndefined();
  });

  it('makes --static-dir absolute (the SPA fallback cannot send a relative path)', () => {
    expect(parseConfig(['--static-dir', '../web/dist'], {}).staticDir).toBe(
      `${process.cwd().replace(/\/[^/]+$/, '')}/web/dist`,
    );
    expect(parseConfig([], {}).staticDir).toBeUndefined();
  });

  it('asks upstream for gzip unless --upstream-gzip off', () => {
    expect(parseConfig([], {}).upstreamGzip).toBe(true);
    expect(parseConfig(['--upstream-gzip', 'off'], {}).upstreamGzip).toBe(false);
    expect(parseConfig(['--upstream-gzip', 'on'], {}).upstreamGzip).toBe(true);
  });

  it('leaves $KUBECONFIG (a list of files) to findKubeconfig; --kubeconfig is one file', () => {
    expect(parseConfig([], { KUBECONFIG: '/a:/b' }).kubeconfig).toBeUndefined();
    expect(parseConfig(['--kubeconfig', '/c'], { KUBECONFIG: '/a:/b' }).kubeconfig).toBe('/c');
  });

  it('reads flags before env, ignores a stray --, repeats --context', () => {
    const c = parseConfig(
      [
        '--',
        '--port',
        '9000',
        '--context',
        'a',
        '--context',
        'b',
        '--resolution',
        '1m0s',
        '--retention',
        '2h',
        '--auth',
        'none',
      ],
      { PORT: '7000', HOST: '0.0.0.0' },
    );
    expect(c).toMatchObject({
      port: 9000,
      host: '0.0.0.0',
      contexts: ['a', 'b'],
      resolutionMs: 60_000,
      retentionMs: 7_200_000,
    });
  });

  it('has safe security defaults', () => {
    expect(parseConfig([], {})).toMatchObject({
      auth: 'none',
      authProxyHeader: 'x-forwarded-user',
      authProxyFrom: [],
      allowedHosts: [],
      frameAncestors: ["'self'"],
      metricsAuth: true,
      maxStreams: 2000,
      maxStreamsPerClient: 50,
      rateLimitPerMin: 600,
    });
  });

  it('refuses a non-loopback bind without an explicit --auth', () => {
    expect(() => parseConfig(['--host', '0.0.0.0'], {})).toThrow(/--auth/);
    expect(() => parseConfig([], { HOST: '10.1.2.3' })).toThrow(/--auth/);
    expect(parseConfig(['--host', '0.0.0.0', '--auth', 'none'], {}).auth).toBe('none');
    expect(parseConfig(['--host', '::1'], {}).auth).toBe('none');
  });

  it('reads the token and proxy settings', () => {
    const t = parseConfig(['--host', '0.0.0.0', '--auth', 'token'], { KUBEGLANCE_TOKENS: 'a' });
    expect(t).toMatchObject({ auth: 'token', authTokensEnv: 'a' });
    const p = parseConfig(
      [
        '--auth=proxy',
        '--auth-proxy-from',
        '10.0.0.0/8',
        '--auth-proxy-from',
        '::1',
        '--auth-proxy-header',
        'X-Auth-Request-User',
        '--allowed-host',
        'kubeglance.example.com',
        '--frame-ancestors',
        'https://grafana.example.com',
        '--metrics-auth',
        'no',
        '--state-dir',
        '/var/lib/kubeglance',
        '--max-streams',
        '50',
        '--rate-limit',
        '30',
      ],
      {},
    );
    expect(p).toMatchObject({
      auth: 'proxy',
      authProxyFrom: ['10.0.0.0/8', '::1'],
      authProxyHeader: 'x-auth-request-user',
      allowedHosts: ['kubeglance.example.com'],
      frameAncestors: ['https://grafana.example.com'],
      metricsAuth: false,
      stateDir: '/var/lib/kubeglance',
      maxStreams: 50,
      rateLimitPerMin: 30,
    });
  });

  it.each([
    [['--auth', 'basic']],
    [['--auth', 'token']],
    [['--auth', 'proxy']],
    [['--auth', 'proxy', '--auth-proxy-from', '10.0.0.0/33']],
    [['--auth', 'proxy', '--auth-proxy-from', 'proxy.local']],
    [['--allowed-host', 'a.example:8080']],
    [['--frame-ancestors', "'self'; script-src *"]],
    [['--metrics-auth', 'maybe']],
    [['--upstream-gzip', 'yes']],
    [['--max-streams', '0']],
    [['--rate-limit', '1e3']],
    [['--max-streams-per-client', '+5']],
    [['--port', 'x']],
    [['--port', '70000']],
    [['--retention', 'forever']],
    [['--log-level', 'loud']],
    [['--bogus']],
    [['positional']],
  ])('rejects %j', (argv) => {
    expect(() => parseConfig(argv, {})).toThrow(ConfigError);
  });
});
