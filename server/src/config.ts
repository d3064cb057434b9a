import { parseArgs } from 'node:util';
import { z } from 'zod';
import { parseGoDurationMs } from './kube/parseMetrics.js';
import { PROMETHEUS_FLAGS, PROMETHEUS_USAGE, prometheusOptions } from './prometheus/flags.js';
import type { PrometheusOptions } from './prometheus/options.js';

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
}

export class ConfigError extends Error {}

const duration = z.string().transform((s, ctx) => {
  const ms = parseGoDurationMs(s);
  if (!Number.isFinite(ms) || ms <= 0) {
    ctx.addIssue({ code: 'custom', message: `invalid duration "${s}" (use e.g. 15s, 1m, 1h)` });
    return z.NEVER;
  }
  return ms;
});

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
});

export const USAGE = `Usage: kubeglance [options]
  --port N            HTTP port (env PORT, default 8080)
  --host H            bind address (env HOST, default 127.0.0.1)
  --kubeconfig PATH   kubeconfig file (env KUBECONFIG, default ~/.kube/config)
  --context NAME      context to show; repeatable (default: the current context)
  --all-contexts      show every context of the kubeconfig
  --resolution D      metrics resolution, e.g. 15s (default: detected)
  --retention D       history kept per cluster (default 1h)
  --log-level L       fatal|error|warn|info|debug|trace|silent (env LOG_LEVEL, default info)
  --demo              run on the embedded simulated clusters
  --sim-resolution D  resolution of the simulated clusters (default 15s)
  --static-dir PATH   built web app to serve (default web/dist)
${PROMETHEUS_USAGE}`;

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
    kubeconfig: values.kubeconfig ?? (env.KUBECONFIG || undefined),
    contexts: values.context ?? [],
    allContexts: values['all-contexts'] ?? false,
    resolutionMs: values.resolution,
    retentionMs: values.retention ?? '1h',
    logLevel: values['log-level'] ?? env.LOG_LEVEL ?? 'info',
    demo: values.demo ?? false,
    simResolutionMs: values['sim-resolution'] ?? '15s',
    staticDir: values['static-dir'],
  });
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new ConfigError(`--${issue?.path.join('.') ?? '?'}: ${issue?.message ?? 'invalid'}`);
  }
  let prometheus: PrometheusOptions | undefined;
  try {
    prometheus = prometheusOptions(values, flagDuration);
  } catch (e) {
    throw new ConfigError((e as Error).message);
  }
  return { ...result.data, prometheus };
}

function flagDuration(flag: string, raw: string): number {
  const ms = parseGoDurationMs(raw);
  if (!Number.isFinite(ms) || ms <= 0) {
    throw new Error(`--${flag}: invalid duration "${raw}" (use e.g. 15s, 1m, 1h)`);
  }
  return ms;
}
