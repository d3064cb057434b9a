/**
 * `pnpm sim -- [flags]`: run the simulated cluster in the foreground until SIGINT/SIGTERM.
 * Prints one `... ready at URL ...` line once the API and kubeconfig are in place; usage
 * errors exit with status 2.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { writeBackfillFile } from './backfillFile.js';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { DurationError, parseDurationMs } from '@kubeglance/shared/duration';
import { FAULTS, isFaultName } from './faults.js';
import {
  DEFAULT_OPTIONS,
  PLAIN_ASPECTS,
  startSim,
  type PlainAspect,
  type StartSimOptions,
} from './index.js';

const PROGRAM = 'kubeglance-sim';

export class UsageError extends Error {
  override name = 'UsageError';
}

export const USAGE = `Usage: pnpm sim -- [flags]

  --port N             API port (0 = any free port)                 [6443]
  --host ADDR          bind address                                 [127.0.0.1]
  --nodes N            number of nodes                              [20]
  --pods N             number of pods                               [400]
  --namespaces N       number of namespaces                         [8]
  --seed N             random seed (same seed, same cluster)        [42]
  --resolution DUR     metrics resolution, e.g. 15s, 500ms, 1m      [15s]
  --churn N            pod creations + deletions per minute         [6]
  --kubeconfig PATH    where to write the kubeconfig                [./sim.kubeconfig]
  --name NAME          cluster and context name                     [kubeglance-sim]
  --fault NAME         start with a fault on (repeatable)
  --slow DUR           delay of the 'slow' fault                    [3s]
  --control-port N     extra port serving only /_sim (reachable while 'apiserver-down')
  --rbac FILE          enforce the RBAC roles and bindings in FILE (repeatable)
  --user NAME          user the token authenticates as               [kubernetes-admin]
  --kubelet-port N     plain-HTTP port serving each node's kubelet /metrics/resource
                       at /api/v1/nodes/NODE/proxy/metrics/resource (no TLS, no token)
  --backfill DUR       before serving, write this much past (e.g. 168h) as OpenMetrics
  --backfill-out PATH  where to write it (for promtool tsdb create-blocks-from openmetrics)
  --backfill-step DUR  time between backfilled samples                [60s]
  --metrics-replicas N metrics-server replicas answering in turn   [1]
  --pin-memory LIST    hold one single-pod Deployment per share at that share of its
                       memory limit (e.g. 0.897,0.9); repeatable or comma-separated
  --plain LIST         switch realistic defaults off: workloads (sidecars, init
                       containers, overhead), metrics (per-node timestamps and
                       windows, canonical quantities); repeatable or comma-separated
  --warmup             metrics-server just deployed: 503 until two scrapes after start
  --help               show this help

Faults:
${Object.entries(FAULTS)
  .map(([name, what]) => `  ${name.padEnd(22)} ${what}`)
  .join('\n')}
`;

export type CliOptions = StartSimOptions & {
  kubeconfigPath: string;
  backfill?: { durationMs: number; stepMs: number; path: string };
};

function integer(flag: string, raw: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  if (!/^-?\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new UsageError(`${flag} expects an integer between ${min} and ${max}, got "${raw}"`);
  }
  return Number(raw);
}

/** A positive Go duration (`15s`, `500ms`, `1m30s`) in whole milliseconds, via shared's parser. */
export function parseDuration(flag: string, raw: string): number {
  let ms = Number.NaN;
  try {
    ms = Math.round(parseDurationMs(raw));
  } catch (err) {
    if (!(err instanceof DurationError)) throw err;
  }
  if (!(ms > 0))
    throw new UsageError(`${flag} expects a positive duration like 15s or 500ms, got "${raw}"`);
  return ms;
}

