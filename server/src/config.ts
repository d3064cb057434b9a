import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { PROMETHEUS_FLAGS, PROMETHEUS_USAGE, prometheusOptions } from './prometheus/flags.js';
import type { DiagnosticsTiming } from './diagnostics/runner.js';
import type { PrometheusOptions } from './prometheus/options.js';
import { DurationError, parseDurationMs } from '@kubeglance/shared/duration';

export type AuthMode = 'none' | 'token' | 'proxy';

/** Server settings from flags, then environment variables, then defaults. */
export interface ServerConfig {
  host: string;
  port: number;
  kubeconfig?: string | undefined;
  contexts: string[];
  allContexts: boolean;
  /** Fixed metrics resolution; detected from the samples when undefined. */
  resolutionMs?: number | undefined;
  retentionMs: number;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Run on embedded simulated clusters even if a kubeconfig exists. */
  demo: boolean;
  /** Resolution of the embedded simulated clusters. */
  simResolutionMs: number;
  /** Directory of the built web app (served at /). */
  staticDir?: string | undefined;
  /** Long-range history from a Prometheus-compatible store (`--prometheus`). */
  prometheus?: PrometheusOptions | undefined;
  /** Who may read: nobody checked, viewer tokens, or a user header from a trusted proxy. */
  auth: AuthMode;
  /** Viewer tokens file (one `token` or `name:token` per line); re-read when it changes. */
  authTokenFile?: string | undefined;
  /** Viewer tokens from `KUBEGLANCE_TOKENS` (same format, newline- or comma-separated). */
  authTokensEnv?: string | undefined;
  /** Header carrying the user name in `--auth proxy` mode (lower case). */
  authProxyHeader: string;
  /** Proxy addresses (IP or CIDR) trusted for the user header and `X-Forwarded-*`. */
  authProxyFrom: string[];
  /** Host names served besides loopback names and IP literals (DNS-rebinding guard). */
  allowedHosts: string[];
  /** CSP `frame-ancestors` sources; `'none'` forbids framing. */
  frameAncestors: string[];
  /** Whether `/metrics` needs the same authentication as the API. */
  metricsAuth: boolean;
  /** Directory where history is saved across restarts; none when undefined. */
  stateDir?: string | undefined;
  /** How often history is saved to `stateDir` at least (bigger clusters stretch it). */
  stateSaveIntervalMs: number;
  /** Ask the apiserver for gzip (`Accept-Encoding: gzip`); see README, "Upstream compression". */
  upstreamGzip: boolean;
  /** SSE streams open at once, in total and per client. */
  maxStreams: number;
  maxStreamsPerClient: number;
  /** API requests per client per minute. */
  rateLimitPerMin: number;
  /** Diagnostics schedule; no flag: defaults in production, scaled down by tests. */
  diagnosticsTiming?: DiagnosticsTiming | undefined;
}

/** Flags or environment that cannot be used (message says which and why). */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

function goDurationMs(s: string): number | null {
  try {
    return parseDurationMs(s);
  } catch (e) {
    if (e instanceof DurationError) return null;
    throw e;
  }
}

const duration = z.string().transform((s, ctx) => {
  const ms = goDurationMs(s);
  if (ms === null || ms <= 0) {
    ctx.addIssue({ code: 'custom', message: `invalid duration "${s}" (use e.g. 15s, 1m, 1h)` });
    return z.NEVER;
  }
  return ms;
});

const count = z
  .string()
  .regex(/^[1-9][0-9]{0,6}$/, 'a whole number from 1')
  .transform(Number);

const cidr = z.string().refine((s) => {
  const [ip, bits, ...rest] = s.split('/');
  if (rest.length > 0 || !ip || !isIP(ip)) return false;
  if (bits === undefined) return true;
  return /^[0-9]{1,3}$/.test(bits) && Number(bits) <= (isIP(ip) === 4 ? 32 : 128);
}, 'an IP address or CIDR (10.0.0.0/8)');

