import { describe, expect, it } from 'vitest';
import type { Problem, TopPod } from '@kubeglance/shared/api';
import { node } from '../../api/testFixtures';
import { clusterAlerts, fixCommand, hottest, hottestNode } from './nocAlerts';

const GiB = 1 << 30;
const problem: Problem = {
  code: 'metrics-api-unavailable',
  message: 'The metrics API is unavailable (503).',
  hint: 'Check metrics-server.',
  sinceMs: 0,
};
const pod = (
  name: string,
  namespace: string,
  memory: number | null,
  limit: number | null,
): TopPod => ({
  name,
  namespace,
  node: 'node-1',
  cpuMillicores: 10,
  memoryBytes: memory,
  memoryLimitBytes: limit,
});

describe('clusterAlerts', () => {
  const hotNode = node('hot', 3600, GiB); // 90 % CPU
  const coolNode = node('cool', 400, GiB);
  const downNode = { ...node('down', null, null), ready: false };

  it('lists problems, NotReady and hot nodes, and pods near their memory limit, worst first', () => {
    const alerts = clusterAlerts({
      problems: [problem],
      nodes: [coolNode, hotNode, downNode],
      topMemoryPods: [
        pod('a', 'shop', 95, 100),
        pod('b', 'shop', 50, 100),
        pod('c', 'shop', 100, null),
        pod('d', 'shop', 120, 100),
      ],
      namespaces: [],
    });
    expect(alerts.map((a) => a.key)).toEqual([
      'problem:metrics-api-unavailable',
      'notready:down',
      'pod:shop/d',
      'pod:shop/a',
      'node:hot',
    ]);
    expect(alerts[0]).toMatchObject({ text: problem.message, detail: problem.hint });
    expect(alerts.find((a) => a.key === 'node:hot')?.text).toBe('Node hot CPU 90%');
  });

  it('ranks partial-data problems as warnings, above hot nodes', () => {
    const partial: Problem = { ...problem, code: 'nodes-missing-metrics' };
    const alerts = clusterAlerts({
      problems: [partial],
      nodes: [hotNode],
      topMemoryPods: [],
      namespaces: [],
    });
    expect(alerts.map((a) => [a.key, a.severity])).toEqual([
      ['problem:nodes-missing-metrics', 'warning'],
      ['node:hot', 'warning'],
    ]);
  });

  it('does not alert at exactly 85 %', () => {
    const n = node('edge', 3400, GiB); // 85 %
    expect(clusterAlerts({ problems: [], nodes: [n], topMemoryPods: [], namespaces: [] })).toEqual(
      [],
    );
  });

  it('collapses many alerts of one kind into one naming the worst', () => {
    const hot = [86, 95, 90, 88, 99].map((pct, i) => node(`n${i}`, pct * 40, GiB));
    const alerts = clusterAlerts({ problems: [], nodes: hot, topMemoryPods: [], namespaces: [] });
    expect(alerts).toEqual([
      {
        key: 'node:many',
        severity: 'warning',
        text: '5 nodes above 85%',
        detail: 'n4 99% CPU, n1 95% CPU, n2 90% CPU and 2 more',
        weight: 99,
      },
    ]);
  });

  it('never rounds a pod just under its limit up to 100 %', () => {
    const alerts = clusterAlerts({
      problems: [],
      nodes: [],
      topMemoryPods: [pod('a', 'x', 999, 1000)],
      namespaces: [],
    });
    expect(alerts[0]).toMatchObject({ severity: 'warning', text: 'Pod x/a memory 99% of limit' });
  });

  it('filters pods by namespace', () => {
    const alerts = clusterAlerts({
      problems: [],
      nodes: [],
      topMemoryPods: [pod('a', 'shop', 95, 100), pod('b', 'ops', 95, 100)],
      namespaces: ['ops'],
    });
    expect(alerts.map((a) => a.key)).toEqual(['pod:ops/b']);
  });
});

describe('hottest', () => {
  it('picks the hotter resource and the hottest node', () => {
    const memHeavy = node('m', 400, 7 * GiB); // 10 % CPU, 87 % memory
    expect(hottest(memHeavy)).toEqual({ name: 'm', percent: 87, resource: 'memory' });
    expect(hottestNode([node('a', 400, GiB), memHeavy, node('x', null, null)])?.name).toBe('m');
    expect(hottestNode([node('x', null, null)])).toBeNull();
  });
});

describe('fixCommand', () => {
  it('keeps the command and drops the prose around it', () => {
    expect(
      fixCommand(
        'metrics-server cannot scrape; see `kubectl -n kube-system logs deploy/metrics-server`.',
      ),
    ).toBe('kubectl -n kube-system logs deploy/metrics-server');
    expect(fixCommand('Check `kubectl get apiservice x` and `kubectl logs y`.')).toBe(
      'kubectl get apiservice x\nkubectl logs y',
    );
    expect(fixCommand('Wait a minute.')).toBe('Wait a minute.');
  });
});