const OPTIONS = {
  port: { type: 'string' },
  host: { type: 'string' },
  nodes: { type: 'string' },
  pods: { type: 'string' },
  namespaces: { type: 'string' },
  seed: { type: 'string' },
  resolution: { type: 'string' },
  churn: { type: 'string' },
  kubeconfig: { type: 'string' },
  name: { type: 'string' },
  fault: { type: 'string', multiple: true },
  plain: { type: 'string', multiple: true },
  'metrics-replicas': { type: 'string' },
  'pin-memory': { type: 'string', multiple: true },
  slow: { type: 'string' },
  'control-port': { type: 'string' },
  'kubelet-port': { type: 'string' },
  backfill: { type: 'string' },
  'backfill-out': { type: 'string' },
  'backfill-step': { type: 'string' },
  warmup: { type: 'boolean' },
  rbac: { type: 'string', multiple: true },
  user: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsConfig['options'];

/** parseArgs' errors in this CLI's words (the quoted flag or argument, when there is one). */
function usageErrorOf(err: unknown): UsageError {
  const code = (err as { code?: string }).code ?? '';
  const message = err instanceof Error ? err.message : String(err);
  const quoted = /'([^' ]+)/.exec(message)?.[1] ?? '';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return new UsageError(`unknown flag ${quoted}`);
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL')
    return new UsageError(`unexpected argument "${quoted}"`);
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE')
    return new UsageError(`${quoted} needs a value`);
  return new UsageError(message);
}

/** Comma-separated, repeatable list values (`--fault a,b --fault c`). */
function listOf(values: readonly string[] | undefined): string[] {
  return (values ?? []).flatMap((v) => v.split(',')).filter((v) => v !== '');
}