const schema = z.object({
  host: z.string().min(1),
  port: z.coerce.number().int().min(0).max(65535),
  kubeconfig: z.string().min(1).optional(),
  contexts: z.array(z.string().min(1)),
  allContexts: z.boolean(),
  resolutionMs: duration.optional(),
  retentionMs: duration,
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
  demo: z.boolean(),
  simResolutionMs: duration,
  staticDir: z.string().optional(),
  auth: z.enum(['none', 'token', 'proxy']),
  authTokenFile: z.string().min(1).optional(),
  authTokensEnv: z.string().optional(),
  authProxyHeader: z
    .string()
    .regex(/^[A-Za-z0-9-]+$/, 'a header name')
    .transform((s) => s.toLowerCase()),
  authProxyFrom: z.array(cidr),
  allowedHosts: z.array(z.string().regex(/^[A-Za-z0-9.*-]+$/, 'a host name without port')),
  frameAncestors: z.array(z.string().regex(/^[^\s;,]+$/, 'one CSP source per flag')),
  metricsAuth: z.enum(['yes', 'no']).transform((s) => s === 'yes'),
  stateDir: z.string().min(1).optional(),
  stateSaveIntervalMs: duration,
  upstreamGzip: z.enum(['on', 'off']).transform((s) => s === 'on'),
  maxStreams: count,
  maxStreamsPerClient: count,
  rateLimitPerMin: count,
});

export const USAGE = `Usage: kubeglance [options]
  --port N            HTTP port (env PORT, default 8080)
  --host H            bind address (env HOST, default 127.0.0.1)
  --kubeconfig PATH   kubeconfig file (default: the files in env KUBECONFIG, merged as
                      kubectl does, else ~/.kube/config)
  --context NAME      context to show; repeatable (default: the current context)
  --all-contexts      show every context of the kubeconfig
  --resolution D      metrics resolution, e.g. 15s (default: detected)
  --retention D       history kept per cluster (default 1h)
  --log-level L       fatal|error|warn|info|debug|trace|silent (env LOG_LEVEL, default info)
  --demo              run on the embedded simulated clusters
  --sim-resolution D  resolution of the simulated clusters (default 15s)
  --static-dir PATH   built web app to serve (default web/dist)
  --state-dir PATH    save history here and restore it on start (default: none)
  --state-save-interval D  save at least this far apart (default 1m; a save that takes
                      long stretches it to 20 times its duration)
  --upstream-gzip X   on|off: ask the apiserver to gzip large lists (default on)
Security (see SECURITY.md):
  --auth MODE         none|token|proxy (default none; required when --host is not loopback)
  --auth-token-file PATH   viewer tokens, one "token" or "name:token" per line
                      (or env KUBEGLANCE_TOKENS)
  --auth-proxy-header H    user header set by the proxy (default X-Forwarded-User)
  --auth-proxy-from CIDR   trusted proxy address; repeatable
  --allowed-host NAME host name served besides loopback and IP addresses; repeatable
  --frame-ancestors S CSP frame-ancestors source; repeatable (default 'self')
  --metrics-auth yes|no    whether /metrics needs authentication (default yes)
  --max-streams N     SSE streams in total (default 2000)
  --max-streams-per-client N   SSE streams per client (default 50)
  --rate-limit N      API requests per client per minute (default 600)
Long-range history (see README):
${PROMETHEUS_USAGE}`;

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

/** A loopback bind address: only this machine can connect. */
export function isLoopback(host: string): boolean {
  return LOOPBACK.has(host) || host.startsWith('127.');
}

