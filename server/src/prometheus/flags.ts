import { readFileSync } from 'node:fs';
import {
  DEFAULT_LABELS,
  parsePrometheusTarget,
  type PrometheusAuth,
  type PrometheusOptions,
} from './options.js';

/** The `--prometheus*` flags, for `parseArgs` (all strings; `--prometheus` repeatable). */
export const PROMETHEUS_FLAGS = {
  prometheus: { type: 'string', multiple: true },
  'prometheus-token-file': { type: 'string' },
  'prometheus-user': { type: 'string' },
  'prometheus-password-file': { type: 'string' },
  'prometheus-ca-file': { type: 'string' },
  'prometheus-node-label': { type: 'string' },
  'prometheus-namespace-label': { type: 'string' },
  'prometheus-pod-label': { type: 'string' },
  'prometheus-container-label': { type: 'string' },
  'prometheus-scrape-interval': { type: 'string' },
  'prometheus-timeout': { type: 'string' },
} as const;

export const PROMETHEUS_USAGE = `  --prometheus URL     long-range history (6h…30d) from this Prometheus-compatible API
                       (Prometheus, Thanos Query, Mimir, VictoriaMetrics); CONTEXT=URL
                       for one cluster; repeatable
  --prometheus-token-file PATH     bearer token for it
  --prometheus-user U, --prometheus-password-file PATH   basic auth instead
  --prometheus-ca-file PATH        CA bundle for an https URL
  --prometheus-node-label L        (default node; also namespace/pod/container-label)
  --prometheus-scrape-interval D   longest scrape interval of the data (default 30s)
  --prometheus-timeout D           per query (default 20s)`;

type Values = Partial<Record<keyof typeof PROMETHEUS_FLAGS, string | string[] | undefined>>;

const LABEL = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

function read(flag: string, path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw new Error(`--${flag}: cannot read ${path}: ${(e as Error).message}`);
  }
}

/**
 * Options from the flag values (`parseDuration` as the rest of the config parses durations);
 * undefined when no `--prometheus` is given. Throws a plain Error naming the flag.
 */
export function prometheusOptions(
  values: Values,
  parseDuration: (flag: string, raw: string) => number,
): PrometheusOptions | undefined {
  const urls = (values.prometheus as string[] | undefined) ?? [];
  const str = (k: keyof typeof PROMETHEUS_FLAGS) => values[k] as string | undefined;
  if (urls.length === 0) {
    const stray = Object.keys(PROMETHEUS_FLAGS).find(
      (k) => k !== 'prometheus' && values[k as keyof Values] !== undefined,
    );
    if (stray) throw new Error(`--${stray} needs --prometheus URL`);
    return undefined;
  }
  const targets = urls.map(parsePrometheusTarget);
  const contexts = targets.map((t) => t.context ?? '');
  const dup = contexts.find((c, i) => contexts.indexOf(c) !== i);
  if (dup !== undefined)
    throw new Error(`--prometheus: ${dup ? `context "${dup}"` : 'a default URL'} is given twice`);
  const auth: PrometheusAuth = {};
  const token = str('prometheus-token-file');
  const user = str('prometheus-user');
  const passwordFile = str('prometheus-password-file');
  if (token && user)
    throw new Error('--prometheus-token-file and --prometheus-user exclude each other');
  if (token) auth.bearerToken = read('prometheus-token-file', token).trim();
  if (user !== undefined) {
    if (!passwordFile) throw new Error('--prometheus-user needs --prometheus-password-file');
    auth.basic = {
      username: user,
      password: read('prometheus-password-file', passwordFile).replace(/\r?\n$/, ''),
    };
  }
  const ca = str('prometheus-ca-file');
  if (ca) auth.caPem = read('prometheus-ca-file', ca);
  const labels = { ...DEFAULT_LABELS };
  for (const k of ['node', 'namespace', 'pod', 'container'] as const) {
    const v = str(`prometheus-${k}-label`);
    if (v === undefined) continue;
    if (!LABEL.test(v))
      throw new Error(`--prometheus-${k}-label: "${v}" is not a Prometheus label name`);
    labels[k] = v;
  }
  const interval = str('prometheus-scrape-interval');
  const timeout = str('prometheus-timeout');
  return {
    targets,
    auth,
    labels,
    scrapeIntervalMs: interval ? parseDuration('prometheus-scrape-interval', interval) : 30_000,
    timeoutMs: timeout ? parseDuration('prometheus-timeout', timeout) : 20_000,
  };
}
