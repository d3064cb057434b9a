/**
 * The CLI: flag parsing (unit) and the real process, started the way users start it, until
 * its ready line, then checked with kubectl and stopped with SIGTERM.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCliArgs, parseDuration, UsageError } from '../src/cli.js';
import { KUBECTL } from './helpers.js';

const SIM_DIR = join(dirname(fileURLToPath(import.meta.url)), '..');
const ROOT_DIR = join(SIM_DIR, '..');
let tmp = '';
const children = new Set<ChildProcess>();

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'kubeglance-cli-'));
});

afterAll(() => {
  for (const child of children) killGroup(child, 'SIGKILL');
  rmSync(tmp, { recursive: true, force: true });
});

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    if (child.pid !== undefined) process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

interface Running {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
}

/** Spawn in its own process group, so pnpm and everything under it can be signalled at once. */
function launch(command: string, args: string[], cwd: string): Running {
  const child = spawn(command, args, { cwd, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  let out = '';
  let err = '';
  child.stdout?.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (err += c.toString()));
  const exited = new Promise<number | null>((resolve) =>
    child.on('exit', (code) => {
      children.delete(child);
      resolve(code);
    }),
  );
  return { child, stdout: () => out, stderr: () => err, exited };
}

async function readyLine(run: Running, timeoutMs = 30_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const line = run
      .stdout()
      .split('\n')
      .find((l) => l.includes(' ready at '));
    if (line) return line;
    if (run.child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`no ready line; stdout=${run.stdout()} stderr=${run.stderr()}`);
}

function kubectl(
  kubeconfig: string,
  args: string[],
): Promise<{ code: number | null; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn(KUBECTL, [
      '--kubeconfig',
      kubeconfig,
      '--cache-dir',
      join(tmp, 'cache'),
      ...args,
    ]);
    let stdout = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.on('exit', (code) => resolve({ code, stdout }));
  });
}

describe('parseCliArgs', () => {
  it('has the documented defaults', () => {
    expect(parseCliArgs([])).toMatchObject({
      port: 6443,
      nodes: 20,
      pods: 400,
      namespaces: 8,
      seed: 42,
      resolutionMs: 15_000,
      churnPerMinute: 6,
      kubeconfigPath: './sim.kubeconfig',
      faults: [],
      name: 'kubeglance-sim',
    });
  });

  it('accepts every flag, both spellings, repeated faults and a stray --', () => {
    const opts = parseCliArgs([
      '--',
      '--port',
      '0',
      '--nodes=5',
      '--pods',
      '50',
      '--namespaces',
      '2',
      '--seed',
      '7',
      '--resolution',
      '500ms',
      '--churn',
      '60',
      '--kubeconfig',
      'x.yaml',
      '--name',
      'lab',
      '--fault',
      'throttle',
      '--fault=slow,watch-gone',
      '--slow',
      '2s',
      '--control-port',
      '0',
      '--metrics-replicas',
      '2',
      '--plain=workloads',
      '--plain',
      'metrics',
      '--pin-memory',
      '0.897,0.9',
      '--pin-memory=1',
    ]);
    expect(opts).toMatchObject({
      port: 0,
      nodes: 5,
      pods: 50,
      namespaces: 2,
      seed: 7,
      resolutionMs: 500,
      churnPerMinute: 60,
      kubeconfigPath: 'x.yaml',
      name: 'lab',
      faults: ['throttle', 'slow', 'watch-gone'],
      slowMs: 2000,
      controlPort: 0,
      metricsReplicas: 2,
      plain: ['workloads', 'metrics'],
      memoryPins: [0.897, 0.9, 1],
    });
    expect(parseCliArgs(['-h'])).toBe('help');
    expect(parseCliArgs(['--help'])).toBe('help');
  });

  it.each([
    [['--bogus'], /unknown flag --bogus/],
    [['--nodes', 'many'], /--nodes expects an integer/],
    [['--port', '70000'], /--port expects an integer between 0 and 65535/],
    [['--resolution', 'soon'], /--resolution expects a positive duration/],
    [['--fault', 'gremlins'], /unknown fault "gremlins"/],
    [['--pods'], /--pods needs a value/],
    [['stray'], /unexpected argument "stray"/],
    [['--plain', 'everything'], /--plain accepts workloads, metrics, got "everything"/],
    [['--metrics-replicas', '0'], /--metrics-replicas expects an integer between 1 and 10/],
    [['--pin-memory', '1.5'], /--pin-memory expects shares from 0 to 1/],
  ])('rejects %j', (args, message) => {
    expect(() => parseCliArgs(args)).toThrow(UsageError);
    expect(() => parseCliArgs(args)).toThrow(message);
  });

  it('parses durations', () => {
    expect(parseDuration('--x', '15s')).toBe(15_000);
    expect(parseDuration('--x', '1.5s')).toBe(1500);
    expect(parseDuration('--x', '2m')).toBe(120_000);
    expect(parseDuration('--x', '1m30s')).toBe(90_000);
    expect(parseDuration('--x', '250ms')).toBe(250);
    // Go's grammar, as kubectl and the server: a bare number has no unit and is refused.
    for (const bad of ['30', '0s', '-1s', '15 s', '1d', ''])
      expect(() => parseDuration('--x', bad)).toThrow(UsageError);
  });
});

describe('the CLI process', () => {
  it('starts, prints one ready line, writes a working kubeconfig and stops on SIGTERM', async () => {
    const kubeconfig = join(tmp, 'direct.kubeconfig');
    const run = launch(
      process.execPath,
      [
        '--import',
        'tsx',
        'src/cli.ts',
        '--port',
        '0',
        '--nodes',
        '3',
        '--pods',
        '12',
        '--kubeconfig',
        kubeconfig,
        '--fault',
        'slow',
        '--slow',
        '10ms',
      ],
      SIM_DIR,
    );
    const line = await readyLine(run);
    expect(line).toMatch(
      /^kubeglance-sim ready at https:\/\/127\.0\.0\.1:\d+ \(3 nodes, 12 pods\) kubeconfig=\S+direct\.kubeconfig faults=slow$/,
    );
    const yaml = readFileSync(kubeconfig, 'utf8');
    expect(yaml).toContain('certificate-authority-data:');
    expect(yaml).toContain('current-context: "kubeglance-sim"');
    const nodes = await kubectl(kubeconfig, ['get', 'nodes', '-o', 'name']);
    expect(nodes.code).toBe(0);
    expect(nodes.stdout.trim().split('\n')).toHaveLength(3);
    killGroup(run.child, 'SIGTERM');
    expect(await run.exited).toBe(0);
  });

  it('works as `pnpm sim -- --port 0` from the repository root', async () => {
    const kubeconfig = join(tmp, 'pnpm.kubeconfig');
    const run = launch(
      'pnpm',
      ['sim', '--', '--port', '0', '--nodes', '2', '--pods', '4', '--kubeconfig', kubeconfig],
      ROOT_DIR,
    );
    const line = await readyLine(run);
    expect(line).toContain('(2 nodes, 4 pods)');
    expect((await kubectl(kubeconfig, ['top', 'nodes'])).code).toBe(0);
    killGroup(run.child, 'SIGTERM');
    await run.exited;
  });

  it('exits 2 with a clear message on a bad flag', async () => {
    const run = launch(
      process.execPath,
      ['--import', 'tsx', 'src/cli.ts', '--nodes', 'lots'],
      SIM_DIR,
    );
    expect(await run.exited).toBe(2);
    expect(run.stderr()).toContain('kubeglance-sim: --nodes expects an integer');
    expect(run.stderr()).toContain('Usage: pnpm sim');
  });
});