export function parseConfig(argv: string[], env: NodeJS.ProcessEnv): ServerConfig {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv.filter((a) => a !== '--'),
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        kubeconfig: { type: 'string' },
        context: { type: 'string', multiple: true },
        'all-contexts': { type: 'boolean' },
        resolution: { type: 'string' },
        retention: { type: 'string' },
        'log-level': { type: 'string' },
        demo: { type: 'boolean' },
        'sim-resolution': { type: 'string' },
        'static-dir': { type: 'string' },
        ...PROMETHEUS_FLAGS,
        'state-dir': { type: 'string' },
        'state-save-interval': { type: 'string' },
        'upstream-gzip': { type: 'string' },
        auth: { type: 'string' },
        'auth-token-file': { type: 'string' },
        'auth-proxy-header': { type: 'string' },
        'auth-proxy-from': { type: 'string', multiple: true },
        'allowed-host': { type: 'string', multiple: true },
        'frame-ancestors': { type: 'string', multiple: true },
        'metrics-auth': { type: 'string' },
        'max-streams': { type: 'string' },
        'max-streams-per-client': { type: 'string' },
        'rate-limit': { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (e) {
    throw new ConfigError((e as Error).message);
  }
  const result = schema.safeParse({
    host: values.host ?? env.HOST ?? '127.0.0.1',
    port: values.port ?? env.PORT ?? '8080',
    // $KUBECONFIG is a list of files to merge, read by findKubeconfig; the flag is one file.
    kubeconfig: values.kubeconfig,
    contexts: values.context ?? [],
    allContexts: values['all-contexts'] ?? false,
    resolutionMs: values.resolution,
    retentionMs: values.retention ?? '1h',
    logLevel: values['log-level'] ?? env.LOG_LEVEL ?? 'info',
    demo: values.demo ?? false,
    simResolutionMs: values['sim-resolution'] ?? '15s',
    // Absolute: the SPA fallback's sendFile refuses a relative path (a 500 on every page).
    staticDir: values['static-dir'] === undefined ? undefined : resolve(values['static-dir']),
    stateDir: values['state-dir'],
    stateSaveIntervalMs: values['state-save-interval'] ?? '1m',
    upstreamGzip: values['upstream-gzip'] ?? 'on',
    auth: values.auth ?? 'none',
    authTokenFile: values['auth-token-file'],
    authTokensEnv: env.KUBEGLANCE_TOKENS || undefined,
    authProxyHeader: values['auth-proxy-header'] ?? 'X-Forwarded-User',
    authProxyFrom: values['auth-proxy-from'] ?? [],
    allowedHosts: values['allowed-host'] ?? [],
    frameAncestors: values['frame-ancestors'] ?? ["'self'"],
    metricsAuth: values['metrics-auth'] ?? 'yes',
    maxStreams: values['max-streams'] ?? '2000',
    maxStreamsPerClient: values['max-streams-per-client'] ?? '50',
    rateLimitPerMin: values['rate-limit'] ?? '600',
  });
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new ConfigError(`--${issue?.path.join('.') ?? '?'}: ${issue?.message ?? 'invalid'}`);
  }
  checkAuth(result.data, values.auth !== undefined);
  let prometheus: PrometheusOptions | undefined;
  try {
    prometheus = prometheusOptions(values, flagDuration);
  } catch (e) {
    throw new ConfigError((e as Error).message);
  }
  return { ...result.data, prometheus };
}

function flagDuration(flag: string, raw: string): number {
  const ms = goDurationMs(raw);
  if (ms === null || ms <= 0) {
    throw new Error(`--${flag}: invalid duration "${raw}" (use e.g. 15s, 1m, 1h)`);
  }
  return ms;
}

/** Refuses settings that would serve cluster data to anyone by accident. */
function checkAuth(c: ServerConfig, authExplicit: boolean): void {
  if (!isLoopback(c.host) && !authExplicit) {
    throw new ConfigError(
      `--host ${c.host} accepts connections from other machines: choose --auth token or ` +
        '--auth proxy, or say --auth none to serve cluster data without authentication',
    );
  }
  if (c.auth === 'token' && !c.authTokenFile && !c.authTokensEnv) {
    throw new ConfigError('--auth token needs --auth-token-file PATH or KUBEGLANCE_TOKENS');
  }
  if (c.auth === 'proxy' && c.authProxyFrom.length === 0) {
    throw new ConfigError('--auth proxy needs --auth-proxy-from with the proxy address(es)');
  }
}