/** Parse argv (without node and script); a stray `--` (from `pnpm sim -- ...`) is ignored. */
export function parseCliArgs(argv: readonly string[]): CliOptions | 'help' {
  let values: ReturnType<typeof parseArgs<{ options: typeof OPTIONS }>>['values'];
  try {
    ({ values } = parseArgs({
      args: argv.filter((a) => a !== '--'),
      options: OPTIONS,
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    throw usageErrorOf(err);
  }
  if (values.help === true) return 'help';
  const opts: CliOptions = {
    ...DEFAULT_OPTIONS,
    port: 6443,
    kubeconfigPath: './sim.kubeconfig',
    faults: [],
  };
  const v = values;
  if (v.port !== undefined) opts.port = integer('--port', v.port, 0, 65535);
  if (v['control-port'] !== undefined)
    opts.controlPort = integer('--control-port', v['control-port'], 0, 65535);
  if (v.host !== undefined) opts.host = v.host;
  if (v.nodes !== undefined) opts.nodes = integer('--nodes', v.nodes, 1);
  if (v.pods !== undefined) opts.pods = integer('--pods', v.pods, 0);
  if (v.namespaces !== undefined) opts.namespaces = integer('--namespaces', v.namespaces, 1);
  if (v.seed !== undefined) opts.seed = integer('--seed', v.seed, 0, 2 ** 32 - 1);
  if (v.resolution !== undefined) opts.resolutionMs = parseDuration('--resolution', v.resolution);
  if (v.slow !== undefined) opts.slowMs = parseDuration('--slow', v.slow);
  if (v['metrics-replicas'] !== undefined)
    opts.metricsReplicas = integer('--metrics-replicas', v['metrics-replicas'], 1, 10);
  const pins = listOf(v['pin-memory']);
  if (pins.length > 0) {
    opts.memoryPins = pins.map((raw) => {
      if (!/^0?\.\d+$|^1(\.0+)?$/.test(raw))
        throw new UsageError(`--pin-memory expects shares from 0 to 1 (0.897), got "${raw}"`);
      return Number(raw);
    });
  }
  if (v.churn !== undefined) {
    if (!/^\d+(\.\d+)?$/.test(v.churn))
      throw new UsageError(`--churn expects a non-negative number, got "${v.churn}"`);
    opts.churnPerMinute = Number(v.churn);
  }
  if (v.warmup === true) opts.warmup = true;
  if (v.kubeconfig !== undefined) opts.kubeconfigPath = v.kubeconfig;
  if (v.name !== undefined) {
    if (!/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/.test(v.name))
      throw new UsageError(`--name expects a DNS-style name, got "${v.name}"`);
    opts.name = v.name;
  }
  const faults = listOf(v.fault);
  for (const name of faults) {
    if (!isFaultName(name))
      throw new UsageError(`unknown fault "${name}"; known: ${Object.keys(FAULTS).join(', ')}`);
  }
  const plain = listOf(v.plain);
  for (const aspect of plain) {
    if (!(PLAIN_ASPECTS as readonly string[]).includes(aspect))
      throw new UsageError(`--plain accepts ${PLAIN_ASPECTS.join(', ')}, got "${aspect}"`);
  }
  if (plain.length > 0) opts.plain = plain as PlainAspect[];
  if (v.user !== undefined) opts.user = v.user;
  const rbac = v.rbac ?? [];
  if (v['kubelet-port'] !== undefined)
    opts.kubeletPort = integer('--kubelet-port', v['kubelet-port'], 0, 65535);
  if ((v.backfill === undefined) !== (v['backfill-out'] === undefined)) {
    throw new UsageError('--backfill and --backfill-out go together');
  }
  const backfill =
    v.backfill === undefined || v['backfill-out'] === undefined
      ? undefined
      : {
          durationMs: parseDuration('--backfill', v.backfill),
          stepMs: parseDuration('--backfill-step', v['backfill-step'] ?? '60s'),
          path: v['backfill-out'],
        };
  return {
    ...opts,
    faults,
    ...(rbac.length > 0 ? { rbac } : {}),
    ...(backfill ? { backfill } : {}),
  };
}

async function main(): Promise<void> {
  let parsed: CliOptions | 'help';
  try {
    parsed = parseCliArgs(process.argv.slice(2));
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    process.stderr.write(`${PROGRAM}: ${err.message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (parsed === 'help') {
    process.stdout.write(USAGE);
    return;
  }
  const sim = await startSim(parsed);
  if (parsed.backfill) {
    const { path, ...window } = parsed.backfill;
    const written = await writeBackfillFile(sim.cluster, path, window);
    process.stderr.write(
      `${PROGRAM}: wrote ${new Date(written.fromMs).toISOString()} .. ${new Date(written.toMs).toISOString()} to ${path}\n`,
    );
  }
  const where = resolve(parsed.kubeconfigPath);
  const faults = sim.faults.active();
  const extras = [
    `kubeconfig=${where}`,
    ...(sim.controlUrl ? [`control=${sim.controlUrl}`] : []),
    ...(sim.kubeletUrl ? [`kubelet=${sim.kubeletUrl}`] : []),
    ...(faults.length > 0 ? [`faults=${faults.join(',')}`] : []),
  ];
  process.stdout.write(
    `${PROGRAM} ready at ${sim.url} (${sim.cluster.store.list('nodes').length} nodes, ${sim.cluster.store.list('pods').length} pods) ${extras.join(' ')}\n`,
  );

  let stopping = false;
  const shutdown = (signal: NodeJS.Signals): void => {
    if (stopping) process.exit(1); // a second Ctrl-C means "now"
    stopping = true;
    process.stderr.write(`${PROGRAM}: ${signal}, stopping\n`);
    sim.stop().then(
      () => process.exit(0),
      (err: Error) => {
        process.stderr.write(`${PROGRAM}: stop failed: ${err.message}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  // A simulator should outlive a bug in one request: log it and keep serving.
  process.on('uncaughtException', (err) =>
    process.stderr.write(`${PROGRAM}: uncaught: ${err.stack ?? err.message}\n`),
  );
  process.on('unhandledRejection', (err) =>
    process.stderr.write(`${PROGRAM}: unhandled rejection: ${String(err)}\n`),
  );
}

// Run only when executed (tsx src/cli.ts), not when imported by tests.
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((err: unknown) => {
    process.stderr.write(
      `${PROGRAM}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    );
    process.exit(1);
  });
}
