/**
 * `pnpm sim -- [flags]`: run the simulated cluster in the foreground until SIGINT/SIGTERM.
 * Prints one `... ready at URL ...` line once the API and kubeconfig are in place; usage
 * errors exit with status 2.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { writeBackfillFile } from './backfillFile.js';
import { FAULTS, isFaultName } from './faults.js';
import { DEFAULT_OPTIONS, startSim, type StartSimOptions } from './index.js';

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
  --kubelet-port N     plain-HTTP port serving each node's kubelet /metrics/resource
                       at /api/v1/nodes/NODE/proxy/metrics/resource (no TLS, no token)
  --backfill DUR       before serving, write this much past (e.g. 7d) as OpenMetrics
  --backfill-out PATH  where to write it (for promtool tsdb create-blocks-from openmetrics)
  --backfill-step DUR  time between backfilled samples                [60s]
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

/** `15s`, `500ms`, `1m`, `1.5s`, or a bare number of seconds -> milliseconds. */
export function parseDuration(flag: string, raw: string): number {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)?$/.exec(raw);
  const unit =
    { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[match?.[2] ?? 's'] ?? 1000;
  const ms = match ? Math.round(Number(match[1]) * unit) : NaN;
  if (!(ms > 0))
    throw new UsageError(`${flag} expects a positive duration like 15s or 500ms, got "${raw}"`);
  return ms;
}

/** Parse argv (without node and script); a stray `--` (from `pnpm sim -- ...`) is ignored. */
export function parseCliArgs(argv: readonly string[]): CliOptions | 'help' {
  const opts: CliOptions = {
    ...DEFAULT_OPTIONS,
    port: 6443,
    kubeconfigPath: './sim.kubeconfig',
    faults: [],
  };
  const faults: string[] = [];
  const backfill = { durationMs: 0, stepMs: 60_000, path: '' };
  const args = argv.filter((a) => a !== '--');
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--help' || arg === '-h') return 'help';
    if (!arg.startsWith('--')) throw new UsageError(`unexpected argument "${arg}"`);
    const eq = arg.indexOf('=');
    const flag = eq >= 0 ? arg.slice(0, eq) : arg;
    const value = (): string => {
      if (eq >= 0) return arg.slice(eq + 1);
      const next = args[i + 1];
      if (next === undefined || next.startsWith('--'))
        throw new UsageError(`${flag} needs a value`);
      i++;
      return next;
    };
    switch (flag) {
      case '--port':
        opts.port = integer(flag, value(), 0, 65535);
        break;
      case '--control-port':
        opts.controlPort = integer(flag, value(), 0, 65535);
        break;
      case '--kubelet-port':
        opts.kubeletPort = integer(flag, value(), 0, 65535);
        break;
      case '--backfill':
        backfill.durationMs = parseDuration(flag, value());
        break;
      case '--backfill-step':
        backfill.stepMs = parseDuration(flag, value());
        break;
      case '--backfill-out':
        backfill.path = value();
        break;
      case '--host':
        opts.host = value();
        break;
      case '--nodes':
        opts.nodes = integer(flag, value(), 1);
        break;
      case '--pods':
        opts.pods = integer(flag, value(), 0);
        break;
      case '--namespaces':
        opts.namespaces = integer(flag, value(), 1);
        break;
      case '--seed':
        opts.seed = integer(flag, value(), 0, 2 ** 32 - 1);
        break;
      case '--resolution':
        opts.resolutionMs = parseDuration(flag, value());
        break;
      case '--slow':
        opts.slowMs = parseDuration(flag, value());
        break;
      case '--churn': {
        const raw = value();
        if (!/^\d+(\.\d+)?$/.test(raw))
          throw new UsageError(`--churn expects a non-negative number, got "${raw}"`);
        opts.churnPerMinute = Number(raw);
        break;
      }
      case '--warmup':
        if (eq >= 0) throw new UsageError('--warmup takes no value');
        opts.warmup = true;
        break;
      case '--kubeconfig':
        opts.kubeconfigPath = value();
        break;
      case '--name': {
        const name = value();
        if (!/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/.test(name))
          throw new UsageError(`--name expects a DNS-style name, got "${name}"`);
        opts.name = name;
        break;
      }
      case '--fault': {
        for (const name of value()
          .split(',')
          .filter((n) => n !== '')) {
          if (!isFaultName(name))
            throw new UsageError(
              `unknown fault "${name}"; known: ${Object.keys(FAULTS).join(', ')}`,
            );
          faults.push(name);
        }
        break;
      }
      default:
        throw new UsageError(`unknown flag ${flag}`);
    }
  }
  if (backfill.durationMs > 0 !== (backfill.path !== '')) {
    throw new UsageError('--backfill and --backfill-out go together');
  }
  return { ...opts, faults, ...(backfill.path !== '' ? { backfill } : {}) };
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
