import { ConfigError, parseConfig, USAGE } from './config.js';
import { limitHeapGrowth } from './heapGrowth.js';
import { TargetError } from './kube/clusterTargets.js';
import { startServer } from './server.js';

/** CLI entry point: `pnpm start [-- --port 9000 --kubeconfig ./x ...]`. */
async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(USAGE);
    return;
  }
  const config = parseConfig(argv, process.env);
  limitHeapGrowth();
  const server = await startServer(config);
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    server.log.info({ signal }, 'shutting down');
    server.stop().then(
      () => process.exit(0),
      (e: unknown) => {
        server.log.error({ err: e }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((e: unknown) => {
  if (e instanceof ConfigError || e instanceof TargetError) {
    console.error(`kubeglance: ${e.message}\n\n${USAGE}`);
    process.exit(2);
  }
  console.error('kubeglance failed to start:', e);
  process.exit(1);
});
